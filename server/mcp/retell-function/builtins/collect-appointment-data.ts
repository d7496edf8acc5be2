/**
 * collect_appointment_data (spec §4.3.2): gathers date, time, name, phone and service over
 * one or more calls, reports what is still missing, and keeps the result with the call.
 */
import { isAppError } from "@/server/errors";
import { joinGerman, spokenDateTime } from "@/server/mcp/appointments/wording";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import { loadCollectedData, saveCollectedData, type CollectedAppointment } from "@/server/retell/call-context";
import type { FunctionAnswer, FunctionContext, FunctionImpl } from "../function-context";
import { callerPhone, normalizeArgs, parseMoment, resolveService } from "../spoken-input";

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

    const missing = REQUIRED_FIELDS.filter((f) => !fields[f]);
    if (missing.length > 0) {
      await saveCollectedData(ctx.db, ref, { ...stored, fields, appointment: undefined });
      return {
        success: false,
        missing_fields: missing,
        message: `Mir ${missing.length === 1 ? "fehlt" : "fehlen"} noch ${joinGerman(missing.map((f) => FIELD_LABELS[f]))}.`,
      };
    }

    let appointment: CollectedAppointment;
    try {
      appointment = await understand(fctx, fields);
    } catch (error) {
      if (!isAppError(error)) throw error;
      await saveCollectedData(ctx.db, ref, { ...stored, fields, appointment: undefined });
      return { success: false, message: error.message, error_code: error.code };
    }
    await saveCollectedData(ctx.db, ref, { ...stored, fields, appointment });
    return answer(appointment, fctx.branch.timeZone);
  },
};

async function understand(fctx: FunctionContext, fields: Record<string, string>): Promise<CollectedAppointment> {
  const { ctx } = fctx;
  const moment = parseMoment(fctx, fields.datum, fields.uhrzeit);
  const service = await resolveService(ctx.db, ctx.companyId, fctx.branch.id, fields.dienstleistung);
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
