/**
 * Retell retries custom-function requests, sometimes while the first one is still running.
 * One row per (call, function, arguments) in function_invocations makes the first request run
 * and every repeat wait for and return its answer, across processes.
 */
import { createHash } from "node:crypto";
import { AppError, ErrorCodes } from "@/server/errors";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { isUniqueViolation } from "@/server/db/unique-violation";

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
}

/** What a run produced; `keep: false` (a transient failure) lets the next retry run again. */
export interface RunOutcome<T> {
  answer: T;
  keep: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runOnce<T>(
  db: PrismaClient,
  key: InvocationKey,
  run: () => Promise<RunOutcome<T>>,
  options: RunOnceOptions = {},
): Promise<T> {
  const { waitMs = 20_000, pollMs = 25 } = options;
  const deadline = Date.now() + waitMs;
  const where = { retellCallId_functionName_argsHash: { retellCallId: key.callId, functionName: key.functionName, argsHash: key.argsHash } };

  for (;;) {
    let claimed: { id: string } | null = null;
    try {
      claimed = await db.functionInvocation.create({
        data: { companyId: key.companyId, retellCallId: key.callId, functionName: key.functionName, argsHash: key.argsHash },
        select: { id: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    if (claimed) return execute(db, claimed.id, run);

    const existing = await db.functionInvocation.findUnique({ where });
    if (!existing) continue; // the first run failed and released its claim: try to claim again
    if (existing.companyId !== key.companyId) {
      throw new AppError(ErrorCodes.FORBIDDEN, "Dieser Anruf gehört zu einer anderen Firma.");
    }
    if (existing.completed) return existing.response as T;
    if (Date.now() > deadline) {
      throw new AppError(ErrorCodes.CONFLICT, "Ihre Anfrage wird noch bearbeitet. Einen Moment bitte.", { retryAfter: 2 });
    }
    await sleep(pollMs);
  }
}

async function execute<T>(db: PrismaClient, id: string, run: () => Promise<RunOutcome<T>>): Promise<T> {
  let outcome: RunOutcome<T>;
  try {
    outcome = await run();
  } catch (error) {
    await db.functionInvocation.delete({ where: { id } }).catch(() => undefined);
    throw error;
  }
  if (outcome.keep) {
    await db.functionInvocation.update({ where: { id }, data: { response: toJson(outcome.answer), completed: true } });
  } else {
    await db.functionInvocation.delete({ where: { id } }).catch(() => undefined);
  }
  return outcome.answer;
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

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
