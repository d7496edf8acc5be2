/**
 * Calendar arithmetic on wall-clock values that carry no time zone:
 * local dates "YYYY-MM-DD" and local times "HH:mm".
 */

/** A calendar date without a zone, "YYYY-MM-DD". */
export type LocalDate = string;
/** A wall-clock time without a zone, "HH:mm" (24-hour). */
export type LocalTime = string;
/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date.getDay()`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatLocalDate({ year, month, day }: DateParts): LocalDate {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** Parses "YYYY-MM-DD"; returns null for anything else, including 2026-02-31. */
export function parseLocalDate(value: string): DateParts | null {
  const m = LOCAL_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

export function isValidLocalDate(value: string): value is LocalDate {
  return parseLocalDate(value) !== null;
}

/** Like `parseLocalDate` but throws a programming error for malformed input. */
export function requireLocalDate(value: string): DateParts {
  const parts = parseLocalDate(value);
  if (!parts) throw new RangeError(`Invalid local date: ${value}`);
  return parts;
}

/** Days since 1970-01-01 for a calendar date (proleptic Gregorian). */
export function localDateToDayNumber(value: LocalDate): number {
  const { year, month, day } = requireLocalDate(value);
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayNumberToLocalDate(dayNumber: number): LocalDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatLocalDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Adds calendar days to a local date; independent of any zone, so DST never shifts it. */
export function addDaysLocal(value: LocalDate, days: number): LocalDate {
  return dayNumberToLocalDate(localDateToDayNumber(value) + days);
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function diffLocalDays(a: LocalDate, b: LocalDate): number {
  return localDateToDayNumber(b) - localDateToDayNumber(a);
}

export function weekdayOfLocalDate(value: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((localDateToDayNumber(value) + 4) % 7) + 7) % 7) as Weekday;
}

/**
 * Minutes after midnight for "HH:mm". "24:00" is accepted as the end of the day,
 * so a closing time can be written as midnight. Returns null when malformed.
 */
export function parseLocalTime(value: string): number | null {
  const m = LOCAL_TIME.exec(value);
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2])];
  if (hours === 24 && minutes === 0) return 24 * 60;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

export function requireLocalTime(value: string): number {
  const minutes = parseLocalTime(value);
  if (minutes === null) throw new RangeError(`Invalid local time: ${value}`);
  return minutes;
}

export function formatLocalTime(minutesAfterMidnight: number): LocalTime {
  return `${pad2(Math.floor(minutesAfterMidnight / 60))}:${pad2(minutesAfterMidnight % 60)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
