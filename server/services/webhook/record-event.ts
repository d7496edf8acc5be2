/**
 * Accepting a Retell call event: stored once per (call_id, event) and, for the events we act
 * on, a job in the same transaction. A duplicate delivery changes nothing.
 */
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { enqueueJob } from "@/server/platform/outbox/enqueue";
import type { RetellWebhook } from "@/server/services/retell-function/request-shapes";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { RETELL_WEBHOOK_JOB } from "./webhook-job";

export const HANDLED_EVENTS = new Set(["call_started", "call_ended", "call_analyzed"]);

export type RecordOutcome = { status: "accepted" | "stored"; eventId: string } | { status: "duplicate" };

/** Scoped by company: the same call id in another company's workspace is another call. */
export const dedupeKeyOf = (companyId: string, webhook: Pick<RetellWebhook, "event" | "call">) =>
  `retell:${companyId}:${webhook.call.call_id}:${webhook.event}`;

export async function recordRetellEvent(
  db: PrismaClient,
  companyId: string,
  webhook: RetellWebhook,
  payload: unknown,
  now: Date,
): Promise<RecordOutcome> {
  const handled = HANDLED_EVENTS.has(webhook.event);
  const dedupeKey = dedupeKeyOf(companyId, webhook);
  try {
    return await db.$transaction(async (tx) => {
      const event = await tx.webhookEvent.create({
        data: {
          companyId,
          provider: "retell",
          event: webhook.event,
          dedupeKey,
          payload: payload as Prisma.InputJsonValue,
          status: handled ? "received" : "ignored",
          receivedAt: now,
        },
        select: { id: true },
      });
      if (!handled) return { status: "stored" as const, eventId: event.id };
      await enqueueJob(tx, RETELL_WEBHOOK_JOB, { eventId: event.id }, { companyId, dedupeKey, runAt: now });
      return { status: "accepted" as const, eventId: event.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "duplicate" };
    throw error;
  }
}
