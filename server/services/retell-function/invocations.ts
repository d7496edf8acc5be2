/**
 * Retell retries custom-function requests, sometimes while the first one is still running.
 * One row per (call, function, arguments) in function_invocations makes the first request run
 * and every repeat wait for and return its answer, across processes.
 *
 * The running request holds the row with a lease (owner + expiry, on the database's clock) that
 * it renews while it runs. A holder that dies (process killed, connection lost) stops renewing;
 * once the lease has expired the next repeat, on any instance, takes the row over and runs.
 */
import { createHash, randomUUID } from "node:crypto";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { logger } from "@/server/platform/logger";

export interface InvocationKey {
  companyId: string;
  callId: string;
  functionName: string;
  argsHash: string;
}

export interface RunOnceOptions {
  /** How long a repeat waits for the first request to finish. */
  waitMs?: number;
  pollMs?: number;
  /** How long a lease lasts without renewal; renewed every third of it while the run goes on. */
  leaseMs?: number;
}

/** What a run produced; `keep: false` (a transient failure) lets the next retry run again. */
export interface RunOutcome<T> {
  answer: T;
  keep: boolean;
}

export const DEFAULT_LEASE_MS = 6_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runOnce<T>(
  db: PrismaClient,
  key: InvocationKey,
  run: () => Promise<RunOutcome<T>>,
  options: RunOnceOptions = {},
): Promise<T> {
  const { waitMs = 20_000, pollMs = 25, leaseMs = DEFAULT_LEASE_MS } = options;
  const deadline = Date.now() + waitMs;
  const owner = randomUUID();
  const where = { retellCallId_functionName_argsHash: { retellCallId: key.callId, functionName: key.functionName, argsHash: key.argsHash } };

  for (;;) {
    const claimed = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO function_invocations (id, "companyId", "retellCallId", "functionName", "argsHash", "leaseOwner", "leaseExpiresAt")
      VALUES (${randomUUID()}, ${key.companyId}, ${key.callId}, ${key.functionName}, ${key.argsHash}, ${owner}, now() + make_interval(secs => ${leaseMs / 1000}))
      ON CONFLICT ("retellCallId", "functionName", "argsHash") DO NOTHING
      RETURNING id`;
    if (claimed[0]) return execute(db, claimed[0].id, owner, leaseMs, run);

    const existing = await db.functionInvocation.findUnique({ where });
    if (!existing) continue; // the first run failed and released its claim: try to claim again
    if (existing.companyId !== key.companyId) {
      throw new AppError(ErrorCodes.FORBIDDEN, "Dieser Anruf gehört zu einer anderen Firma.");
    }
    if (existing.completed) return existing.response as T;
    if (await takeOver(db, existing.id, owner, leaseMs)) {
      logger.warn(
        { invocationId: existing.id, callId: key.callId, functionName: key.functionName, previousOwner: existing.leaseOwner, owner },
        "function invocation taken over after its lease expired",
      );
      return execute(db, existing.id, owner, leaseMs, run);
    }
    if (Date.now() > deadline) {
      throw new AppError(ErrorCodes.CONFLICT, "Ihre Anfrage wird noch bearbeitet. Einen Moment bitte.", { retryAfter: 2 });
    }
    await sleep(pollMs);
  }
}

/** Claims a row whose holder let its lease expire (rows from before leases have none). */
async function takeOver(db: PrismaClient, id: string, owner: string, leaseMs: number): Promise<boolean> {
  const taken = await db.$executeRaw`
    UPDATE function_invocations
       SET "leaseOwner" = ${owner}, "leaseExpiresAt" = now() + make_interval(secs => ${leaseMs / 1000})
     WHERE id = ${id} AND completed = false AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())`;
  return taken === 1;
}

async function execute<T>(db: PrismaClient, id: string, owner: string, leaseMs: number, run: () => Promise<RunOutcome<T>>): Promise<T> {
  const renewal = setInterval(() => {
    db.$executeRaw`
      UPDATE function_invocations SET "leaseExpiresAt" = now() + make_interval(secs => ${leaseMs / 1000})
       WHERE id = ${id} AND "leaseOwner" = ${owner} AND completed = false`.catch((err: unknown) =>
      logger.warn({ invocationId: id, err: (err as Error).message }, "function invocation lease renewal failed"),
    );
  }, Math.max(50, Math.floor(leaseMs / 3)));
  let outcome: RunOutcome<T>;
  try {
    outcome = await run();
  } catch (error) {
    await release(db, id, owner);
    throw error;
  } finally {
    clearInterval(renewal);
  }
  if (outcome.keep) {
    // Raw: the client would wrap this update in a transaction of its own (three round trips).
    await db.$executeRaw`
      UPDATE function_invocations
         SET response = ${JSON.stringify(outcome.answer)}::jsonb, completed = true, "leaseOwner" = NULL, "leaseExpiresAt" = NULL
       WHERE id = ${id} AND "leaseOwner" = ${owner}`;
  } else {
    await release(db, id, owner);
  }
  return outcome.answer;
}

/**
 * Gives the row up so the next retry runs at once. Tried a few times; if the database stays
 * unreachable the lease simply expires and a retry takes the row over then.
 */
async function release(db: PrismaClient, id: string, owner: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await db.functionInvocation.deleteMany({ where: { id, leaseOwner: owner, completed: false } });
      return;
    } catch (err) {
      if (attempt === 3) {
        logger.warn({ invocationId: id, err: (err as Error).message }, "function invocation release failed; its lease will expire");
        return;
      }
      await sleep(100 * attempt);
    }
  }
}

/** sha256 of the arguments as JSON with sorted keys: the same arguments in any order hash alike. */
export function hashArgs(args: unknown): string {
  return createHash("sha256").update(canonicalJson(args)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}
