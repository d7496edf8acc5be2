/** Moves an appointment: cut-off rule, availability, calendar, local row, confirmation. */
import type { z } from "zod";
import { checkOpeningHours } from "@/server/calendar/opening-hours";
import type { ConfirmedBooking, Tx } from "@/server/calendar/provider";
import { loadCompanyCalendar } from "@/server/calendar/provider-for-company";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { formatGermanDate, formatGermanTime } from "@/server/scheduling/time";
import { unavailableSentence } from "./availability";
import { enqueueConfirmation } from "./confirmation";
import { actorName, appointmentInclude, canModify, loadOwnAppointment, toAppointmentDto, type AppointmentRecord } from "./records";
import { reasonedSlotError } from "./no-slot";
import { currentBranch, requestedStart, resolveStaff } from "./resolve";
import type * as s from "./schemas";

export const DEFAULT_CHANGE_REASON = "Kundenanfrage per Telefon";

export async function changeAppointment(
  ctx: ServiceContext,
  params: z.output<typeof s.changeParams>,
): Promise<z.input<typeof s.changeResult>> {
  const appointment = await loadOwnAppointment(ctx, params.appointment_id);
  const { provider, company } = await loadCompanyCalendar(ctx);
  const cutoff = company.settings.modificationCutoffHours;
  assertChangeable(ctx, appointment, cutoff);

  const { service } = appointment;
  const branch = await currentBranch(ctx, appointment.branch);
  const start = requestedStart(branch, params.new_date, params.new_time, ctx.now());
  const opening = checkOpeningHours(branch, start, new Date(start.getTime() + service.durationMinutes * 60_000));
  if (!opening.open) throw new AppError(ErrorCodes.OUTSIDE_BUSINESS_HOURS, unavailableSentence(branch, start, opening));
  const staffId = params.staff_id ? await resolveStaff(ctx, params.staff_id, branch, service) : (appointment.staffId ?? undefined);
  const reason = params.reason ?? DEFAULT_CHANGE_REASON;
  const by = await actorName(ctx);

  const store = async (tx: Tx, confirmed: ConfirmedBooking): Promise<AppointmentRecord> => {
    const moved = await tx.appointment.update({
      where: { id: appointment.id },
      data: {
        startsAt: confirmed.start,
        endsAt: confirmed.end,
        staffId: confirmed.staffId,
        externalUid: confirmed.externalUid,
        rescheduledAt: ctx.now(),
        rescheduledBy: by,
        rescheduleReason: reason,
      },
      include: appointmentInclude,
    });
    await enqueueConfirmation(tx, {
      kind: "rescheduled",
      companyId: ctx.companyId,
      companyName: company.name,
      settings: company.settings,
      appointment: {
        id: moved.id,
        branchId: moved.branchId,
        startsAt: moved.startsAt,
        endsAt: moved.endsAt,
        serviceName: service.name,
        staffName: moved.staff?.name ?? null,
        branchName: branch.name,
        timeZone: branch.timeZone,
      },
      customer: moved.customer,
      now: ctx.now(),
    });
    return moved;
  };

  let moved: AppointmentRecord;
  try {
    moved = await provider.reschedule(
      { appointmentId: appointment.id, externalUid: appointment.externalUid, branch, service, start, staffId, reason },
      store,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE) {
      const plain = new AppError(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, "Der gewünschte Termin ist nicht verfügbar.", { details: error.details });
      throw await reasonedSlotError(ctx, provider, { branch, service, staffId, date: params.new_date, start, excludeAppointmentId: appointment.id }, plain);
    }
    throw error;
  }
  ctx.log.info({ appointmentId: moved.id, provider: provider.kind }, "appointment rescheduled");
  const tz = branch.timeZone;
  return {
    success: true,
    appointment: toAppointmentDto(moved, ctx.now(), cutoff),
    message: `Ihr Termin wurde auf ${formatGermanDate(moved.startsAt, tz)} um ${formatGermanTime(moved.startsAt, tz)} Uhr verschoben.`,
  };
}

/**
 * Only scheduled appointments can change. Callers (phone, API) must stay outside the
 * cut-off; staff in the dashboard may still move an appointment on short notice.
 */
function assertChangeable(ctx: ServiceContext, appointment: AppointmentRecord, cutoffHours: number): void {
  if (appointment.status !== "scheduled") {
    throw new AppError(ErrorCodes.CONFLICT, "Dieser Termin ist nicht mehr aktiv und kann nicht geändert werden.", {
      details: { status: appointment.status },
    });
  }
  if (appointment.startsAt.getTime() <= ctx.now().getTime()) {
    throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieser Termin liegt bereits in der Vergangenheit.");
  }
  if (ctx.actor.type !== "user" && !canModify(appointment, ctx.now(), cutoffHours)) {
    throw new AppError(ErrorCodes.TOO_LATE_TO_MODIFY, `Termine können nur bis ${cutoffHours} Stunden vorher geändert werden.`);
  }
}
