/**
 * Conversions between wall-clock time in an IANA zone and absolute instants,
 * plus the German formats the receptionist speaks and writes.
 */
import { tzOffset } from "@date-fns/tz";
import { AppError, ErrorCodes } from "@/server/core/errors";
import {
  formatLocalDate,
  formatLocalTime,
  parseLocalDate,
  parseLocalTime,
  type LocalDate,
  type LocalTime,
  type Weekday,
} from "./local-date";

export { addDaysLocal } from "./local-date";

export interface LocalDateTime {
  date: LocalDate;
  time: LocalTime;
  weekday: Weekday;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const GERMAN_WEEKDAYS = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"] as const;

// Zone rules since 1980 change offsets only on quarter hours (UTC), so the offset is the same for
// every instant of a quarter hour: remembered per zone and quarter hour, because asking Intl for it
// is the costliest step of an availability answer. Bounded: emptied when it grows large.
const QUARTER_HOUR_MS = 15 * MS_PER_MINUTE;
const MEMO_FROM_MS = Date.UTC(1980, 0, 1);
const MEMO_MAX = 50_000;
const offsetMemo = new Map<string, Map<number, number>>();

/** UTC offset of `tz` at `instantMs`, in minutes east of UTC. */
function offsetMinutes(tz: string, instantMs: number): number {
  if (instantMs < MEMO_FROM_MS) return readOffset(tz, instantMs);
  const quarter = Math.floor(instantMs / QUARTER_HOUR_MS);
  let zone = offsetMemo.get(tz);
  if (!zone) offsetMemo.set(tz, (zone = new Map()));
  let offset = zone.get(quarter);
  if (offset === undefined) {
    offset = readOffset(tz, quarter * QUARTER_HOUR_MS);
    if (zone.size >= MEMO_MAX) zone.clear();
    zone.set(quarter, offset);
  }
  return offset;
}

function readOffset(tz: string, instantMs: number): number {
  const offset = tzOffset(tz, new Date(instantMs));
  if (Number.isNaN(offset)) {
    throw new AppError(ErrorCodes.INVALID_INPUT, "Die Zeitzone ist ungültig.", { details: { tz } });
  }
  return offset;
}

/**
 * The instant at which the wall clock in `tz` shows `localDate` `time`.
 * "24:00" means midnight at the end of `localDate`.
 *
 * - A time inside the spring-forward gap (02:30 in Berlin on the last Sunday of
 *   March) does not exist; it moves forward by the gap, to 03:30 summer time.
 * - A time inside the repeated autumn hour exists twice; the first occurrence
 *   (still summer time) is returned.
 */
export function zonedDateTimeToInstant(localDate: LocalDate, time: LocalTime, tz: string): Date {
  const date = parseLocalDate(localDate);
  const minutes = parseLocalTime(time);
  if (!date || minutes === null) {
    throw new AppError(ErrorCodes.INVALID_DATE, "Datum oder Uhrzeit ist ungültig.", { details: { localDate, time } });
  }
  // The wall-clock reading interpreted as if it were UTC.
  const wallMs = Date.UTC(date.year, date.month - 1, date.day) + minutes * MS_PER_MINUTE;

  // Resolved by offset rather than with `new TZDate(...)`, which picks the second
  // occurrence of a repeated hour. Zones change offset at most once within a day,
  // so the offsets a day before and a day after are the only candidates.
  const offsetBefore = offsetMinutes(tz, wallMs - MS_PER_DAY);
  const offsetAfter = offsetMinutes(tz, wallMs + MS_PER_DAY);
  const candidates = [wallMs - offsetBefore * MS_PER_MINUTE, wallMs - offsetAfter * MS_PER_MINUTE]
    .filter((instantMs) => instantMs + offsetMinutes(tz, instantMs) * MS_PER_MINUTE === wallMs)
    .sort((a, b) => a - b);

  if (candidates.length > 0) return new Date(candidates[0]);
  // Gap: read the wall time with the offset in force before the jump.
  return new Date(wallMs - offsetBefore * MS_PER_MINUTE);
}

/** Wall-clock date, time and weekday that `instant` shows in `tz`. */
export function instantToLocal(instant: Date, tz: string): LocalDateTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) {
    throw new AppError(ErrorCodes.INVALID_DATE, "Datum oder Uhrzeit ist ungültig.");
  }
  const shifted = new Date(ms + offsetMinutes(tz, ms) * MS_PER_MINUTE);
  return {
    date: formatLocalDate({
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
    }),
    time: formatLocalTime(shifted.getUTCHours() * 60 + shifted.getUTCMinutes()),
    weekday: shifted.getUTCDay() as Weekday,
  };
}

/** "dd.MM.yyyy" as seen in `tz`, e.g. "09.10.2026". */
export function formatGermanDate(instant: Date, tz: string): string {
  const [year, month, day] = instantToLocal(instant, tz).date.split("-");
  return `${day}.${month}.${year}`;
}

/** "HH:mm" (24-hour) as seen in `tz`, e.g. "14:30". */
export function formatGermanTime(instant: Date, tz: string): string {
  return instantToLocal(instant, tz).time;
}

/** German weekday name, from a weekday number (0 = Sonntag) or an instant seen in `tz`. */
export function germanWeekdayName(weekday: number): string;
export function germanWeekdayName(instant: Date, tz: string): string;
export function germanWeekdayName(value: number | Date, tz?: string): string {
  if (value instanceof Date) {
    if (tz === undefined) throw new TypeError("germanWeekdayName needs a time zone for an instant");
    return GERMAN_WEEKDAYS[instantToLocal(value, tz).weekday];
  }
  const name = GERMAN_WEEKDAYS[value];
  if (!Number.isInteger(value) || name === undefined) throw new RangeError(`Invalid weekday: ${value}`);
  return name;
}
