/**
 * The tool's side of the local channel (channel.ts): it loads nothing of the server, so a tool
 * that only asks the running app starts in a fraction of the time.
 */
import type { LockInfo } from "@/server/platform/db/lock";

export interface OperationResult {
  exitCode: number;
  lines: string[];
}

/** The owner could not be reached (it stopped meanwhile, or is not serving the channel). */
export class OwnerUnreachableError extends Error {}

/** Asks the folder's owner to run an operation. */
export async function runViaOwner(owner: LockInfo, op: string, argv: string[], cwd = process.cwd()): Promise<OperationResult> {
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${owner.controlPort}/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.secret}`, "content-type": "application/json" },
      body: JSON.stringify({ op, argv, cwd }),
      signal: AbortSignal.timeout(10 * 60_000),
    });
  } catch (err) {
    throw new OwnerUnreachableError(`The running app (PID ${owner.pid}) did not answer on its local channel: ${(err as Error).message}`);
  }
  if (!res.ok) throw new OwnerUnreachableError(`The running app (PID ${owner.pid}) refused the local channel request (HTTP ${res.status}).`);
  return (await res.json()) as OperationResult;
}
