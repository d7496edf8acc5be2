import { spawn } from "node:child_process";
import path from "node:path";

/** Environment for a child process; NODE_ENV may be left out or set to anything. */
export type ChildEnv = Record<string, string | undefined>;

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Node's arguments for running a TypeScript file of the project: tsx, and the react-server
 * condition under which `server-only` (imported by db, env, crypto, auth and tokens) is empty.
 */
export const TSX_NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];

/**
 * Runs one of the project's tsx scripts as its own process (the way `npm run …` does), without
 * blocking this process, so a server running in it keeps answering.
 */
export function runScript(script: string, args: string[], env: ChildEnv, timeoutMs = 120_000): Promise<ScriptResult> {
  return runProcess(process.execPath, [...TSX_NODE_ARGS, path.join(process.cwd(), script), ...args], env, timeoutMs);
}

/** Any command, likewise without blocking this process. */
export function runProcess(command: string, args: string[], env: ChildEnv, timeoutMs = 120_000): Promise<ScriptResult> {
  const script = [command, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
