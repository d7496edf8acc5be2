/**
 * appointments.setStatus: the life cycle after the appointment began. "Erledigt" and "Nicht
 * erschienen" once it has started, and back to "Geplant" to undo a wrong click. A no-show
 * counts on the customer (Customer.noShowCount); undoing it takes the count back, in the same
 * transaction, guarded by the old status so two clicks racing each other count once.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { actorName, appointmentInclude, loadOwnAppointment, toAppointmentDto } from "./records";
import { masterData } from "./resolve";
import type * as s from "./schemas";

const MESSAGES = {
  completed: "Termin als erledigt markiert.",
  no_show: "Termin als nicht erschienen markiert.",
  scheduled: "Termin wieder als geplant markiert.",
} as const;

export async function setAppointmentStatus(
  ctx: ServiceContext,
  params: z.output<typeof s.setStatusParams>,
): Promise<z.input<typeof s.setStatusResult>> {
  const appointment = await loadOwnAppointment(ctx, params.appointment_id);
  const from = appointment.status;
  const to = params.status;
  if (from === "cancelled") {
    throw new AppError(ErrorCodes.CONFLICT, "Ein stornierter Termin kann nicht mehr als erledigt oder nicht erschienen markiert werden.");
  }
  if (to !== "scheduled" && appointment.startsAt.getTime() > ctx.now().getTime()) {
    throw new AppError(ErrorCodes.INVALID_INPUT, "Erst ab Beginn des Termins lässt er sich als erledigt oder nicht erschienen markieren.");
  }
  const cutoff = (await masterData(ctx)).settings.modificationCutoffHours;
  if (from === to) return { success: true, changed: false, appointment: toAppointmentDto(appointment, ctx.now(), cutoff), message: MESSAGES[to] };

  const by = await actorName(ctx);
  const updated = await ctx.db.$transaction(async (tx) => {
    const changed = await tx.appointment.updateMany({
      where: { id: appointment.id, companyId: ctx.companyId, status: from },
      data: { status: to, statusChangedAt: ctx.now(), statusChangedBy: by },
    });
    if (changed.count === 0) throw new AppError(ErrorCodes.CONFLICT, "Der Termin wurde inzwischen geändert. Bitte laden Sie die Seite neu.");
    if (to === "no_show") {
      await tx.customer.update({ where: { id: appointment.customerId }, data: { noShowCount: { increment: 1 } } });
    } else if (from === "no_show") {
      // Never below zero, even if the count was edited meanwhile.
      await tx.customer.updateMany({ where: { id: appointment.customerId, noShowCount: { gt: 0 } }, data: { noShowCount: { decrement: 1 } } });
    }
    return tx.appointment.findUniqueOrThrow({ where: { id: appointment.id }, include: appointmentInclude });
  });
  ctx.log.info({ appointmentId: appointment.id, from, to }, "appointment status changed");
  return { success: true, changed: true, appointment: toAppointmentDto(updated, ctx.now(), cutoff), message: MESSAGES[to] };
}
