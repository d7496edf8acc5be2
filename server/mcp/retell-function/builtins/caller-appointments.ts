/**
 * Which of the caller's own appointments is meant. Only appointments booked under the
 * caller's number (by default the number they call from) can be found, moved or cancelled;
 * with several and no hint which one, the agent is asked to clarify instead of guessing.
 */
import type { z } from "zod";
import { findAppointmentsByPhone } from "@/server/mcp/appointments/service";
import type { appointmentSchema } from "@/server/mcp/appointments/schemas";
import { joinGerman } from "@/server/mcp/appointments/wording";
import type { FunctionAnswer, FunctionContext } from "../function-context";
import { callerPhone, parseDay } from "../spoken-input";

type Appointment = z.input<typeof appointmentSchema>;

export type Picked = { appointment: Appointment } | { answer: FunctionAnswer };

export async function callerAppointments(fctx: FunctionContext, f: Record<string, string>) {
  return findAppointmentsByPhone(fctx.ctx, { phone: callerPhone(fctx, f.telefonnummer) });
}

/** `termin_id`, else `altes_datum`/`datum` of the appointment, else the only one there is. */
export async function pickCallerAppointment(fctx: FunctionContext, f: Record<string, string>, dayField: string): Promise<Picked> {
  const found = await callerAppointments(fctx, f);
  if (!found.found) return { answer: { success: false, message: found.message } };
  let candidates = found.appointments;
  if (f.termin_id) {
    candidates = candidates.filter((a) => a.id === f.termin_id);
    if (candidates.length === 0) return { answer: { success: false, message: "Diesen Termin finde ich unter Ihrer Nummer nicht." } };
  } else if (f[dayField]) {
    const [y, m, d] = parseDay(fctx, f[dayField]).split("-");
    candidates = candidates.filter((a) => a.date === `${d}.${m}.${y}`);
    if (candidates.length === 0) return { answer: { success: false, message: `An diesem Tag finde ich keinen Termin unter Ihrer Nummer. ${found.message}` } };
  }
  if (candidates.length === 1) return { appointment: candidates[0] };
  const described = candidates.map((a) => `${a.weekday}, ${a.date} um ${a.time} Uhr (${a.service})`);
  return {
    answer: {
      success: false,
      needs_choice: true,
      termine: candidates.map((a) => ({ id: a.id, datum: a.date, uhrzeit: a.time, dienstleistung: a.service })),
      message: `Sie haben mehrere Termine: ${joinGerman(described)}. Welchen meinen Sie?`,
    },
  };
}
