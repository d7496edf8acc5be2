/** Cancels an appointment: calendar first, then status, reason, no-show tracking and confirmation. */
import type { z } from "zod";
import type { Tx } from "@/server/calendar/provider";
import { loadCompanyCalendar } from "@/server/calendar/provider-for-company";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { enqueueDepositExpiry } from "@/server/services/stripe/deposit-expiry";
import { enqueueConfirmation } from "./confirmation";
import { actorName, appointmentInclude, loadOwnAppointment, toAppointmentDto } from "./records";
import type * as s from "./schemas";
import { spokenDateTime } from "./wording";

export const DEFAULT_CANCEL_REASON = "Kundenanfrage per Telefon";

export async function cancelAppointment(
  ctx: ServiceContext,
  params: z.output<typeof s.cancelParams>,
): Promise<z.input<typeof s.cancelResult>> {
  const appointment = await loadOwnAppointment(ctx, params.appointment_id);
  if (appointment.status !== "scheduled") {
    throw new AppError(ErrorCodes.CONFLICT, "Dieser Termin ist nicht mehr aktiv und kann nicht storniert werden.", {
      details: { status: appointment.status },
    });
  }
  if (appointment.startsAt.getTime() <= ctx.now().getTime()) {
    throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieser Termin liegt bereits in der Vergangenheit.");
  }
  const { provider, company } = await loadCompanyCalendar(ctx);
  const reason = params.reason ?? DEFAULT_CANCEL_REASON;
  const by = await actorName(ctx);

  const cancelled = await provider.cancel({ externalUid: appointment.externalUid, reason }, async (tx: Tx) => {
    // Guarded by status so two cancellations racing each other count once.
    const changed = await tx.appointment.updateMany({
      where: { id: appointment.id, status: "scheduled" },
      data: { status: "cancelled", cancelledAt: ctx.now(), cancelledBy: by, cancellationReason: reason },
    });
    if (changed.count === 0) throw new AppError(ErrorCodes.CONFLICT, "Dieser Termin wurde bereits storniert.");
    await tx.customer.update({ where: { id: appointment.customerId }, data: { cancellationCount: { increment: 1 } } });
    await enqueueConfirmation(tx, {
      kind: "cancelled",
      companyId: ctx.companyId,
      companyName: company.name,
      settings: company.settings,
      appointment: {
        id: appointment.id,
        branchId: appointment.branchId,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        serviceName: appointment.service.name,
        staffName: appointment.staff?.name ?? null,
        branchName: appointment.branch.name,
        timeZone: appointment.branch.timeZone,
      },
      customer: appointment.customer,
      now: ctx.now(),
    });
    // An open deposit link is ended at Stripe once the cancellation has committed.
    await enqueueDepositExpiry(tx, { companyId: ctx.companyId, appointmentId: appointment.id, now: ctx.now() });
    return tx.appointment.findUniqueOrThrow({ where: { id: appointment.id }, include: appointmentInclude });
  });
  ctx.log.info({ appointmentId: appointment.id, provider: provider.kind }, "appointment cancelled");
  return {
    success: true,
    appointment: toAppointmentDto(cancelled, ctx.now(), company.settings.modificationCutoffHours),
    message: `Ihr Termin am ${spokenDateTime(appointment.startsAt, appointment.branch.timeZone)} wurde erfolgreich storniert.`,
    refund_policy: company.settings.refundPolicy || null,
  };
}
