/**
 * appointments.update: another service, staff member, notes or customer for a booked
 * appointment. A new service or staff member is checked by the calendar exactly like a move to
 * the same start (slot engine and rules of the phone path, the same German answers), and the
 * row is written in that same transaction. Cal.com decides its hosts and event types itself:
 * there only notes and customer can change here.
 */
import type { z } from "zod";
import type { ConfirmedBooking, Tx } from "@/server/calendar/provider";
import { loadCompanyCalendar } from "@/server/calendar/provider-for-company";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { normalizePhone } from "@/server/scheduling/phone";
import { instantToLocal } from "@/server/scheduling/time";
import { reasonedSlotError } from "./no-slot";
import { appointmentInclude, loadOwnAppointment, toAppointmentDto, type AppointmentRecord } from "./records";
import { currentBranch, resolveService, resolveStaff } from "./resolve";
import type * as s from "./schemas";

export const EDIT_REASON = "Termin bearbeitet";

export async function updateAppointment(
  ctx: ServiceContext,
  params: z.output<typeof s.updateParams>,
): Promise<z.input<typeof s.updateResult>> {
  const appointment = await loadOwnAppointment(ctx, params.appointment_id);
  if (appointment.status === "cancelled") {
    throw new AppError(ErrorCodes.CONFLICT, "Ein stornierter Termin kann nicht mehr bearbeitet werden.");
  }
  const { provider, company } = await loadCompanyCalendar(ctx);
  const cutoff = company.settings.modificationCutoffHours;
  const serviceChanges = params.service_id !== undefined && params.service_id !== appointment.serviceId;
  const staffChanges = params.staff_id !== undefined && params.staff_id !== appointment.staffId;

  const writeOwnFields = async (tx: Tx) => {
    const customerId = await customerFor(tx, ctx.companyId, appointment, params);
    return {
      ...(params.notes !== undefined ? { notes: params.notes } : {}),
      ...(customerId !== appointment.customerId ? { customerId } : {}),
    };
  };

  let updated: AppointmentRecord;
  if (serviceChanges || staffChanges) {
    if (provider.kind === "calcom") {
      throw new AppError(
        ErrorCodes.CONFLICT,
        "Bei Terminen aus Cal.com legt Cal.com Leistung und Mitarbeiter fest. Bitte stornieren Sie den Termin und buchen Sie ihn neu.",
      );
    }
    if (appointment.status !== "scheduled" || appointment.startsAt.getTime() <= ctx.now().getTime()) {
      throw new AppError(ErrorCodes.CONFLICT, "Leistung und Mitarbeiter lassen sich nur bei kommenden, geplanten Terminen ändern.");
    }
    const service = serviceChanges ? await resolveService(ctx, { service_id: params.service_id }) : appointment.service;
    const branch = await currentBranch(ctx, appointment.branch);
    if (service.branchId && service.branchId !== branch.id) {
      throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, `„${service.name}“ wird in ${branch.name} nicht angeboten.`);
    }
    const wanted = params.staff_id ?? appointment.staffId;
    const staffId = wanted ? await resolveStaff(ctx, wanted, branch, service) : undefined;
    const start = appointment.startsAt;
    const store = async (tx: Tx, confirmed: ConfirmedBooking): Promise<AppointmentRecord> =>
      tx.appointment.update({
        where: { id: appointment.id },
        data: {
          serviceId: service.id,
          staffId: confirmed.staffId,
          endsAt: confirmed.end,
          bufferMinutes: service.bufferMinutes,
          ...(await writeOwnFields(tx)),
        },
        include: appointmentInclude,
      });
    try {
      updated = await provider.reschedule(
        { appointmentId: appointment.id, externalUid: appointment.externalUid, branch, service, start, staffId, reason: EDIT_REASON },
        store,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE) {
        const date = instantToLocal(start, branch.timeZone).date;
        throw await reasonedSlotError(ctx, provider, { branch, service, staffId, date, start, excludeAppointmentId: appointment.id }, error);
      }
      throw error;
    }
  } else {
    updated = await ctx.db.$transaction(async (tx) =>
      tx.appointment.update({ where: { id: appointment.id }, data: await writeOwnFields(tx), include: appointmentInclude }),
    );
  }
  ctx.log.info({ appointmentId: appointment.id, serviceChanges, staffChanges }, "appointment updated");
  return { success: true, appointment: toAppointmentDto(updated, ctx.now(), cutoff), message: "Der Termin wurde gespeichert." };
}

/**
 * The customer the appointment belongs to after the edit: another phone number moves it to
 * that number's customer (created when new); a name names that customer.
 */
async function customerFor(
  tx: Tx,
  companyId: string,
  appointment: AppointmentRecord,
  params: z.output<typeof s.updateParams>,
): Promise<string> {
  const phone = params.customer_phone !== undefined ? normalizePhone(params.customer_phone) : appointment.customer.phone;
  const name = params.customer_name;
  if (phone === appointment.customer.phone) {
    if (name !== undefined && name !== appointment.customer.name) {
      await tx.customer.update({ where: { id: appointment.customerId }, data: { name } });
    }
    return appointment.customerId;
  }
  const customer = await tx.customer.upsert({
    where: { companyId_phone: { companyId, phone } },
    create: { companyId, phone, name: name ?? appointment.customer.name },
    update: name !== undefined ? { name } : {},
    select: { id: true },
  });
  return customer.id;
}
