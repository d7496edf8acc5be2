/**
 * Cal.com webhooks (`/api/mcp/calcom/webhook?company=<slug>`): bookings created, moved or
 * cancelled in Cal.com itself are mirrored into the local appointments. The company is named
 * in the URL and proven by the signature with its own secret. Each event is stored once
 * (unique dedupe key) in the same transaction as its effect, so a repeated delivery is
 * acknowledged without doing anything, and a failed one is answered 500 for Cal.com to retry.
 */
import { z } from "zod";
import { getCache } from "@/server/platform/cache";
import { invalidateCalcomAvailability } from "@/server/calendar/calcom-provider";
import type { Tx } from "@/server/calendar/provider";
import { decryptSecret } from "@/server/platform/crypto";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { verifyCalcomSignature } from "@/server/integrations/calcom/webhook-signature";
import type { Logger } from "@/server/platform/logger";
import { tryNormalizePhone } from "@/server/scheduling/phone";

const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

const webhookSchema = z.object({
  triggerEvent: z.string().min(1),
  createdAt: z.string().optional(),
  payload: z
    .object({
      uid: z.string().min(1).optional(),
      eventTypeId: z.number().int().nullish(),
      startTime: instant.optional(),
      endTime: instant.optional(),
      attendees: z
        .array(z.object({ name: z.string().optional(), email: z.string().nullish(), phoneNumber: z.string().nullish() }))
        .default([]),
      rescheduleUid: z.string().nullish(),
      cancellationReason: z.string().nullish(),
      rescheduleReason: z.string().nullish(),
    })
    .passthrough()
    .default({ attendees: [] }),
});
type CalcomWebhook = z.output<typeof webhookSchema>;
type Booking = CalcomWebhook["payload"];

export interface CalcomWebhookRequest {
  companySlug: string | null;
  rawBody: string;
  signature: string | null;
}

export interface WebhookAnswer {
  status: number;
  body: { received: boolean; duplicate?: boolean; outcome?: string; error?: string };
}

export interface WebhookDeps {
  db: PrismaClient;
  now: () => Date;
  log: Logger;
}

/** failed: the booking cannot be mirrored until the salon fixes its set-up (e.g. maps the event type); "erneut verarbeiten" runs it again. */
export type CalcomOutcome = { status: "processed" | "ignored" | "failed"; note?: string };
type Outcome = CalcomOutcome;

export async function handleCalcomWebhook(request: CalcomWebhookRequest, deps: WebhookDeps): Promise<WebhookAnswer> {
  const company = request.companySlug
    ? await deps.db.company.findUnique({
        where: { slug: request.companySlug },
        select: { id: true, calendarConnection: { select: { webhookSecretEnc: true } } },
      })
    : null;
  const secretEnc = company?.calendarConnection?.webhookSecretEnc;
  // Unknown company, no secret and a wrong signature look alike from outside.
  if (!company || !secretEnc || !verifyCalcomSignature(request.rawBody, decryptSecret(secretEnc, { companyId: company.id, column: "calendar_connections.webhookSecretEnc" }), request.signature)) {
    return { status: 401, body: { received: false, error: "Ungültige Signatur" } };
  }

  let event: CalcomWebhook;
  try {
    event = webhookSchema.parse(JSON.parse(request.rawBody));
  } catch {
    return { status: 400, body: { received: false, error: "Ungültiger Inhalt" } };
  }
  const uid = event.payload.uid ?? "";
  const dedupeKey = `calcom:${company.id}:${event.triggerEvent}:${uid || event.createdAt || request.rawBody.length}`;

  try {
    const result = await deps.db.$transaction(async (tx) => {
      const stored = await tx.webhookEvent.createMany({
        data: [{ companyId: company.id, provider: "calcom", event: event.triggerEvent, dedupeKey, payload: event as Prisma.InputJsonValue }],
        skipDuplicates: true,
      });
      if (stored.count === 0) return null;
      const outcome = await apply(tx, company.id, event, deps.now());
      await tx.webhookEvent.update({
        where: { dedupeKey },
        data: { status: outcome.status, processedAt: deps.now(), error: outcome.note ?? null },
      });
      return outcome;
    });
    if (!result) return { status: 200, body: { received: true, duplicate: true } };
    await invalidateCalcomAvailability(getCache(), company.id);
    deps.log.info({ companyId: company.id, trigger: event.triggerEvent, uid, outcome: result.status }, "calcom webhook");
    return { status: 200, body: { received: true, outcome: result.status } };
  } catch (error) {
    deps.log.error({ err: error, companyId: company.id, trigger: event.triggerEvent, uid }, "calcom webhook failed");
    return { status: 500, body: { received: false, error: "Verarbeitung fehlgeschlagen" } };
  }
}

/** A stored event run again ("erneut verarbeiten"): the same steps as at its delivery, in the caller's transaction. */
export function applyStoredCalcomEvent(tx: Tx, companyId: string, payload: unknown, now: Date): Promise<Outcome> {
  const parsed = webhookSchema.safeParse(payload);
  if (!parsed.success) return Promise.resolve({ status: "failed", note: "Die gespeicherten Ereignisdaten sind ungültig." });
  return apply(tx, companyId, parsed.data, now);
}

