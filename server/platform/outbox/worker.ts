/**
 * Delivers outbox jobs. Each job is claimed on its own (`FOR UPDATE SKIP LOCKED`, so parallel
 * workers never take the same job) with a lease: its lock time, renewed while the job runs and
 * checked again right before anything is sent. A worker that dies mid-job stops renewing; once
 * the lock is older than `staleAfterMs` another worker takes the job over (logged), and the old
 * worker, should it still be alive, finds it lost the job and sends nothing more. Sends time out
 * well inside the lease. Delivery is at least once; failures retry with exponential backoff
 * until `maxAttempts`.
 */
import { randomUUID } from "node:crypto";
import { isDatabaseOutage, outageSummary } from "@/server/platform/db/outage";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { logger as rootLogger, type Logger } from "@/server/platform/logger";
import { channelsFromEnv, type DeliveryChannel, type DeliveryChannels } from "@/server/platform/outbox/channels";
import { providedJobKinds, PermanentJobError, type JobKind } from "./job-kind";

export interface WorkerOptions {
  db: PrismaClient;
  workerId?: string;
  /** At most this many jobs per run, claimed one after another. */
  batchSize?: number;
  /** A `processing` job whose lease was last renewed longer ago than this belongs to a dead worker. */
  staleAfterMs?: number;
  /** A single send gives up after this long; keep it well below `staleAfterMs`. */
  sendTimeoutMs?: number;
  now?: () => Date;
  channels?: DeliveryChannels;
  log?: Logger;
  kinds?: Readonly<Record<string, JobKind>>;
  /** Delay before attempt `attempt + 1` after attempt `attempt` failed. */
  retryDelayMs?: (attempt: number) => number;
  /** Asked before each claim: true stops the run (shutdown). */
  stopping?: () => boolean;
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
  /** The worker whose lease had expired, when this claim took the job over. */
  previousOwner: string | null;
}

export const DEFAULT_STALE_AFTER_MS = 30_000;
export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

/** 30 s, 1 min, 2 min, … capped at one hour. */
export function defaultRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** The job was taken over by another worker: nothing more may be sent for it here. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`outbox job ${jobId} belongs to another worker now`);
    this.name = "LeaseLostError";
  }
}

/** Claims up to `batchSize` due jobs, one at a time, and runs each before claiming the next. */
export async function runDueJobs(options: WorkerOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? rootLogger.child({ component: "outbox" });
  const workerId = options.workerId ?? newWorkerId();
  const channels = options.channels ?? channelsFromEnv(log);
  const kinds = options.kinds ?? providedJobKinds();
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const sendTimeoutMs = Math.min(options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS, Math.floor(staleAfterMs / 2));
  const summary: RunSummary = { claimed: 0, done: 0, retried: 0, failed: 0 };

  for (let n = 0; n < (options.batchSize ?? 10); n++) {
    if (options.stopping?.()) break;
    const job = await claimJob(options.db, workerId, now(), staleAfterMs);
    if (!job) break;
    summary.claimed++;
    const jobLog = log.child({ jobId: job.id, kind: job.kind, appointmentId: appointmentIdOf(job.payload), attempts: job.attempts });
    if (job.previousOwner) jobLog.warn({ previousOwner: job.previousOwner, workerId }, "outbox job taken over from a worker whose lease expired");

    const lease = new JobLease(options.db, job.id, workerId, now);
    const renewal = setInterval(() => {
      lease.renew().catch((err: unknown) => jobLog.warn({ err: (err as Error).message }, "outbox lease renewal failed"));
    }, Math.max(50, Math.floor(staleAfterMs / 3)));
    let outcome: Outcome;
    try {
      outcome = await runJob(job, { db: options.db, log: jobLog, now, channels: guarded(channels, lease, sendTimeoutMs), kinds });
    } finally {
      clearInterval(renewal);
    }

    if (outcome.ok) {
      if (await finish(options.db, job.id, workerId, { state: "done", completedAt: now(), lastError: null })) {
        summary.done++;
        jobLog.info("outbox job delivered");
      }
    } else if (outcome.leaseLost) {
      jobLog.warn({ workerId }, "outbox job lost to another worker; nothing more sent here");
    } else if (outcome.permanent || job.attempts >= job.maxAttempts) {
      await finish(options.db, job.id, workerId, { state: "failed", lastError: outcome.error });
      summary.failed++;
      jobLog.error({ error: outcome.error }, "outbox job failed");
    } else {
      const runAt = new Date(now().getTime() + retryDelayMs(job.attempts));
      await finish(options.db, job.id, workerId, { state: "pending", runAt, lastError: outcome.error });
      summary.retried++;
      jobLog.warn({ runAt, error: outcome.error }, "outbox job will be retried");
    }
  }
  return summary;
}

