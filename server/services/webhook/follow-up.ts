/**
 * The end of a call (spec's webhook orchestrator): appointment data the agent collected but
 * did not book is booked now when the slot is still free, else it becomes a follow-up task
 * for the staff. Either happens once per call (booking idempotency key, task dedupe key).
 */
import { isAppError } from "@/server/core/errors";
import type { Call, Prisma } from "@/server/generated/prisma/client";
import { bookAppointment } from "@/server/services/appointments/service";
import { bookingKey } from "@/server/services/retell-function/builtins/book-appointment";
import type { ServiceContext } from "@/server/core/types";
import { collectedDataSchema, ensureCall, type CollectedAppointment } from "@/server/services/retell-function/call-context";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";

export type Settlement = "none" | "already_handled" | "booked" | "task";

export async function settleCollectedData(ctx: ServiceContext, call: Call): Promise<Settlement> {
  if (call.appointmentId) return "already_handled";
  const parsed = collectedDataSchema.safeParse(call.collectedData ?? {});
  const collected = parsed.success ? parsed.data : { fields: {} };
  if (!collected.appointment && Object.keys(collected.fields).length === 0) return "none";
  if (!collected.appointment) {
    await createFollowUpTask(ctx, call, undefined, collected.fields, null);
    return "task";
  }
  const booking = await bookCollected(ctx, call, collected.appointment);
  if (booking.ok) return "booked";
  await createFollowUpTask(ctx, call, collected.appointment, collected.fields, booking.reason);
  return "task";
}

async function bookCollected(ctx: ServiceContext, call: Call, a: CollectedAppointment): Promise<{ ok: true } | { ok: false; reason: string }> {
  const branch = call.branchId ? await ctx.db.branch.findUnique({ where: { id: call.branchId }, select: { timeZone: true } }) : null;
  const start = zonedDateTimeToInstant(a.date, a.time, branch?.timeZone ?? "Europe/Berlin");
  try {
    const result = await bookAppointment(ctx, {
      branch_id: call.branchId ?? undefined,
      service_id: a.serviceId,
      date: a.date,
      time: a.time,
      customer_name: a.customerName,
      customer_phone: a.customerPhone,
      notes: a.notes,
      idempotency_key: bookingKey(call.retellCallId, a.serviceId, start, a.customerPhone),
      source: "phone",
      retell_call_id: call.retellCallId,
    });
    await ensureCall(
      ctx.db,
      { companyId: ctx.companyId, callId: call.retellCallId },
      { appointmentId: result.appointment.id, customerId: result.appointment.customer_id, outcome: "booked" },
    );
    return { ok: true };
  } catch (error) {
    if (isAppError(error) && error.retryAfter === undefined) return { ok: false, reason: error.message };
    throw error;
  }
}

export async function createFollowUpTask(
  ctx: ServiceContext,
  call: Call,
  appointment: CollectedAppointment | undefined,
  fields: Record<string, string>,
  reason: string | null,
): Promise<void> {
  const name = appointment?.customerName ?? fields.name ?? "Anrufer";
  const date = appointment?.date.split("-").reverse().join(".");
  const details = {
    call_id: call.retellCallId,
    caller_number: call.fromNumber,
    ...(appointment
      ? {
          service: appointment.serviceName,
          date,
          time: appointment.time,
          customer_name: appointment.customerName,
          customer_phone: appointment.customerPhone,
        }
      : { fields }),
    ...(reason ? { reason } : {}),
  };
  const customer = appointment
    ? await ctx.db.customer.findUnique({
        where: { companyId_phone: { companyId: ctx.companyId, phone: appointment.customerPhone } },
        select: { id: true },
      })
    : null;
  await ctx.db.task.upsert({
    where: { dedupeKey: `retell:${ctx.companyId}:${call.retellCallId}:collected` },
    create: {
      companyId: ctx.companyId,
      callId: call.id,
      customerId: customer?.id ?? call.customerId,
      dedupeKey: `retell:${ctx.companyId}:${call.retellCallId}:collected`,
      title: appointment
        ? `Rückruf: Terminwunsch von ${name} (${appointment.serviceName} am ${date} um ${appointment.time} Uhr)`
        : `Rückruf: unvollständige Terminanfrage von ${name}`,
      details: details as Prisma.InputJsonValue,
    },
    update: {},
  });
  await ctx.db.call.update({ where: { id: call.id }, data: { outcome: "follow_up" } });
}
