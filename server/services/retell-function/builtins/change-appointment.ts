/** change_appointment: moves one of the caller's own appointments to a new date and time. */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { changeAppointment as change, checkAvailability as checkSlots } from "@/server/services/appointments/service";
import type { FunctionImpl } from "@/server/services/retell-function/function-context";
import { normalizeArgs } from "@/server/services/retell-function/spoken-input";
import { readMoment } from "@/server/services/retell-function/spoken-moment";
import { appointmentKeys, linkCall } from "./book-appointment";
import { pickCallerAppointment } from "./caller-appointments";

export const changeAppointment: FunctionImpl = {
  kind: "write",
  async run(fctx, args) {
    const f = normalizeArgs(args);
    if (!f.neues_datum || !f.neue_uhrzeit) throw new AppError(ErrorCodes.MISSING_FIELD, "Auf welchen Tag und welche Uhrzeit möchten Sie den Termin verschieben?");
    const picked = await pickCallerAppointment(fctx, f, "altes_datum");
    if ("answer" in picked) return picked.answer;
    const read = await readMoment(fctx, f.neues_datum, f.neue_uhrzeit, { service_id: picked.appointment.service_id });
    if ("answer" in read) return read.answer;
    const { moment } = read;
    if (fctx.dryRun) {
      const a = picked.appointment;
      const check = await checkSlots(fctx.ctx, { branch_id: fctx.branch.id, service_id: a.service_id, date: moment.date, time: moment.time });
      return {
        success: check.available,
        dry_run: true,
        available: check.available,
        available_slots: check.slots.map((s) => s.time),
        appointment: appointmentKeys(a),
        would_move_to: { date: check.date, time: check.time },
        message: check.message,
      };
    }
    const result = await change(fctx.ctx, { appointment_id: picked.appointment.id, new_date: moment.date, new_time: moment.time, reason: f.grund });
    await linkCall(fctx, result.appointment.id, result.appointment.customer_id, "changed");
    return {
      success: true,
      appointment: appointmentKeys(result.appointment),
      termin: { id: result.appointment.id, datum: result.appointment.date, uhrzeit: result.appointment.time, dienstleistung: result.appointment.service },
      message: result.message,
    };
  },
};