async function claimJob(db: PrismaClient, workerId: string, now: Date, staleAfterMs: number): Promise<ClaimedJob | null> {
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const rows = await db.$queryRaw<ClaimedJob[]>`
    WITH picked AS (
      SELECT id, CASE WHEN state = 'processing' THEN "lockedBy" END AS "previousOwner"
        FROM outbox_jobs
       WHERE (state = 'pending' AND "runAt" <= ${now})
          OR (state = 'processing' AND "lockedAt" < ${staleBefore})
       ORDER BY "runAt"
       LIMIT 1
       FOR UPDATE SKIP LOCKED)
    UPDATE outbox_jobs j
       SET state = 'processing', "lockedAt" = ${now}, "lockedBy" = ${workerId}, attempts = j.attempts + 1, "updatedAt" = now()
      FROM picked
     WHERE j.id = picked.id
    RETURNING j.id, j."companyId", j.kind, j.payload, j.attempts, j."maxAttempts", picked."previousOwner"`;
  return rows[0] ?? null;
}

/** This worker's hold on one job: renewing it also proves the job is still ours. */
class JobLease {
  constructor(
    private readonly db: PrismaClient,
    readonly jobId: string,
    private readonly workerId: string,
    private readonly now: () => Date,
  ) {}

  async renew(): Promise<boolean> {
    const { count } = await this.db.outboxJob.updateMany({
      where: { id: this.jobId, state: "processing", lockedBy: this.workerId },
      data: { lockedAt: this.now() },
    });
    return count === 1;
  }
}

/** Channels that confirm (and renew) the lease right before sending and give up after `timeoutMs`. */
function guarded(channels: DeliveryChannels, lease: JobLease, timeoutMs: number): DeliveryChannels {
  const wrap = (channel: DeliveryChannel): DeliveryChannel => ({
    name: channel.name,
    async send(message) {
      if (!(await lease.renew())) throw new LeaseLostError(lease.jobId);
      await withTimeout(channel.send(message), timeoutMs, `Zustellung über ${channel.name} nach ${timeoutMs} ms abgebrochen`);
    },
  });
  return { email: wrap(channels.email), sms: wrap(channels.sms) };
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function appointmentIdOf(payload: unknown): string | undefined {
  const id = (payload as { appointmentId?: unknown } | null)?.appointmentId;
  return typeof id === "string" ? id : undefined;
}

type Outcome = { ok: true } | { ok: false; leaseLost: true } | { ok: false; leaseLost?: false; permanent: boolean; error: string };

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
      log: deps.log,
      now: deps.now,
      channels: deps.channels,
      job: { id: job.id, companyId: job.companyId, attempts: job.attempts },
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof LeaseLostError) return { ok: false, leaseLost: true };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, permanent: error instanceof PermanentJobError, error: message.slice(0, 2000) };
  }
}

/** Writes the outcome unless another worker has taken the job over meanwhile; false then. */
async function finish(
  db: PrismaClient,
  id: string,
  workerId: string,
  data: { state: "done" | "failed" | "pending"; completedAt?: Date; runAt?: Date; lastError: string | null },
): Promise<boolean> {
  const { count } = await db.outboxJob.updateMany({
    where: { id, state: "processing", lockedBy: workerId },
    data: { ...data, lockedAt: null, lockedBy: null },
  });
  return count === 1;
}

function newWorkerId(): string {
  return `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Polls for due jobs every `intervalMs` until stopped; a batch that was full is followed at once.
 * `stop` claims nothing more and waits for the job in hand (its sends are bounded by the send timeout).
 */
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
    stopping: () => stopped,
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = () => {
    current = runDueJobs(run)
      .then((summary) => summary.claimed === batchSize)
      .catch((error: unknown) => {
        if (isDatabaseOutage(error)) log.warn({ cause: outageSummary(error) }, "outbox worker waiting: database unreachable");
        else log.error({ err: error }, "outbox worker run failed");
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
