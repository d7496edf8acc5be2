/** The company's received webhook events for the dashboard's "Webhook-Ereignisse": list and detail. */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { Prisma, WebhookEvent } from "@/server/generated/prisma/client";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import { maskSecrets } from "./mask-secrets";
import type * as s from "./schemas";

const ZONE = "Europe/Berlin";
/** A received event whose processing began longer ago than this never finished (the process died). */
export const STUCK_AFTER_MS = 10 * 60_000;

type EventRow = Omit<WebhookEvent, "payload"> & { payload?: unknown };

export function isReplayable(event: Pick<WebhookEvent, "status" | "receivedAt" | "processedAt">, now: Date): boolean {
  if (event.status === "failed") return true;
  return event.status === "received" && now.getTime() - (event.processedAt ?? event.receivedAt).getTime() > STUCK_AFTER_MS;
}

export function eventRow(e: EventRow, callId: string | null, now: Date): z.input<typeof s.webhookEventSchema> {
  return {
    id: e.id,
    provider: e.provider,
    event: e.event,
    call_id: callId,
    status: e.status,
    error: e.error,
    received_at: e.receivedAt.toISOString(),
    processed_at: e.processedAt?.toISOString() ?? null,
    attempts: e.attempts,
    replayable: isReplayable(e, now),
  };
}

export function callIdOf(provider: string, payload: unknown): string | null {
  if (provider !== "retell") return null;
  const id = (payload as { call?: { call_id?: unknown } } | null)?.call?.call_id;
  return typeof id === "string" ? id : null;
}

const encodeCursor = (e: { receivedAt: Date; id: string }) => Buffer.from(`${e.receivedAt.toISOString()}|${e.id}`).toString("base64url");

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id) throw new AppError(ErrorCodes.INVALID_INPUT, "Die Seitenangabe ist ungültig. Bitte die Liste neu laden.");
  return { at: date, id };
}

export async function listEvents(ctx: ServiceContext, params: z.output<typeof s.listEventsParams>): Promise<z.input<typeof s.listEventsResult>> {
  const received: Prisma.DateTimeFilter = {};
  if (params.received_from) received.gte = zonedDateTimeToInstant(params.received_from, "00:00", ZONE);
  if (params.received_to) received.lt = zonedDateTimeToInstant(params.received_to, "24:00", ZONE);
  const after = params.cursor ? decodeCursor(params.cursor) : null;
  const rows = await ctx.db.webhookEvent.findMany({
    where: {
      companyId: ctx.companyId,
      ...(params.provider ? { provider: params.provider } : {}),
      ...(params.status ? { status: params.status } : {}),
      ...(params.event ? { event: params.event } : {}),
      ...(received.gte || received.lt ? { receivedAt: received } : {}),
      ...(after ? { OR: [{ receivedAt: { lt: after.at } }, { receivedAt: after.at, id: { lt: after.id } }] } : {}),
    },
    // The payload stays in the database; only the call id is read out of it.
    omit: { payload: true },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: params.limit + 1,
  });
  const page = rows.slice(0, params.limit);
  const callIds = await retellCallIds(ctx, page);
  const now = ctx.now();
  return {
    events: page.map((e) => eventRow(e, callIds.get(e.id) ?? null, now)),
    total: page.length,
    next_cursor: rows.length > params.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** The Retell call ids of a page, read out of the payloads in the database. */
async function retellCallIds(ctx: ServiceContext, page: Array<{ id: string; provider: string }>): Promise<Map<string, string>> {
  const ids = page.filter((e) => e.provider === "retell").map((e) => e.id);
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.$queryRaw<Array<{ id: string; call_id: string | null }>>`
    SELECT id, payload #>> '{call,call_id}' AS call_id FROM webhook_events WHERE id = ANY(${ids}) AND "companyId" = ${ctx.companyId}`;
  return new Map(rows.filter((r) => r.call_id).map((r) => [r.id, r.call_id!]));
}

export async function getEvent(ctx: ServiceContext, params: z.output<typeof s.getEventParams>): Promise<z.input<typeof s.getEventResult>> {
  const e = await ctx.db.webhookEvent.findFirst({ where: { id: params.event_id, companyId: ctx.companyId } });
  if (!e) throw new AppError(ErrorCodes.NOT_FOUND, "Das Ereignis wurde nicht gefunden.");
  return { event: { ...eventRow(e, callIdOf(e.provider, e.payload), ctx.now()), payload: maskSecrets(e.payload) } };
}
