/** Starting and stopping `npm start` on a given embedded data folder, for the embedded e2e test. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { ChildEnv } from "@/server/testing/run-script";

export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

export { freePort } from "@/server/testing/free-port";

/** The production build the test runs against; built once when the folder has none. */
export function ensureBuild(env: ChildEnv): void {
  if (fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) return;
  console.log(`No production build in ${DIST_DIR}: running npm run build …`);
  const r = spawnSync("npm", ["run", "build"], { env: env as NodeJS.ProcessEnv, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
}

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Signals the whole process group (npm, the shell, next). */
  signal(sig: NodeJS.Signals): void;
}

/** `npm start` (prepare-db, then the production server), or another command, in its own process group. */
export function spawnApp(env: ChildEnv, command: string[] = ["npm", "start"]): AppProcess {
  const child = spawn(command[0]!, command.slice(1), { env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    signal(sig) {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    },
  };
}

/** Waits until /api/health answers 200, or throws with the app's output. */
export async function waitReady(app: AppProcess, baseUrl: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`npm start exited (${app.child.exitCode}):\n${app.output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The app did not become ready within ${timeoutMs} ms:\n${app.output()}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Signals the group and waits until npm and the process owning the database (`ownerPid`, from
 * the lock) are gone; npm may exit before next has closed the database. SIGKILL after the grace
 * period, reported as not in time.
 */
export async function stopApp(app: AppProcess, ownerPid: number, sig: NodeJS.Signals = "SIGTERM", graceMs = 30_000): Promise<{ inTime: boolean }> {
  app.signal(sig);
  const deadline = Date.now() + graceMs;
  while ((app.child.exitCode === null && app.child.signalCode === null) || alive(ownerPid)) {
    if (Date.now() > deadline) {
      app.signal("SIGKILL");
      await app.exited;
      return { inTime: false };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { inTime: true };
}
