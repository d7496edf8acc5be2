/**
 * The daily retention run, as an outbox job that plans its successor: each run first enqueues the
 * next day's (one per day through the dedupe key, so a restart or a second instance adds none),
 * then clears what is due. The server's start plans the first one (`scheduleRetention`).
 */
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { enqueueJob } from "@/server/platform/outbox/enqueue";
import { defineJobKind } from "@/server/platform/outbox/job-kind";
import { applyRetentionToAllCompanies } from "./retention";

export const RETENTION_JOB = "privacy.retention";

/** 03:00 UTC (04:00/05:00 in Berlin): calls are rare then. */
const RUN_HOUR_UTC = 3;

/** The next run's time strictly after `now`. */
export function nextRetentionRun(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_HOUR_UTC));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Plans the next daily run; a no-op when it is already planned. */
export async function scheduleRetention(db: PrismaClient | Prisma.TransactionClient, now: Date): Promise<boolean> {
  const runAt = nextRetentionRun(now);
  return enqueueJob(db, RETENTION_JOB, {}, { runAt, dedupeKey: `privacy:retention:${runAt.toISOString().slice(0, 10)}`, maxAttempts: 3 });
}

export const retentionJob = defineJobKind({
  payload: z.object({}),
  async run(_payload, ctx) {
    await scheduleRetention(ctx.db, ctx.now());
    const cleared = await applyRetentionToAllCompanies(ctx.db, ctx.now());
    const total = Object.values(cleared).reduce((sum, n) => sum + n, 0);
    ctx.log.info({ companies: Object.keys(cleared).length, cleared: total }, "call retention applied");
  },
});
