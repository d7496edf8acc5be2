/** The company's outbox as the dashboard sees it: counts, jobs by state, retry and cancel. */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Message, OutboxJob } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { MESSAGE_KIND_LABELS } from "@/server/services/messaging-delivery/schemas";
import type * as s from "./schemas";

export async function queueStats(ctx: ServiceContext, _params: z.output<typeof s.statsParams>): Promise<z.input<typeof s.statsResult>> {
  const [groups, oldest] = await Promise.all([
    ctx.db.outboxJob.groupBy({ by: ["state"], where: { companyId: ctx.companyId }, _count: { _all: true } }),
    ctx.db.outboxJob.findFirst({
      where: { companyId: ctx.companyId, state: "pending", runAt: { lte: ctx.now() } },
      orderBy: { runAt: "asc" },
      select: { runAt: true },
    }),
  ]);
  const count = (state: OutboxJob["state"]) => groups.find((g) => g.state === state)?._count._all ?? 0;
  return {
    pending: count("pending"),
    processing: count("processing"),
    done: count("done"),
    failed: count("failed"),
    cancelled: count("cancelled"),
    oldest_pending_seconds: oldest ? Math.max(0, Math.round((ctx.now().getTime() - oldest.runAt.getTime()) / 1000)) : null,
  };
}

export async function listJobs(ctx: ServiceContext, params: z.output<typeof s.listParams>): Promise<z.input<typeof s.listResult>> {
  const where = {
    companyId: ctx.companyId,
    ...(params.state ? { state: params.state } : {}),
    ...(params.kind ? { kind: params.kind } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.db.outboxJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: params.limit, skip: params.offset }),
    ctx.db.outboxJob.count({ where }),
  ]);
  const messages = await messagesOf(ctx, rows);
  return {
    jobs: rows.map((job) => {
      const message = messages.get(messageIdOf(job.payload) ?? "");
      return message
        ? { ...toDto(job), summary: messageSummary(message), message: { state: message.state, error: message.error } }
        : toDto(job);
    }),
    total,
  };
}

type MessageFacts = Pick<Message, "id" | "channel" | "to" | "kind" | "state" | "error">;

/** The customer messages the page's jobs send (one read), by id. */
async function messagesOf(ctx: ServiceContext, jobs: OutboxJob[]): Promise<Map<string, MessageFacts>> {
  const ids = jobs.map((j) => messageIdOf(j.payload)).filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.message.findMany({
    where: { id: { in: ids }, companyId: ctx.companyId },
    select: { id: true, channel: true, to: true, kind: true, state: true, error: true },
  });
  return new Map(rows.map((m) => [m.id, m]));
}

function messageIdOf(payload: unknown): string | null {
  const id = (payload as { messageId?: unknown } | null)?.messageId;
  return typeof id === "string" ? id : null;
}


/** "SMS an +4917…: Erinnerung". */
function messageSummary(m: MessageFacts): string {
  return `${m.channel === "email" ? "E-Mail" : "SMS"} an ${m.to}: ${MESSAGE_KIND_LABELS[m.kind]}`;
}

/** A failed or cancelled job gets a fresh set of attempts, due now. */
export async function retryJob(ctx: ServiceContext, params: z.output<typeof s.retryParams>): Promise<z.input<typeof s.retryResult>> {
  await ownJob(ctx, params.job_id);
  const changed = await ctx.db.outboxJob.updateMany({
    where: { id: params.job_id, companyId: ctx.companyId, state: { in: ["failed", "cancelled"] } },
    data: { state: "pending", attempts: 0, runAt: ctx.now(), lockedAt: null, lockedBy: null, completedAt: null },
  });
  if (changed.count === 0) throw new AppError(ErrorCodes.CONFLICT, "Nur fehlgeschlagene oder abgebrochene Aufträge können wiederholt werden.");
  return { job: toDto(await ownJob(ctx, params.job_id)) };
}

/** Only a job still waiting can be cancelled; one being delivered right now cannot be stopped. */
export async function cancelJob(ctx: ServiceContext, params: z.output<typeof s.cancelParams>): Promise<z.input<typeof s.cancelResult>> {
  await ownJob(ctx, params.job_id);
  const changed = await ctx.db.outboxJob.updateMany({
    where: { id: params.job_id, companyId: ctx.companyId, state: "pending" },
    data: { state: "cancelled" },
  });
  if (changed.count === 0) throw new AppError(ErrorCodes.CONFLICT, "Nur wartende Aufträge können abgebrochen werden.");
  return { job: toDto(await ownJob(ctx, params.job_id)) };
}

async function ownJob(ctx: ServiceContext, id: string): Promise<OutboxJob> {
  const job = await ctx.db.outboxJob.findFirst({ where: { id, companyId: ctx.companyId } });
  if (!job) throw new AppError(ErrorCodes.NOT_FOUND, "Der Auftrag wurde nicht gefunden.");
  return job;
}

function toDto(job: OutboxJob): z.input<typeof s.jobSchema> {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    attempts: job.attempts,
    max_attempts: job.maxAttempts,
    run_at: job.runAt.toISOString(),
    last_error: job.lastError,
    summary: summarize(job.payload),
    created_at: job.createdAt.toISOString(),
    completed_at: job.completedAt?.toISOString() ?? null,
    message: null,
  };
}

/** "E-Mail an kunde@example.de: Terminbestätigung …" for notifications; other kinds show nothing. */
function summarize(payload: unknown): string | null {
  if (!payload || typeof payload !== "object") return null;
  const { channel, to, subject } = payload as Record<string, unknown>;
  if (typeof to !== "string" || typeof subject !== "string") return null;
  return `${channel === "email" ? "E-Mail" : "SMS"} an ${to}: ${subject}`;
}
