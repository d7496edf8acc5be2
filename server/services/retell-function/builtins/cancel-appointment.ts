/** cancel_appointment: cancels one of the caller's own appointments and reads the cancellation policy. */
import { cancelAppointment as cancel } from "@/server/services/appointments/service";
import type { FunctionImpl } from "@/server/services/retell-function/function-context";
import { normalizeArgs } from "@/server/services/retell-function/spoken-input";
import { appointmentKeys, linkCall } from "./book-appointment";
import { pickCallerAppointment } from "./caller-appointments";

export const cancelAppointment: FunctionImpl = {
  kind: "write",
  async run(fctx, args) {
    const f = normalizeArgs(args);
    const picked = await pickCallerAppointment(fctx, f, "datum");
    if ("answer" in picked) return picked.answer;
    if (fctx.dryRun) {
      const a = picked.appointment;
      return { success: true, dry_run: true, appointment: appointmentKeys(a), message: `Storniert würde der Termin am ${a.date} um ${a.time} Uhr (${a.service}).` };
    }
    const result = await cancel(fctx.ctx, { appointment_id: picked.appointment.id, reason: f.grund });
    await linkCall(fctx, result.appointment.id, result.appointment.customer_id, "cancelled");
    return {
      success: true,
      appointment: appointmentKeys(result.appointment),
      termin: { id: result.appointment.id, datum: result.appointment.date, uhrzeit: result.appointment.time, dienstleistung: result.appointment.service },
      refund_policy: result.refund_policy,
      message: result.refund_policy ? `${result.message} ${result.refund_policy}` : result.message,
    };
  },
};
