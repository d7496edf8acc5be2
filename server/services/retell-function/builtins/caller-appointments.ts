/**
 * Which of the caller's own appointments is meant. Appointments are found under the number the
 * call comes from. When that number is hidden, or the caller names another number (booked for a
 * partner, calling from work), nothing is read out until the caller also gives the name on the
 * appointment and its date and both match; a mismatch ends the lookup for this call and leaves
 * a task for the staff. With several and no hint which one, the agent is asked to clarify.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { findAppointmentsByPhone } from "@/server/services/appointments/service";
import type { appointmentSchema, findResult } from "@/server/services/appointments/schemas";
import { joinGerman } from "@/server/services/appointments/wording";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { ensureCall } from "@/server/services/retell-function/call-context";
import { normalizeGermanText } from "@/server/scheduling/german-words";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import type { FunctionAnswer, FunctionContext } from "@/server/services/retell-function/function-context";
import { parseDay } from "@/server/services/retell-function/spoken-input";

type Appointment = z.input<typeof appointmentSchema>;
type Found = z.input<typeof findResult>;

export type Picked = { appointment: Appointment } | { answer: FunctionAnswer };

const ASK_NUMBER = "Unter welcher Telefonnummer ist der Termin gebucht? Bitte nennen Sie mir auch den Namen, auf den er gebucht ist, und den Tag des Termins.";
const ASK_NAME_AND_DAY = "Damit ich Ihnen Auskunft geben darf: Auf welchen Namen ist der Termin gebucht, und an welchem Tag ist er?";
const REFUSED =
  "Dazu kann ich Ihnen am Telefon leider keine Auskunft geben. Ich habe unser Team gebeten, sich darum zu kümmern; es meldet sich unter der Nummer, unter der der Termin gebucht ist.";

const nothing = (message: string): Found => ({ found: false, count: 0, appointments: [], message });

/**
 * The appointments the caller may hear about. `dayField` names the argument that carries the
 * appointment's date (`datum`, or `altes_datum` when moving one).
 */
export async function callerAppointments(fctx: FunctionContext, f: Record<string, string>, dayField = "datum"): Promise<Found> {
  const own = fctx.callerNumber ? tryNormalizePhone(fctx.callerNumber) : null;
  const named = f.telefonnummer ? tryNormalizePhone(f.telefonnummer) : null;
  if (f.telefonnummer && !named) throw new AppError(ErrorCodes.INVALID_PHONE, "Die Telefonnummer habe ich nicht verstanden.");
  if (own && (!named || named === own)) return findAppointmentsByPhone(fctx.ctx, { phone: own });

  if (await checkFailedBefore(fctx)) return nothing(REFUSED);
  if (!named) return nothing(ASK_NUMBER);
  if (!f.name || !f[dayField]) return nothing(ASK_NAME_AND_DAY);
  const day = germanDate(parseDay(fctx, f[dayField]));
  const found = await findAppointmentsByPhone(fctx.ctx, { phone: named });
  const matching = found.appointments.filter((a) => a.date === day && sameName(f.name, a.customer_name));
  if (matching.length === 0) {
    await leaveTaskForStaff(fctx, named, f.name, day);
    return nothing(REFUSED);
  }
  const described = matching.map((a) => `${a.weekday}, ${a.date} um ${a.time} Uhr, ${a.service}${a.staff_id ? ` bei ${a.staff}` : ""}`);
  const intro = matching.length === 1 ? "Ich habe den Termin gefunden" : `Ich habe ${matching.length} Termine gefunden`;
  return { found: true, count: matching.length, appointments: matching, message: `${intro}: ${joinGerman(described)}.` };
}

/** `termin_id`, else `altes_datum`/`datum` of the appointment, else the only one there is. */
export async function pickCallerAppointment(fctx: FunctionContext, f: Record<string, string>, dayField: string): Promise<Picked> {
  const found = await callerAppointments(fctx, f, dayField);
  if (!found.found) return { answer: { success: false, message: found.message } };
  let candidates = found.appointments;
  if (f.termin_id) {
    candidates = candidates.filter((a) => a.id === f.termin_id);
    if (candidates.length === 0) return { answer: { success: false, message: "Diesen Termin finde ich unter Ihrer Nummer nicht." } };
  } else if (f[dayField]) {
    const day = germanDate(parseDay(fctx, f[dayField]));
    candidates = candidates.filter((a) => a.date === day);
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

/** "2026-03-12" → "12.03.2026", as appointments show their date. */
function germanDate(localDate: string): string {
  const [y, m, d] = localDate.split("-");
  return `${d}.${m}.${y}`;
}

const TITLES = new Set(["frau", "herr", "herrn", "dr", "doktor", "prof", "professor"]);

function nameWords(name: string): string[] {
  return normalizeGermanText(name)
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0 && !TITLES.has(w));
}

/** "Schmidt", "Maria Schmidt" and "Frau Schmidt" match "Maria Schmidt"; a first name alone or another surname does not. */
function sameName(said: string, booked: string | null | undefined): boolean {
  const bookedWords = nameWords(booked ?? "");
  const saidWords = nameWords(said);
  if (bookedWords.length === 0 || saidWords.length === 0) return false;
  return saidWords.includes(bookedWords.at(-1)!) && saidWords.every((w) => bookedWords.includes(w));
}

function identityTaskKey(fctx: FunctionContext): string {
  return `retell:${fctx.callId}:identity-check`;
}

/** One failed check per call: after it, the caller gets the same answer whatever they try. */
async function checkFailedBefore(fctx: FunctionContext): Promise<boolean> {
  const task = await fctx.ctx.db.task.findFirst({ where: { companyId: fctx.ctx.companyId, dedupeKey: identityTaskKey(fctx) }, select: { id: true } });
  return task !== null;
}

async function leaveTaskForStaff(fctx: FunctionContext, namedNumber: string, saidName: string, saidDay: string): Promise<void> {
  const { db, companyId } = fctx.ctx;
  const call = await ensureCall(db, {
    companyId,
    callId: fctx.callId,
    branchId: fctx.branch.id,
    fromNumber: fctx.callerNumber,
    toNumber: fctx.ourNumber,
  });
  const customer = await db.customer.findFirst({ where: { companyId, phone: namedNumber }, select: { id: true } });
  try {
    await db.task.create({
      data: {
        companyId,
        callId: call.id,
        customerId: customer?.id ?? null,
        dedupeKey: identityTaskKey(fctx),
        title: `Rückruf: Anfrage zu Terminen unter ${namedNumber}, Angaben passten nicht`,
        details: {
          call_id: fctx.callId,
          caller_number: fctx.callerNumber ?? null,
          named_number: namedNumber,
          said_name: saidName.slice(0, 100),
          said_date: saidDay,
          reason: fctx.callerNumber ? "Anrufer nannte eine andere Nummer" : "Rufnummer unterdrückt",
        },
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
