/** find_appointments: the caller's upcoming appointments (whose, and when another number may be asked about: ./caller-appointments.ts). */
import type { FunctionImpl } from "@/server/services/retell-function/function-context";
import { normalizeArgs } from "@/server/services/retell-function/spoken-input";
import { appointmentKeys } from "./book-appointment";
import { callerAppointments } from "./caller-appointments";

export const findAppointments: FunctionImpl = {
  kind: "read",
  async run(fctx, args) {
    const found = await callerAppointments(fctx, normalizeArgs(args));
    return {
      success: found.found,
      found: found.found,
      count: found.count,
      appointments: found.appointments.map((a) => ({ ...appointmentKeys(a), can_modify: a.can_modify })),
      termine: found.appointments.map((a) => ({
        id: a.id,
        datum: a.date,
        uhrzeit: a.time,
        dienstleistung: a.service,
        mitarbeiter: a.staff,
        aenderbar: a.can_modify,
      })),
      message: found.message,
    };
  },
};
