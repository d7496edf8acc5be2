import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
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

export interface JobToWrite<K extends JobKindName = JobKindName> {
  kind: K;
  payload: JobPayload<K>;
  options: EnqueueOptions;
}

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
  return (await db.$executeRaw(jobsInsert([{ kind, payload, options } as JobToWrite]))) === 1;
}

/**
 * The INSERT of jobs, to run alone or as part of a larger statement (`WITH written AS (…)`):
 * one statement for any number of jobs; it returns the payload of each job written. ON CONFLICT
 * DO NOTHING: a duplicate dedupe key never raises, so it cannot abort the caller's transaction.
 */
export function jobsInsert(jobs: JobToWrite[]): Prisma.Sql {
  const rows = jobs.map(
    ({ kind, payload, options }) =>
      Prisma.sql`(${randomUUID()}, ${options.companyId ?? null}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${options.dedupeKey ?? null},
                  ${options.runAt}::timestamptz, ${options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}::int, now())`,
  );
  return Prisma.sql`
    INSERT INTO outbox_jobs (id, "companyId", kind, payload, "dedupeKey", "runAt", "maxAttempts", "updatedAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING payload`;
}
