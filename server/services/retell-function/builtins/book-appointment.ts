/**
 * book_appointment: books what the caller asked for (arguments, completed from the collected
 * call data). The booking's idempotency key is derived from the call and the slot, so even a
 * retry phrased differently ("15 Uhr" / "15:00") cannot book twice.
 */
import { z } from "zod";
import { bookAppointment as book, checkAvailability as checkSlots } from "@/server/services/appointments/service";
import { ensureCall } from "@/server/services/retell-function/call-context";
import type { FunctionImpl } from "@/server/services/retell-function/function-context";
import { callerPhone, resolveService, resolveStaffWish } from "@/server/services/retell-function/spoken-input";
import { readMoment } from "@/server/services/retell-function/spoken-moment";
import { joinGerman } from "@/server/services/appointments/wording";
import { depositSentence, depositSentenceFor } from "@/server/services/stripe/deposit";
import { fieldsWithCollected } from "./call-fields";

const LABELS: Record<string, string> = { datum: "das Datum", uhrzeit: "die Uhrzeit", name: "Ihr Name", dienstleistung: "die Dienstleistung" };

export const bookAppointment: FunctionImpl = {
  kind: "write",
  async run(fctx, args) {
    const f = await fieldsWithCollected(fctx, args, ["datum", "uhrzeit", "name", "dienstleistung"]);
    const missing = Object.keys(LABELS).filter((k) => !f[k]);
    if (missing.length > 0) {
      return { success: false, missing_fields: missing, message: `Für die Buchung ${missing.length === 1 ? "fehlt" : "fehlen"} noch ${joinGerman(missing.map((k) => LABELS[k]))}.` };
    }
    const service = await resolveService(fctx.ctx.db, fctx.ctx.companyId, fctx.branch.id, f.dienstleistung);
    const read = await readMoment(fctx, f.datum, f.uhrzeit, { service_id: service.id });
    if ("answer" in read) return read.answer;
    const { moment } = read;
    const phone = callerPhone(fctx, f.telefonnummer);
    const email = f.email && z.email().safeParse(f.email).success ? f.email : undefined;
    const staffId = await resolveStaffWish(fctx, f.mitarbeiter_wunsch);
    if (fctx.dryRun) {
      const check = await checkSlots(fctx.ctx, { branch_id: fctx.branch.id, service_id: service.id, date: moment.date, time: moment.time, staff_id: staffId });
      return {
        success: check.available,
        dry_run: true,
        available: check.available,
        available_slots: check.slots.map((s) => s.time),
        would_book: { date: check.date, time: check.time, service: service.name, customer_name: f.name, customer_phone: phone },
        message: check.message,
      };
    }
    const result = await book(fctx.ctx, {
      branch_id: fctx.branch.id,
      service_id: service.id,
      date: moment.date,
      time: moment.time,
      staff_id: staffId,
      customer_name: f.name,
      customer_phone: phone,
      customer_email: email,
      notes: f.notizen,
      idempotency_key: bookingKey(fctx.callId, service.id, moment.start, phone),
      source: fctx.fromDashboard ? "dashboard" : "phone",
      retell_call_id: fctx.fromDashboard ? undefined : fctx.callId,
    });
    await linkCall(fctx, result.appointment.id, result.appointment.customer_id, "booked");
    const deposit =
      result.deposit_cents === undefined ? await depositSentence(fctx.ctx.db, fctx.ctx.companyId, result.appointment.id) : depositSentenceFor(result.deposit_cents);
    return {
      success: true,
      already_booked: result.already_booked,
      appointment: appointmentKeys(result.appointment),
      termin: {
        id: result.appointment.id,
        datum: result.appointment.date,
        uhrzeit: result.appointment.time,
        dienstleistung: result.appointment.service,
        mitarbeiter: result.appointment.staff,
      },
      message: deposit ? `${result.message} ${deposit}` : result.message,
    };
  },
};

/** One booking per call, service, start and caller, however the request was phrased or retried. */
export function bookingKey(callId: string, serviceId: string, start: Date, phone: string): string {
  return `retell:${callId}:${serviceId}:${start.toISOString()}:${phone}`;
}

/** Records on the call which appointment it booked, moved or cancelled. */
export async function linkCall(
  fctx: Parameters<FunctionImpl["run"]>[0],
  appointmentId: string,
  customerId: string,
  outcome: "booked" | "changed" | "cancelled",
): Promise<void> {
  if (fctx.fromDashboard) return;
  await ensureCall(
    fctx.ctx.db,
    { companyId: fctx.ctx.companyId, callId: fctx.callId, branchId: fctx.branch.id, fromNumber: fctx.callerNumber, toNumber: fctx.ourNumber },
    { appointmentId, customerId, outcome },
  );
}

/** An appointment under the specification's keys. */
export function appointmentKeys(a: { id: string; date: string; time: string; service: string; staff: string; branch: string }) {
  return { id: a.id, date: a.date, time: a.time, service: a.service, staff: a.staff, branch: a.branch };
}