function apply(tx: Tx, companyId: string, event: CalcomWebhook, now: Date): Promise<Outcome> {
  switch (event.triggerEvent) {
    case "BOOKING_CREATED":
      return created(tx, companyId, event.payload);
    case "BOOKING_RESCHEDULED":
      return rescheduled(tx, companyId, event.payload, now);
    case "BOOKING_CANCELLED":
      return cancelled(tx, companyId, event.payload, now);
    default:
      return Promise.resolve({ status: "ignored", note: `Ereignis ${event.triggerEvent} wird nicht verarbeitet` });
  }
}

async function created(tx: Tx, companyId: string, booking: Booking): Promise<Outcome> {
  if (!booking.uid || !booking.startTime || !booking.endTime) return { status: "ignored", note: "Buchung ohne uid oder Zeit" };
  const known = await tx.appointment.findFirst({ where: { companyId, externalUid: booking.uid }, select: { id: true } });
  if (known) return { status: "ignored", note: "Buchung ist bereits bekannt" };

  const service = booking.eventTypeId
    ? await tx.service.findFirst({ where: { companyId, calcomEventTypeId: booking.eventTypeId }, select: { id: true, branchId: true, bufferMinutes: true } })
    : null;
  if (!service) {
    return booking.eventTypeId
      ? { status: "failed", note: `Terminart ${booking.eventTypeId} ist keiner Leistung zugeordnet` }
      : { status: "ignored", note: "Buchung ohne Terminart" };
  }
  const customerId = await customerFor(tx, companyId, booking);
  if (!customerId) return { status: "ignored", note: "Teilnehmer ohne Telefonnummer und ohne bekannte E-Mail" };
  const branch = service.branchId
    ? { id: service.branchId }
    : await tx.branch.findFirst({ where: { companyId, isActive: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!branch) return { status: "failed", note: "Keine Filiale vorhanden" };

  await tx.appointment.create({
    data: {
      companyId,
      branchId: branch.id,
      customerId,
      serviceId: service.id,
      startsAt: booking.startTime,
      endsAt: booking.endTime,
      bufferMinutes: service.bufferMinutes,
      source: "calcom",
      externalUid: booking.uid,
    },
  });
  return { status: "processed" };
}

async function rescheduled(tx: Tx, companyId: string, booking: Booking, now: Date): Promise<Outcome> {
  if (!booking.uid || !booking.startTime || !booking.endTime) return { status: "ignored", note: "Buchung ohne uid oder Zeit" };
  const already = await tx.appointment.findFirst({ where: { companyId, externalUid: booking.uid }, select: { id: true } });
  if (already) return { status: "ignored", note: "Verschiebung ist bereits bekannt" };
  const old = booking.rescheduleUid
    ? await tx.appointment.findFirst({ where: { companyId, externalUid: booking.rescheduleUid }, select: { id: true } })
    : null;
  if (!old) return created(tx, companyId, booking);
  await tx.appointment.update({
    where: { id: old.id },
    data: {
      startsAt: booking.startTime,
      endsAt: booking.endTime,
      externalUid: booking.uid,
      status: "scheduled",
      rescheduledAt: now,
      rescheduledBy: "calcom",
      rescheduleReason: booking.rescheduleReason ?? null,
    },
  });
  return { status: "processed" };
}

async function cancelled(tx: Tx, companyId: string, booking: Booking, now: Date): Promise<Outcome> {
  if (!booking.uid) return { status: "ignored", note: "Buchung ohne uid" };
  const appointment = await tx.appointment.findFirst({
    where: { companyId, externalUid: booking.uid },
    select: { id: true, status: true, customerId: true },
  });
  if (!appointment) return { status: "ignored", note: "Buchung ist nicht bekannt" };
  if (appointment.status !== "scheduled") return { status: "ignored", note: "Termin ist bereits storniert" };
  await tx.appointment.update({
    where: { id: appointment.id },
    data: { status: "cancelled", cancelledAt: now, cancelledBy: "calcom", cancellationReason: booking.cancellationReason ?? null },
  });
  await tx.customer.update({ where: { id: appointment.customerId }, data: { cancellationCount: { increment: 1 } } });
  return { status: "processed" };
}

/** The attendee as a customer: by phone (created when new), else an existing customer with that e-mail. */
async function customerFor(tx: Tx, companyId: string, booking: Booking): Promise<string | null> {
  const attendee = booking.attendees[0];
  if (!attendee) return null;
  const phone = attendee.phoneNumber ? tryNormalizePhone(attendee.phoneNumber) : null;
  if (phone) {
    const customer = await tx.customer.upsert({
      where: { companyId_phone: { companyId, phone } },
      create: { companyId, phone, name: attendee.name ?? null, email: attendee.email ?? null },
      update: {},
    });
    return customer.id;
  }
  if (!attendee.email) return null;
  const byEmail = await tx.customer.findFirst({ where: { companyId, email: { equals: attendee.email, mode: "insensitive" } }, select: { id: true } });
  return byEmail?.id ?? null;
}
