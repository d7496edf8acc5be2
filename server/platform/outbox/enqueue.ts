import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import type { JobKindName, JobPayload } from "./job-kind";

export interface EnqueueOptions {
  companyId?: string | null;
  /** A second job with the same key is not written. */
  dedupeKey?: string;
  /** When the job becomes due; pass the service clock (`ctx.now()`) so tests with fixed clocks agree. */
  runAt: Date;
  maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Writes a job to the outbox. Pass the transaction that makes the change the job is about,
 * so both are committed together or not at all; the worker delivers it afterwards.
 * Returns false when a job with the same dedupe key already exists.
 */
export async function enqueueJob<K extends JobKindName>(
  db: PrismaClient | Prisma.TransactionClient,
  kind: K,
  payload: JobPayload<K>,
  options: EnqueueOptions,
): Promise<boolean> {
  // ON CONFLICT DO NOTHING: a duplicate never raises, so it cannot abort the caller's transaction.
  const inserted = await db.$executeRaw`
    INSERT INTO outbox_jobs (id, "companyId", kind, payload, "dedupeKey", "runAt", "maxAttempts", "updatedAt")
    VALUES (${randomUUID()}, ${options.companyId ?? null}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${options.dedupeKey ?? null},
            ${options.runAt}, ${options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}, now())
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return inserted === 1;
}
