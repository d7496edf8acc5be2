/**
 * Delivers outbox jobs. A job is claimed with one atomic UPDATE over rows picked
 * `FOR UPDATE SKIP LOCKED`, so parallel workers never take the same job. A worker that dies
 * mid-job leaves it `processing` with its lock time; once that lock is older than
 * `staleAfterMs` another worker claims it again, so a crash loses nothing (delivery is
 * at least once). Failures retry with exponential backoff until `maxAttempts`.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { logger as rootLogger, type Logger } from "@/server/logger";
import { channelsFromEnv, type DeliveryChannels } from "./channels";
import { PermanentJobError, type JobKind } from "./job-kind";
import { jobKinds } from "./job-kinds";

export interface WorkerOptions {
  db: PrismaClient;
  workerId?: string;
  batchSize?: number;
  /** A `processing` job locked longer ago than this belongs to a dead worker. */
  staleAfterMs?: number;
  now?: () => Date;
  channels?: DeliveryChannels;
  log?: Logger;
  kinds?: Readonly<Record<string, JobKind>>;
  /** Delay before attempt `attempt + 1` after attempt `attempt` failed. */
  retryDelayMs?: (attempt: number) => number;
}

export interface RunSummary {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

interface ClaimedJob {
  id: string;
  companyId: string | null;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export const DEFAULT_STALE_AFTER_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min, … capped at one hour. */
export function defaultRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** Claims up to `batchSize` due jobs and runs them one after another. */
export async function runDueJobs(options: WorkerOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? rootLogger.child({ component: "outbox" });
  const workerId = options.workerId ?? newWorkerId();
  const channels = options.channels ?? channelsFromEnv(log);
  const kinds = options.kinds ?? jobKinds;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const summary: RunSummary = { claimed: 0, done: 0, retried: 0, failed: 0 };

  const jobs = await claimJobs(options.db, workerId, options.batchSize ?? 10, now(), options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
  summary.claimed = jobs.length;
  for (const job of jobs) {
    const outcome = await runJob(job, { db: options.db, log, now, channels, kinds });
    if (outcome.ok) {
      await finish(options.db, job.id, workerId, { state: "done", completedAt: now(), lastError: null });
      summary.done++;
    } else if (outcome.permanent || job.attempts >= job.maxAttempts) {
      await finish(options.db, job.id, workerId, { state: "failed", lastError: outcome.error });
      summary.failed++;
      log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, error: outcome.error }, "outbox job failed");
    } else {
      const runAt = new Date(now().getTime() + retryDelayMs(job.attempts));
      await finish(options.db, job.id, workerId, { state: "pending", runAt, lastError: outcome.error });
      summary.retried++;
      log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, runAt, error: outcome.error }, "outbox job will be retried");
    }
  }
  return summary;
}

async function claimJobs(db: PrismaClient, workerId: string, limit: number, now: Date, staleAfterMs: number): Promise<ClaimedJob[]> {
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE outbox_jobs
       SET state = 'processing', "lockedAt" = ${now}, "lockedBy" = ${workerId}, attempts = attempts + 1, "updatedAt" = now()
     WHERE id IN (
       SELECT id FROM outbox_jobs
        WHERE (state = 'pending' AND "runAt" <= ${now})
           OR (state = 'processing' AND "lockedAt" < ${staleBefore})
        ORDER BY "runAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, "companyId", kind, payload, attempts, "maxAttempts"`;
}

type Outcome = { ok: true } | { ok: false; permanent: boolean; error: string };

async function runJob(
  job: ClaimedJob,
  deps: { db: PrismaClient; log: Logger; now: () => Date; channels: DeliveryChannels; kinds: Readonly<Record<string, JobKind>> },
): Promise<Outcome> {
  const kind = deps.kinds[job.kind];
  if (!kind) return { ok: false, permanent: true, error: `Unbekannte Auftragsart: ${job.kind}` };
  const payload = kind.payload.safeParse(job.payload);
  if (!payload.success) return { ok: false, permanent: true, error: `Ungültige Auftragsdaten: ${payload.error.message}` };
  try {
    await kind.run(payload.data, {
      db: deps.db,
      log: deps.log.child({ jobId: job.id, kind: job.kind }),
      now: deps.now,
      channels: deps.channels,
      job: { id: job.id, companyId: job.companyId, attempts: job.attempts },
    });
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, permanent: error instanceof PermanentJobError, error: message.slice(0, 2000) };
  }
}

/** Writes the outcome unless another worker has re-claimed the job meanwhile. */
async function finish(
  db: PrismaClient,
  id: string,
  workerId: string,
  data: { state: "done" | "failed" | "pending"; completedAt?: Date; runAt?: Date; lastError: string | null },
): Promise<void> {
  await db.outboxJob.updateMany({
    where: { id, state: "processing", lockedBy: workerId },
    data: { ...data, lockedAt: null, lockedBy: null },
  });
}

function newWorkerId(): string {
  return `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/** Polls for due jobs every `intervalMs` until stopped; a batch that was full is followed at once. */
export function startOutboxWorker(options: WorkerOptions & { intervalMs?: number }): RunningWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  const log = options.log ?? rootLogger.child({ component: "outbox" });
  const batchSize = options.batchSize ?? 10;
  const run: WorkerOptions = {
    ...options,
    log,
    batchSize,
    workerId: options.workerId ?? newWorkerId(),
    channels: options.channels ?? channelsFromEnv(log),
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = () => {
    current = runDueJobs(run)
      .then((summary) => summary.claimed === batchSize)
      .catch((error: unknown) => {
        log.error({ err: error }, "outbox worker run failed");
        return false;
      })
      .then((more) => {
        if (!stopped) timer = setTimeout(tick, more ? 0 : intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
