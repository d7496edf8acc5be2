/**
 * "Run this operation here or in the running app", shared by every command-line tool that
 * needs the database. On the embedded default only one process may open the data folder:
 * while the app runs, the tool sends the operation over the app's local channel and the app
 * runs it with its own database (so caches and logins see the change at once); with no app
 * running, the tool takes the folder's lock and opens it itself.
 */
import { env, EnvError } from "@/server/platform/env";
import { DatabaseLockedError, describeOwner, isAlive, isFolder, lockedMessage, tryAcquire } from "@/server/platform/db/lock";
import { OwnerUnreachableError, runViaOwner, type OperationResult } from "./channel-client";

// The server (database, services, registry) is loaded only to run an operation here: a tool
// that asks the running app needs none of it.
const here = () => import("./run-here");

export interface RunOptions {
  cwd?: string;
  /** How long to wait for a starting app or another tool to finish with the folder. */
  waitMs?: number;
  /** Progress notes (waiting for another process). */
  note?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runOperation(op: string, argv: string[], opts: RunOptions = {}): Promise<OperationResult> {
  const cwd = opts.cwd ?? process.cwd();
  const e = env();
  if (!e.embedded || !isFolder(e.PGLITE_DATA_DIR)) {
    return (await here()).runOnConfiguredDatabase(op, argv, cwd);
  }
  const dataDir = e.PGLITE_DATA_DIR;
  const deadline = Date.now() + (opts.waitMs ?? 60_000);
  let noted = false;
  for (;;) {
    const attempt = tryAcquire(dataDir, { kind: "tool" });
    if ("lock" in attempt) {
      try {
        return await (await here()).runWithFolder(dataDir, op, argv, cwd);
      } finally {
        attempt.lock.release();
      }
    }
    const owner = attempt.owner;
    if (owner?.kind === "app" && owner.controlPort) {
      try {
        return await runViaOwner(owner, op, argv, cwd);
      } catch (err) {
        if (err instanceof OwnerUnreachableError && !isAlive(owner)) continue; // it stopped meanwhile
        throw err;
      }
    }
    if (owner && Date.now() > deadline) throw new DatabaseLockedError(owner, lockedMessage(owner, waitTodo));
    if (owner && !noted) {
      opts.note?.(`Waiting for ${describeOwner(owner).en} to finish with the database …`);
      noted = true;
    }
    await sleep(owner ? 200 : 20);
  }
}

const waitTodo = {
  de: "Bitte warten, bis es fertig ist, und dann erneut versuchen.",
  en: "Wait until it has finished, then try again.",
};

/** The whole life of a command-line script: run, print, set the exit code. */
export async function cliMain(op: string, argv = process.argv.slice(2)): Promise<void> {
  try {
    const result = await runOperation(op, argv, { note: (line) => console.error(line) });
    for (const line of result.lines) console.log(line);
    process.exitCode = result.exitCode;
  } catch (err) {
    console.error(err instanceof DatabaseLockedError || err instanceof EnvError || err instanceof OwnerUnreachableError ? err.message : err);
    process.exitCode = 1;
  }
}

