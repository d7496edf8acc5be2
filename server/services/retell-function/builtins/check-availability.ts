/**
 * check_availability: is the wished time free, or which times are free that day (or on the
 * days of "Anfang nächster Woche"). Answers with the specification's keys (`available`,
 * `available_slots`, `date`, `time`) next to the German ones and the sentence the agent says.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { checkAvailability as checkSlots } from "@/server/services/appointments/service";
import { addDaysLocal, type LocalDate } from "@/server/scheduling/local-date";
import type { FunctionAnswer, FunctionContext, FunctionImpl } from "@/server/services/retell-function/function-context";
import { resolveService, resolveStaffWish, type ResolvedService } from "@/server/services/retell-function/spoken-input";
import { askAnswer, readDays, readTimeOn } from "@/server/services/retell-function/spoken-moment";
import { fieldsWithCollected } from "./call-fields";

const SLOTS_TOLD = 8;
/** Days of a span that are told with their free times ("Anfang nächster Woche"). */
const SPAN_DAYS_TOLD = 3;

export const checkAvailability: FunctionImpl = {
  kind: "read",
  async run(fctx, args) {
    const f = await fieldsWithCollected(fctx, args, ["datum", "dienstleistung"]);
    if (!f.datum) throw new AppError(ErrorCodes.MISSING_FIELD, "An welchem Tag hätten Sie gern einen Termin?");
    if (!f.dienstleistung) throw new AppError(ErrorCodes.MISSING_FIELD, "Für welche Dienstleistung suchen Sie einen Termin?");
    const span = readDays(fctx, f.datum);
    const service = await resolveService(fctx.ctx.db, fctx.ctx.companyId, fctx.branch.id, f.dienstleistung);
    const staffId = await resolveStaffWish(fctx, f.mitarbeiter_wunsch);
    if (span.from !== span.to) return spanAnswer(fctx, span, service, staffId);

    const reading = f.uhrzeit ? readTimeOn(fctx, span.from, f.uhrzeit) : undefined;
    if (reading?.kind === "ask") return askAnswer(span.from, reading);
    const result = await checkSlots(fctx.ctx, { branch_id: fctx.branch.id, service_id: service.id, date: span.from, time: reading?.time, staff_id: staffId });
    const times = result.slots.slice(0, SLOTS_TOLD).map((s) => s.time);
    return {
      success: true,
      available: result.available,
      reason: result.reason,
      date: result.date,
      time: result.time,
      service: service.name,
      available_slots: times,
      datum: result.date,
      uhrzeit: result.time,
      dienstleistung: service.name,
      freie_zeiten: times,
      message: result.message,
    };
  },
};

/** Free times on each open day of the span, the first few days told. */
async function spanAnswer(fctx: FunctionContext, span: { from: LocalDate; to: LocalDate }, service: ResolvedService, staffId: string | undefined): Promise<FunctionAnswer> {
  const days: Array<{ date: string; available_slots: string[]; message: string }> = [];
  const empty: Array<{ reason: string | null; message: string }> = [];
  for (let day = span.from; day <= span.to; day = addDaysLocal(day, 1)) {
    const result = await checkSlots(fctx.ctx, { branch_id: fctx.branch.id, service_id: service.id, date: day, staff_id: staffId });
    if (result.available) days.push({ date: result.date, available_slots: result.slots.slice(0, SLOTS_TOLD).map((s) => s.time), message: result.message });
    else empty.push({ reason: result.reason, message: result.message });
  }
  const told = days.slice(0, SPAN_DAYS_TOLD);
  return {
    success: true,
    available: days.length > 0,
    ...(days.length === 0 ? { reason: sharedReason(empty) } : {}),
    service: service.name,
    dienstleistung: service.name,
    days,
    available_slots: told.flatMap((d) => d.available_slots.map((time) => `${d.date} ${time}`)),
    message: days.length === 0 ? spanWithoutSlots(empty, service.name) : told.map((d) => d.message).join(" "),
  };
}

function sharedReason(empty: ReadonlyArray<{ reason: string | null }>): string | null {
  const reasons = new Set(empty.map((e) => e.reason));
  return reasons.size === 1 ? [...reasons][0] : null;
}

/** Why none of the span's days has a free time: one sentence when they share the reason, else each day's. */
function spanWithoutSlots(empty: ReadonlyArray<{ reason: string | null; message: string }>, serviceName: string): string {
  switch (sharedReason(empty)) {
    case "closed":
      return "An diesen Tagen haben wir geschlossen.";
    case "staff_absent":
      return `An diesen Tagen ist für ${serviceName} leider niemand da.`;
    case "fully_booked":
      return `An diesen Tagen ist für ${serviceName} leider schon alles ausgebucht.`;
    case "no_staff_for_service":
    case "outside_booking_window":
      return empty[0].message;
    default:
      return empty.map((e) => e.message).join(" ");
  }
}
