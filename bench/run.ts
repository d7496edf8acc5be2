/**
 * npm run bench [-- --build] [--connections 10] [--duration 10] [--only <section name part>] [--db postgres] [--profile]
 *   [--node-options="<flags>"]
 *
 * With --db postgres the same run measures the embedded default and then PostgreSQL + Redis
 * (DATABASE_URL / REDIS_URL, default the local servers; a database of its own, dropped after).
 * Builds the app into .next-bench (once), starts the production server on a free port with a fresh
 * embedded database, measures a bare route handler as the baseline, then every section in
 * bench/sections/ (add a file there to add measurements), and prints req/s, p50, p99, the
 * ratios to the baseline (mean of a run before and after the sections) and the server's memory. Figures only: slowness never fails the run.
 * With --profile the server runs under `node --cpu-prof` and its CPU self time is printed by package
 * (profiling slows the server: read the figures of such a run for the shares, not the speed).
 * --node-options adds Node flags to the server's NODE_OPTIONS (e.g. to compare heap settings).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DIST_DIR, ensureBuild, freePort, serverFigures, prepareData, processGroupRss, startApp, type RunningApp } from "./lib/app-server";
import { printProfileSummary } from "./lib/cpu-profile";
import { createToken, preparePostgres, type PostgresBench } from "./lib/postgres";
import { measure } from "./lib/load";
import type { BenchContext, BenchSection, Measurement } from "./lib/types";

const TARGET_THROUGHPUT_RATIO = 0.8;
const TARGET_P99_RATIO = 2;
const METRICS_TOKEN = randomBytes(24).toString("hex");

async function loadSections(): Promise<BenchSection[]> {
  const dir = path.join(process.cwd(), "bench", "sections");
  const files = fs.readdirSync(dir).filter((f) => /\.ts$/.test(f)).sort();
  const sections: BenchSection[] = [];
  for (const f of files) {
    const { section } = (await import(path.join(dir, f))) as { section?: BenchSection };
    if (section?.name && typeof section.run === "function") sections.push(section);
    else console.log(`Skipping bench/sections/${f}: it exports no \`section = defineSection(...)\`.`);
  }
  return sections;
}

function meanOf(label: string, a: Measurement, b: Measurement): Measurement {
  const mean = (x: number, y: number) => (x + y) / 2;
  return {
    label,
    requestsPerSecond: mean(a.requestsPerSecond, b.requestsPerSecond),
    latencyP50Ms: mean(a.latencyP50Ms, b.latencyP50Ms),
    latencyP99Ms: mean(a.latencyP99Ms, b.latencyP99Ms),
    failures: a.failures + b.failures,
    total: a.total + b.total,
  };
}

function row(m: Measurement, baseline: Measurement): string {
  const tput = m.requestsPerSecond / baseline.requestsPerSecond;
  const p99 = m.latencyP99Ms / Math.max(baseline.latencyP99Ms, 0.001);
  const isBaseline = m.label.startsWith("baseline");
  const mark = isBaseline ? "" : `${tput >= TARGET_THROUGHPUT_RATIO ? "✓" : "✗"}/${p99 <= TARGET_P99_RATIO ? "✓" : "✗"}`;
  return [
    m.label.padEnd(36),
    m.requestsPerSecond.toFixed(0).padStart(9),
    m.latencyP50Ms.toFixed(1).padStart(8),
    m.latencyP99Ms.toFixed(1).padStart(8),
    tput.toFixed(2).padStart(8),
    p99.toFixed(2).padStart(8),
    String(m.failures).padStart(9),
    mark.padStart(6),
  ].join(" ");
}

type DbKind = "embedded" | "postgres";

async function main() {
  const { values } = parseArgs({
    options: {
      build: { type: "boolean", default: false },
      only: { type: "string" },
      connections: { type: "string", default: "10" },
      duration: { type: "string", default: "10" },
      db: { type: "string", default: "embedded" },
      profile: { type: "boolean", default: false },
      "node-options": { type: "string" },
    },
  });
  if (values.db !== "embedded" && values.db !== "postgres") throw new Error("--db takes embedded or postgres");
  // --db postgres measures both in one run: the embedded default first, then PostgreSQL + Redis.
  const kinds: DbKind[] = values.db === "postgres" ? ["embedded", "postgres"] : ["embedded"];
  const connections = Number(values.connections);
  const durationSeconds = Number(values.duration);
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    // The sections call the demo company; a production start seeds it only when asked.
    SEED_DEMO: "true",
    NEXT_DIST_DIR: DIST_DIR,
    // Measure the gateway, not the limiter refusing: generous limits for this run only.
    RATE_LIMITS: "company=100000000,mcp=100000000",
    OUTBOX_WORKER: "false",
    NEXT_TELEMETRY_DISABLED: "1",
    // The heap figures after the run come from the metrics route.
    METRICS_TOKEN,
  };
  delete base.DATABASE_URL;
  delete base.REDIS_URL;
  ensureBuild(base, values.build);
  for (const kind of kinds) await runOn(kind, base, { connections, durationSeconds, only: values.only?.toLowerCase(), profile: values.profile, nodeOptions: values["node-options"] });
}

async function runOn(kind: DbKind, base: NodeJS.ProcessEnv, opts: { connections: number; durationSeconds: number; only?: string; profile: boolean; nodeOptions?: string }) {
  const { connections, durationSeconds } = opts;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "askproai-bench-"));
  // Kept after the run, for a closer look in Chrome DevTools or with bench/lib/cpu-profile.ts.
  const profileDir = path.join(os.tmpdir(), `askproai-cpu-profile-${kind}-${Date.now()}`);
  let app: RunningApp | undefined;
  let pg: PostgresBench | undefined;
  try {
    let env: NodeJS.ProcessEnv;
    if (kind === "postgres") {
      pg = await preparePostgres(base);
      env = pg.env;
    } else {
      env = { ...base, PGLITE_DATA_DIR: path.join(dataDir, "pglite") };
      prepareData(env);
    }
    const token = createToken(env);
    if (opts.nodeOptions) env = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} ${opts.nodeOptions}`.trim() };
    app = await startApp(env, await freePort(), opts.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
    const where = kind === "postgres" ? `PostgreSQL ${new URL(env.DATABASE_URL!).pathname.slice(1)} + Redis ${env.REDIS_URL}` : "embedded PGlite";
    console.log(`\n=== ${where} ===\nServer ${app.baseUrl} (pid ${app.pid}), ${connections} connections, ${durationSeconds} s per measurement\n`);

    const load: BenchContext["load"] = (label, loadOpts) => measure(app!.baseUrl, label, { connections, durationSeconds, ...loadOpts });
    // The baseline runs first and again last; the reference is their mean, so a machine that
    // gets busier or quieter during the run does not favour either side.
    const first = await load("baseline: bare route handler", { path: "/api/bench/baseline" });
    const ctx: BenchContext = { baseUrl: app.baseUrl, token, connections, durationSeconds, load, baseline: first };
    const results: Measurement[] = [];
    for (const section of (await loadSections()).filter((s) => !opts.only || s.name.toLowerCase().includes(opts.only))) {
      console.log(`Section: ${section.name}`);
      results.push(...(await section.run(ctx)));
    }
    const last = await load("baseline: bare route handler (again)", { path: "/api/bench/baseline" });
    const baseline = meanOf("baseline: mean of both runs", first, last);
    results.unshift(first, last, baseline);

    console.log(
      `\n[${kind}] ${"measurement".padEnd(36)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"req/s÷b".padStart(8)} ${"p99÷b".padStart(8)} ${"failures".padStart(9)} ${"target".padStart(6)}`,
    );
    for (const m of results) console.log(`[${kind}] ${row(m, baseline)}`);
    console.log(`\nMachine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min); other work on the machine skews all figures alike.`);
    console.log(`Targets: throughput ≥ ${TARGET_THROUGHPUT_RATIO}× baseline, p99 ≤ ${TARGET_P99_RATIO}× baseline (✓/✗ per column).`);

    const rss = processGroupRss(app.pid);
    const total = rss.reduce((s, p) => s + p.rssKiB, 0);
    console.log(`\n[${kind}] Server memory after the run (RSS): ${(rss[0]!.rssKiB / 1024).toFixed(0)} MiB in ${rss[0]!.command}; process group total ${(total / 1024).toFixed(0)} MiB`);
    for (const line of await serverFigures(app.baseUrl, METRICS_TOKEN)) console.log(`[${kind}] ${line}`);
    if (opts.profile) {
      await app.stop();
      console.log("");
      printProfileSummary(serverProfile(profileDir), (line) => console.log(`[${kind}] ${line}`));
      console.log(`[${kind}] Profiles kept in ${profileDir}`);
    }
  } finally {
    await app?.stop();
    await pg?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The server's profile: the largest file written (Next may start helper processes that profile too). */
function serverProfile(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  return files.slice(0, 1);
}

main().then(
  // A keep-alive socket or timer a section left open must not keep the finished run waiting.
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
