/**
 * "Erneut verarbeiten": a failed (or stuck) webhook event runs again through the same steps as
 * at its delivery: Retell's call events through the orchestrator, Cal.com's bookings through the
 * Cal.com webhook's own steps. A conditional update claims the event first (its status and
 * attempt count as read), so of two replays at the same moment only one runs; a processed or
 * ignored event is left alone.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { WebhookEvent } from "@/server/generated/prisma/client";
import { invalidateCalcomAvailability } from "@/server/calendar/calcom-provider";
import { getCache } from "@/server/platform/cache";
import { applyStoredCalcomEvent } from "@/server/services/calcom/webhook";
import { claimEvent } from "./claim";
import { callIdOf, eventRow, isReplayable } from "./event-log";
import { processWebhookEvent } from "./orchestrator";
import type * as s from "./schemas";

const PROVIDER_NAMES: Record<string, string> = { retell: "Retell", calcom: "Cal.com", stripe: "Stripe" };
const FALLBACK_ERROR = "Die Verarbeitung ist fehlgeschlagen.";

export async function replayEvent(ctx: ServiceContext, params: z.output<typeof s.replayEventParams>): Promise<z.input<typeof s.replayEventResult>> {
  const event = await ctx.db.webhookEvent.findFirst({ where: { id: params.event_id, companyId: ctx.companyId } });
  if (!event) throw new AppError(ErrorCodes.NOT_FOUND, "Das Ereignis wurde nicht gefunden.");
  const now = ctx.now();
  if (!isReplayable(event, now)) return unchanged(ctx, event);
  if (event.provider !== "retell" && event.provider !== "calcom") {
    throw new AppError(ErrorCodes.INVALID_INPUT, `Ereignisse von ${PROVIDER_NAMES[event.provider] ?? event.provider} können nicht erneut verarbeitet werden.`);
  }
  const ran = event.provider === "retell" ? await replayRetell(ctx, event, now) : await replayCalcom(ctx, event, now);
  if (!ran) return unchanged(ctx, event);
  const after = await ctx.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
  const row = eventRow(after, callIdOf(after.provider, after.payload), ctx.now());
  const message =
    after.status === "processed"
      ? "Das Ereignis wurde erfolgreich verarbeitet."
      : after.status === "ignored"
        ? `Das Ereignis wurde verarbeitet und ohne Änderung abgeschlossen${after.error ? `: ${after.error}` : "."}`
        : `Die Verarbeitung ist erneut fehlgeschlagen: ${after.error ?? FALLBACK_ERROR}`;
  return { event: row, replayed: true, message };
}

/** Nothing run: already done, or another run has it right now. */
async function unchanged(ctx: ServiceContext, read: WebhookEvent): Promise<z.input<typeof s.replayEventResult>> {
  const now = await ctx.db.webhookEvent.findUniqueOrThrow({ where: { id: read.id } });
  const message =
    now.status === "processed" || now.status === "ignored"
      ? "Das Ereignis ist bereits verarbeitet. Es wurde nichts geändert."
      : now.status === "received"
        ? "Das Ereignis wird gerade verarbeitet. Bitte in einigen Minuten erneut prüfen."
        : "Das Ereignis wurde gerade erneut verarbeitet. Bitte die Liste neu laden.";
  return { event: eventRow(now, callIdOf(now.provider, now.payload), ctx.now()), replayed: false, message };
}

/** The orchestrator as the outbox job runs it (acting as Retell); it records processed or failed itself. */
async function replayRetell(ctx: ServiceContext, event: WebhookEvent, now: Date): Promise<boolean> {
  if (!(await claimEvent(ctx.db, event, now, true))) return false;
  try {
    await processWebhookEvent({ ...ctx, actor: { type: "retell", id: null } }, event.id);
  } catch (error) {
    ctx.log.warn({ err: error, eventId: event.id }, "webhook replay failed");
    // The orchestrator marks its own failures; anything before that must not leave the event "received".
    await ctx.db.webhookEvent.updateMany({ where: { id: event.id, status: "received" }, data: { status: "failed", error: FALLBACK_ERROR } });
  }
  return true;
}

/** Cal.com's steps in one transaction with the claim and the outcome, as at the delivery. */
async function replayCalcom(ctx: ServiceContext, event: WebhookEvent, now: Date): Promise<boolean> {
  try {
    const outcome = await ctx.db.$transaction(async (tx) => {
      if (!(await claimEvent(tx, event, now, true))) return null;
      const result = await applyStoredCalcomEvent(tx, ctx.companyId, event.payload, now);
      await tx.webhookEvent.update({ where: { id: event.id }, data: { status: result.status, processedAt: ctx.now(), error: result.note ?? null } });
      return result;
    });
    if (!outcome) return false;
    if (outcome.status === "processed") await invalidateCalcomAvailability(getCache(), ctx.companyId);
    return true;
  } catch (error) {
    ctx.log.warn({ err: error, eventId: event.id }, "webhook replay failed");
    // Nothing of the run was kept; the attempt is counted and the event stays failed.
    const counted = await ctx.db.webhookEvent.updateMany({
      where: { id: event.id, status: event.status, attempts: event.attempts },
      data: { status: "failed", error: FALLBACK_ERROR, processedAt: now, attempts: { increment: 1 } },
    });
    return counted.count === 1;
  }
}
