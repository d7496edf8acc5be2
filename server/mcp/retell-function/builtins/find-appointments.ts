/** find_appointments: the caller's upcoming appointments, by the number they call from unless told otherwise. */
import type { FunctionImpl } from "../function-context";
import { normalizeArgs } from "../spoken-input";
import { callerAppointments } from "./caller-appointments";

export const findAppointments: FunctionImpl = {
  kind: "read",
  async run(fctx, args) {
    const found = await callerAppointments(fctx, normalizeArgs(args));
    return {
      success: found.found,
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
