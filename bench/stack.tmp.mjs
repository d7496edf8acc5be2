import fs from "node:fs";
const file = process.argv[2];
const p = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const leaves = new Set(process.argv.slice(3));
const agg = new Map();
for (let i = 0; i < p.samples.length; i++) {
  const n = byId.get(p.samples[i]);
  if (!leaves.has(n.callFrame.functionName)) continue;
  const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
  const chain = [];
  let id = parent.get(n.id);
  while (id !== undefined && chain.length < 8) {
    const f = byId.get(id).callFrame;
    chain.push(`${f.functionName || "(anon)"}@${f.url.split("/").slice(-2).join("/")}`);
    id = parent.get(id);
  }
  const key = `${n.callFrame.functionName} <- ${chain.join(" <- ")}`;
  agg.set(key, (agg.get(key) ?? 0) + ms);
}
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(v.toFixed(0).padStart(6), k.slice(0, 400));
