/**
 * The end of a call (spec's webhook orchestrator): appointment data the agent collected but
 * did not book becomes a follow-up task for the staff, once per call.
 */
import type { Call, Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/mcp/types";
import { collectedDataSchema, type CollectedAppointment } from "@/server/retell/call-context";

export type Settlement = "none" | "already_handled" | "task";

export async function settleCollectedData(ctx: ServiceContext, call: Call): Promise<Settlement> {
  if (call.appointmentId) return "already_handled";
  const parsed = collectedDataSchema.safeParse(call.collectedData ?? {});
  const collected = parsed.success ? parsed.data : { fields: {} };
  if (!collected.appointment && Object.keys(collected.fields).length === 0) return "none";
  await createFollowUpTask(ctx, call, collected.appointment, collected.fields, null);
  return "task";
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
    where: { dedupeKey: `retell:${call.retellCallId}:collected` },
    create: {
      companyId: ctx.companyId,
      callId: call.id,
      customerId: customer?.id ?? call.customerId,
      dedupeKey: `retell:${call.retellCallId}:collected`,
      title: appointment
        ? `Rückruf: Terminwunsch von ${name} (${appointment.serviceName} am ${date} um ${appointment.time} Uhr)`
        : `Rückruf: unvollständige Terminanfrage von ${name}`,
      details: details as Prisma.InputJsonValue,
    },
    update: {},
  });
  await ctx.db.call.update({ where: { id: call.id }, data: { outcome: "follow_up" } });
}
