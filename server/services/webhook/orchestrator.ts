/**
 * Processes a stored Retell call event (run by the outbox job, or again on request): the call
 * row is brought up to date, and at call_ended collected-but-unbooked data is settled.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { retellWebhookSchema } from "@/server/services/retell-function/request-shapes";
import { applyCallEvent } from "./call-record";
import { settleCollectedData, type Settlement } from "./follow-up";

export interface ProcessResult {
  event_id: string;
  event: string;
  status: "processed" | "ignored";
  call_id: string | null;
  settlement: Settlement | null;
}

export async function processWebhookEvent(ctx: ServiceContext, eventId: string): Promise<ProcessResult> {
  const event = await ctx.db.webhookEvent.findFirst({ where: { id: eventId, companyId: ctx.companyId } });
  if (!event) throw new AppError(ErrorCodes.NOT_FOUND, "Das Ereignis wurde nicht gefunden.");
  const parsed = retellWebhookSchema.safeParse(event.payload);
  if (!parsed.success) {
    await ctx.db.webhookEvent.update({ where: { id: event.id }, data: { status: "failed", error: "Ungültige Ereignisdaten." } });
    throw new AppError(ErrorCodes.INVALID_INPUT, "Das Ereignis enthält ungültige Daten.");
  }
  const { event: name, call } = parsed.data;
  if (!["call_started", "call_ended", "call_analyzed"].includes(name)) {
    await ctx.db.webhookEvent.update({ where: { id: event.id }, data: { status: "ignored", processedAt: ctx.now() } });
    return { event_id: event.id, event: name, status: "ignored", call_id: call.call_id, settlement: null };
  }
  try {
    const row = await applyCallEvent(ctx, call);
    const settlement = name === "call_ended" ? await settleCollectedData(ctx, row) : null;
    await ctx.db.webhookEvent.update({ where: { id: event.id }, data: { status: "processed", processedAt: ctx.now(), error: null } });
    return { event_id: event.id, event: name, status: "processed", call_id: call.call_id, settlement };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await ctx.db.webhookEvent.update({ where: { id: event.id }, data: { status: "failed", error: message.slice(0, 1000) } });
    throw error;
  }
}
