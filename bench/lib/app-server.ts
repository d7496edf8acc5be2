import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { TSX_NODE_ARGS } from "@/server/testing/run-script";

export const DIST_DIR = ".next-bench";

export { freePort } from "@/server/testing/free-port";

export function runOrThrow(cmd: string, args: string[], env: NodeJS.ProcessEnv, what: string): string {
  const r = spawnSync(cmd, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Production build into .next-bench (kept apart from other builds); skipped when present unless forced. */
export function ensureBuild(env: NodeJS.ProcessEnv, force: boolean): void {
  if (!force && fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    console.log(`Using the existing production build in ${DIST_DIR} (--build to rebuild).`);
    return;
  }
  console.log(`Building the app into ${DIST_DIR} …`);
  runOrThrow("npx", ["--no-install", "next", "build"], env, "next build");
}

/** Migrates and seeds a fresh embedded database. */
export function prepareData(env: NodeJS.ProcessEnv): void {
  runOrThrow(process.execPath, [...TSX_NODE_ARGS, "scripts/prepare-db.ts"], env, "database preparation");
}

export interface RunningApp {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The production server of `npm start` (with extra Node flags, e.g. --cpu-prof) in its own process group, so stopping it stops all of it.
 * The heap limits are the ones `npm start` sets (package.json config.serverNodeOptions); NODE_OPTIONS given in `env` come after them and win.
 */
export async function startApp(env: NodeJS.ProcessEnv, port: number, nodeArgs: string[] = []): Promise<RunningApp> {
  const server = path.join("server", "doors", "http", "server.mjs");
  const serverOptions = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { config?: { serverNodeOptions?: string } }).config?.serverNodeOptions;
  const nodeOptions = [serverOptions ?? "", env.NODE_OPTIONS ?? ""].join(" ").trim();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, server, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, NODE_OPTIONS: nodeOptions },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 20_000); // a server under --cpu-prof writes its profile before it exits
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return { baseUrl, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The app did not become ready within 60 s:\n${stderr}`);
}

/** Resident memory of every process in the app's process group (KiB), largest first. */
export function processGroupRss(pgid: number): { pid: number; rssKiB: number; command: string }[] {
  const r = spawnSync("ps", ["-o", "pid=,rss=,args=", "-g", String(pgid)], { encoding: "utf8" });
  return r.stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [pid, rss, ...cmd] = line.trim().split(/\s+/);
      return { pid: Number(pid), rssKiB: Number(rss), command: cmd.join(" ").slice(0, 60) };
    })
    .sort((a, b) => b.rssKiB - a.rssKiB);
}

/**
 * The server's own view after the run, from the default metrics of GET /api/metrics (Bearer
 * METRICS_TOKEN): its memory, its garbage collections and its event loop delay since start (the
 * last two explain a p99 far above the p50).
 */
export async function serverFigures(baseUrl: string, metricsToken: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  if (!res.ok) return [`metrics not readable (${res.status})`];
  const text = await res.text();
  const mib = (name: string) => `${(sample(text, name) / 1024 / 1024).toFixed(0)} MiB`;
  const lag = (name: string) => `${(sample(text, `nodejs_eventloop_lag_${name}_seconds`) * 1000).toFixed(1)} ms`;
  return [
    `V8 heap ${mib("nodejs_heap_size_total_bytes")} committed, ${mib("nodejs_heap_size_used_bytes")} used; external ${mib("nodejs_external_memory_bytes")}; the rest of RSS is WebAssembly memory (PGlite, Prisma), code and native allocations`,
    gcFigures(text),
    `Event loop delay since start: p50 ${lag("p50")}, p99 ${lag("p99")}, max ${lag("max")}`,
  ];
}

/** Garbage collections by kind from prom-client's histogram: count, total time, how many over 10 ms. */
function gcFigures(metrics: string): string {
  const gc = (suffix: string, kind: string, le?: string) => sample(metrics, `nodejs_gc_duration_seconds_${suffix}`, `{${le ? `le="${le}",` : ""}kind="${kind}"}`);
  const kinds = ["minor", "incremental", "major", "weakcb"].filter((k) => gc("count", k) > 0);
  if (kinds.length === 0) return "GC figures not readable";
  const parts = kinds.map((k) => `${k} ${gc("count", k)} × (${gc("sum", k).toFixed(2)} s, ${gc("count", k) - gc("bucket", k, "0.01")} over 10 ms)`);
  return `GC since start: ${parts.join(", ")}`;
}

/** One sample's value in Prometheus' text format (NaN when absent); `labels` as written, braces included. */
function sample(metrics: string, name: string, labels = ""): number {
  const escaped = `${name}${labels}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return Number(new RegExp(`^${escaped} (\\S+)`, "m").exec(metrics)?.[1] ?? NaN);
}
