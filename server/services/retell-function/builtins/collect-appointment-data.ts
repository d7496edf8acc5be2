/**
 * collect_appointment_data: gathers date, time, name, phone and service over
 * one or more calls, reports what is still missing, and keeps the result with the call.
 */
import { isAppError } from "@/server/core/errors";
import { joinGerman, spokenDateTime } from "@/server/services/appointments/wording";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import { loadCollectedData, saveCollectedData, type CollectedAppointment } from "@/server/services/retell-function/call-context";
import type { FunctionAnswer, FunctionContext, FunctionImpl } from "@/server/services/retell-function/function-context";
import { callerPhone, normalizeArgs, resolveService } from "@/server/services/retell-function/spoken-input";
import { readMoment } from "@/server/services/retell-function/spoken-moment";

export const REQUIRED_FIELDS = ["datum", "uhrzeit", "name", "telefonnummer", "dienstleistung"] as const;
const FIELD_LABELS: Record<string, string> = {
  datum: "das Datum",
  uhrzeit: "die Uhrzeit",
  name: "der Name",
  telefonnummer: "die Telefonnummer",
  dienstleistung: "die gewünschte Dienstleistung",
};
const OPTIONAL_FIELDS = ["email", "mitarbeiter_wunsch", "notizen"] as const;

export const collectAppointmentData: FunctionImpl = {
  kind: "write",
  async run(fctx, args) {
    const { ctx, callId } = fctx;
    const stored = await loadCollectedData(ctx.db, ctx.companyId, callId);
    const given = normalizeArgs(args);
    const fields = { ...stored.fields };
    for (const key of [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]) if (given[key]) fields[key] = given[key];
    const ref = { companyId: ctx.companyId, callId, branchId: fctx.branch.id, fromNumber: fctx.callerNumber, toNumber: fctx.ourNumber };
    // A run from the dashboard keeps nothing: there is no call to keep it with.
    const save = (data: Parameters<typeof saveCollectedData>[2]) =>
      fctx.dryRun || fctx.fromDashboard ? Promise.resolve() : saveCollectedData(ctx.db, ref, data);

    const missing = REQUIRED_FIELDS.filter((f) => !fields[f]);
    if (missing.length > 0) {
      await save({ ...stored, fields, appointment: undefined });
      return {
        success: false,
        missing_fields: missing,
        message: `Mir ${missing.length === 1 ? "fehlt" : "fehlen"} noch ${joinGerman(missing.map((f) => FIELD_LABELS[f]))}.`,
      };
    }

    let understood: CollectedAppointment | FunctionAnswer;
    try {
      understood = await understand(fctx, fields);
    } catch (error) {
      if (!isAppError(error)) throw error;
      understood = { success: false, message: error.message, error_code: error.code };
    }
    if ("success" in understood) {
      // Asked back (which day part, closed then, not understood): kept, but not yet an appointment.
      await save({ ...stored, fields, appointment: undefined });
      return understood;
    }
    const appointment = understood;
    await save({ ...stored, fields, appointment });
    return answer(appointment, fctx.branch.timeZone);
  },
};

async function understand(fctx: FunctionContext, fields: Record<string, string>): Promise<CollectedAppointment | FunctionAnswer> {
  const { ctx } = fctx;
  const service = await resolveService(ctx.db, ctx.companyId, fctx.branch.id, fields.dienstleistung);
  const read = await readMoment(fctx, fields.datum, fields.uhrzeit, { service_id: service.id });
  if ("answer" in read) return read.answer;
  const { moment } = read;
  return {
    date: moment.date,
    time: moment.time,
    customerName: fields.name,
    customerPhone: callerPhone(fctx, fields.telefonnummer),
    serviceId: service.id,
    serviceName: service.name,
    ...(fields.email ? { email: fields.email } : {}),
    ...(fields.mitarbeiter_wunsch ? { preferredStaff: fields.mitarbeiter_wunsch } : {}),
    ...(fields.notizen ? { notes: fields.notizen } : {}),
  };
}

function answer(a: CollectedAppointment, tz: string): FunctionAnswer {
  const [y, m, d] = a.date.split("-");
  return {
    success: true,
    data: {
      date: a.date,
      time: a.time,
      customer_name: a.customerName,
      customer_phone: a.customerPhone,
      service: a.serviceName,
      email: a.email ?? null,
      preferred_staff: a.preferredStaff ?? null,
      notes: a.notes ?? null,
      datum: `${d}.${m}.${y}`,
      uhrzeit: a.time,
      name: a.customerName,
      telefonnummer: a.customerPhone,
      dienstleistung: a.serviceName,
      ...(a.email ? { email: a.email } : {}),
      ...(a.preferredStaff ? { mitarbeiter_wunsch: a.preferredStaff } : {}),
      ...(a.notes ? { notizen: a.notes } : {}),
    },
    message: `Ich habe notiert: ${a.serviceName} am ${spokenDateTime(zonedDateTimeToInstant(a.date, a.time, tz), tz)} für ${a.customerName}.`,
  };
}
