import fs from "node:fs";
import path from "node:path";

/**
 * Self time of V8 CPU profiles (`node --cpu-prof`), summed by where the code lives: a package in
 * node_modules, the app's own bundle, Node's internals, or V8's pseudo-frames (GC, program).
 * `npm run bench -- --profile` writes the profiles of the server and prints this table.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileRow {
  where: string;
  ms: number;
  share: number;
}

/** Which bucket a frame's self time goes to. */
export function bucketOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === "(garbage collector)") return "(garbage collector)";
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(program)") return "(program: V8, compiled WASM, native)";
    return functionName || "(native)";
  }
  if (url.startsWith("node:")) return "node internals";
  if (url.startsWith("wasm://")) return "wasm";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules !== -1) {
    const parts = url.slice(modules + "/node_modules/".length).split("/");
    const name = parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
    return name === "next" && url.includes("/dist/compiled/") ? `next (compiled: ${parts[3] ?? "?"})` : name;
  }
  // The production build bundles our code (and small dependencies) into server chunks.
  if (/\/\.next[^/]*\/server\//.test(url)) return "app bundle (.next/server)";
  return path.basename(url);
}

/** Calls `visit` with every sample's frame and its time in ms (a sample lasts until the next one). */
function forEachSample(files: string[], visit: (frame: ProfileNode["callFrame"], ms: number) => void): void {
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i]!);
      if (node) visit(node.callFrame, (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
  }
}

/** Self time per bucket over one or more profiles, largest first; idle time is left out of the shares. */
export function summariseProfiles(files: string[]): { rows: ProfileRow[]; busyMs: number } {
  const totals = new Map<string, number>();
  forEachSample(files, (frame, ms) => {
    const key = bucketOf(frame.url, frame.functionName);
    totals.set(key, (totals.get(key) ?? 0) + ms);
  });
  totals.delete("(idle)");
  const busyMs = [...totals.values()].reduce((s, v) => s + v, 0);
  const rows = [...totals.entries()]
    .map(([where, ms]) => ({ where, ms, share: busyMs > 0 ? ms / busyMs : 0 }))
    .sort((a, b) => b.ms - a.ms);
  return { rows, busyMs };
}

export function printProfileSummary(files: string[], log: (line: string) => void = console.log, top = 15): void {
  if (files.length === 0) {
    log("No CPU profile was written (the server did not exit cleanly).");
    return;
  }
  const { rows, busyMs } = summariseProfiles(files);
  log(`CPU self time by place (${files.length} profile${files.length > 1 ? "s" : ""}, ${(busyMs / 1000).toFixed(1)} s busy, idle left out):`);
  for (const r of rows.slice(0, top)) log(`  ${r.where.padEnd(44)} ${(r.ms / 1000).toFixed(2).padStart(7)} s ${(r.share * 100).toFixed(1).padStart(6)} %`);
  log("Functions with the most self time:");
  for (const f of topFunctions(files, 10)) log(`  ${(f.ms / 1000).toFixed(2).padStart(7)} s  ${f.name.slice(0, 110)}`);
}

/** The functions with the most self time, with their place (for finding what to cut). */
export function topFunctions(files: string[], top = 40): { name: string; ms: number }[] {
  const totals = new Map<string, number>();
  forEachSample(files, (frame, ms) => {
    if (frame.functionName === "(idle)") return;
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*\/node_modules\//, "")}`;
    totals.set(key, (totals.get(key) ?? 0) + ms);
  });
  return [...totals.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, top);
}
