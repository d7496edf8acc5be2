/**
 * Days and times as the caller said them, read the way the business means them:
 * - an hour without a part of day ("um drei", "viertel vor drei") is the reading inside the
 *   branch's opening hours that day; when both readings are open the caller is asked
 *   ("vormittags oder nachmittags?");
 * - when no reading is open (closed then, a closed day, a public holiday) the agent says so
 *   and offers the nearest free times;
 * - words that are no date or time are asked back, never guessed (the parsers throw).
 */
import { checkOpeningHours } from "@/server/calendar/opening-hours";
import { hasOpeningHours } from "@/server/calendar/schedules";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { checkAvailability as checkSlots } from "@/server/services/appointments/service";
import { germanTimeReadings, parseGermanDays, parseGermanTime, type DaySpan } from "@/server/scheduling/german-datetime";
import { parseLocalTime, weekdayOfLocalDate, type LocalDate, type LocalTime } from "@/server/scheduling/local-date";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import type { FunctionAnswer, FunctionContext } from "./function-context";

export type TimeReading =
  /** The one time the business means. */
  | { kind: "time"; time: LocalTime }
  /** Both readings are open: the caller has to say which. */
  | { kind: "ask"; readings: LocalTime[]; message: string }
  /** No reading is open; `time` is the one nearest to the opening hours, for the alternatives. */
  | { kind: "closed"; time: LocalTime };

/** The day or days said, never before today (branch's zone). */
export function readDays(fctx: FunctionContext, datum: string): DaySpan {
  const span = parseGermanDays(datum, fctx.now, fctx.branch.timeZone);
  if (span.from < today(fctx)) throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieses Datum liegt in der Vergangenheit.");
  return span;
}

/** One day; a span ("Anfang nächster Woche") is asked back. */
export function readDay(fctx: FunctionContext, datum: string): LocalDate {
  const span = readDays(fctx, datum);
  if (span.from !== span.to) throw new AppError(ErrorCodes.INVALID_DATE, "An welchem Tag genau?");
  return span.from;
}

export function today(fctx: FunctionContext): LocalDate {
  return instantToLocal(fctx.now, fctx.branch.timeZone).date;
}

/** Reads `uhrzeit` on `date` against the branch's opening hours and holidays. */
export function readTimeOn(fctx: FunctionContext, date: LocalDate, uhrzeit: string): TimeReading {
  // Without opening hours the calendar alone decides; the usual reading (1–7 afternoon) stands.
  if (!hasOpeningHours(fctx.branch.businessHours)) return { kind: "time", time: parseGermanTime(uhrzeit) };
  const said = germanTimeReadings(uhrzeit);
  const future = said.filter((time) => startOf(fctx, date, time).getTime() > fctx.now.getTime());
  const open = future.filter((time) => isOpenAt(fctx, date, time));
  if (open.length === 1) return { kind: "time", time: open[0] };
  if (open.length > 1) {
    return { kind: "ask", readings: open, message: `Vormittags oder nachmittags? Meinen Sie ${open.join(" Uhr oder ")} Uhr?` };
  }
  // "um 8" at 10 o'clock on a day open from 9: the reading meant is over, not the evening one.
  if (said.some((time) => !future.includes(time) && isOpenAt(fctx, date, time)) || future.length === 0) {
    throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieser Zeitpunkt liegt in der Vergangenheit.");
  }
  return { kind: "closed", time: nearestToOpening(fctx, date, future) };
}

export interface SpokenMoment {
  date: LocalDate;
  time: LocalTime;
  start: Date;
}

/** The service whose free times are offered instead. */
export type ServiceChoice = { service_id: string } | { service_name: string };

export type MomentReading = { moment: SpokenMoment } | { answer: FunctionAnswer };

/**
 * The moment to book or move to. Asks back when the time is ambiguous; when the branch is
 * closed then, answers so with the nearest free times for `service` that day.
 */
export async function readMoment(fctx: FunctionContext, datum: string, uhrzeit: string, service: ServiceChoice): Promise<MomentReading> {
  const date = readDay(fctx, datum);
  const reading = readTimeOn(fctx, date, uhrzeit);
  if (reading.kind === "ask") return { answer: askAnswer(date, reading) };
  if (reading.kind === "closed") return { answer: await closedAnswer(fctx, date, reading.time, service) };
  const start = startOf(fctx, date, reading.time);
  if (start.getTime() <= fctx.now.getTime()) {
    throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieser Zeitpunkt liegt in der Vergangenheit.");
  }
  return { moment: { date, time: reading.time, start } };
}

export function askAnswer(date: LocalDate, reading: Extract<TimeReading, { kind: "ask" }>): FunctionAnswer {
  return { success: false, needs_clarification: true, date, options: reading.readings, message: reading.message };
}

/** "Am … um 19:30 Uhr haben wir leider geschlossen. Möglich wären …", from the availability check. */
export async function closedAnswer(fctx: FunctionContext, date: LocalDate, time: LocalTime, service: ServiceChoice): Promise<FunctionAnswer> {
  const result = await checkSlots(fctx.ctx, { branch_id: fctx.branch.id, ...service, date, time });
  return {
    success: false,
    available: false,
    reason: result.reason ?? "closed",
    date: result.date,
    time: result.time,
    available_slots: result.slots.map((s) => s.time),
    message: result.message,
  };
}

function startOf(fctx: FunctionContext, date: LocalDate, time: LocalTime): Date {
  return zonedDateTimeToInstant(date, time, fctx.branch.timeZone);
}

function isOpenAt(fctx: FunctionContext, date: LocalDate, time: LocalTime): boolean {
  const start = startOf(fctx, date, time);
  return checkOpeningHours(fctx.branch, start, new Date(start.getTime() + 60_000)).open;
}

/** The reading closest to an opening interval of that weekday; on a closed day the later one. */
function nearestToOpening(fctx: FunctionContext, date: LocalDate, readings: readonly LocalTime[]): LocalTime {
  const intervals = fctx.branch.businessHours.weekly[weekdayOfLocalDate(date)] ?? [];
  const distance = (time: LocalTime) => {
    const t = parseLocalTime(time) ?? 0;
    return Math.min(
      Infinity,
      ...intervals.map((i) => {
        const open = parseLocalTime(i.open) ?? 0;
        const close = i.close === "24:00" ? 1440 : (parseLocalTime(i.close) ?? 1440);
        return t < open ? open - t : t >= close ? t - close + 1 : 0;
      }),
    );
  };
  return [...readings].sort((a, b) => distance(a) - distance(b) || b.localeCompare(a))[0];
}
