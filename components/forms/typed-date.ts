/**
 * Days as people type them into the dashboard's date fields: German (30.11.2026, 30.11.26,
 * 1.12.2026) or ISO (2026-11-30). Strict: an impossible day (31.02.2026) or another order
 * (11/30/2026) is refused rather than guessed, so a field never applies a day nobody meant.
 */
import { format, isValid, parse } from "date-fns";
import { z } from "zod";

export const TYPED_DATE_MESSAGE = "Bitte ein Datum wie 30.11.2026 eingeben.";

/** Each accepted form: its shape (which also keeps date-fns from reading "26" as a 4-digit year) and the date-fns pattern. */
const FORMS: Array<[RegExp, string]> = [
  [/^\d{1,2}\.\d{1,2}\.\d{4}$/, "d.M.yyyy"],
  [/^\d{1,2}\.\d{1,2}\.\d{2}$/, "d.M.yy"],
  [/^\d{4}-\d{2}-\d{2}$/, "yyyy-MM-dd"],
];

/** Years outside this range are typing slips (0202, 20266), not days anybody books or filters. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2199;

/**
 * The typed day as YYYY-MM-DD, or null when it is no day in one of the accepted forms.
 * `reference` only matters for two-digit years (the century closest to it).
 */
export function parseTypedDate(text: string, reference: Date = new Date()): string | null {
  const trimmed = text.trim();
  const pattern = FORMS.find(([shape]) => shape.test(trimmed))?.[1];
  if (!pattern) return null;
  const day = parse(trimmed, pattern, reference);
  if (!isValid(day) || day.getFullYear() < EARLIEST_YEAR || day.getFullYear() > LATEST_YEAR) return null;
  return format(day, "yyyy-MM-dd");
}

/** Whether a field's value is an applied day (YYYY-MM-DD), not empty or refused text. */
export function isDay(value: string): boolean {
  return parseTypedDate(value) === value;
}

/** YYYY-MM-DD → 30.11.2026, as the fields show a day; anything else (refused text like 2026-13-01 too) unchanged. */
export function germanDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match && isDay(day) ? `${match[3]}.${match[2]}.${match[1]}` : day;
}

const weekdayFmt = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", weekday: "long", day: "2-digit", month: "2-digit", year: "numeric" });

/** "Montag, 30.11.2026" for a YYYY-MM-DD day, shown under a date field; undefined for anything else. */
export function weekdayDate(day: string): string | undefined {
  return isDay(day) ? weekdayFmt.format(new Date(`${day}T12:00:00Z`)) : undefined;
}

/**
 * A date field's value in a form schema: the applied day, or the refused text (which fails here
 * with the field's own message). `optional` lets an empty field through as "".
 */
export function dayField({ optional = false }: { optional?: boolean } = {}) {
  return z.string().refine((value) => (optional && value === "") || isDay(value), { message: TYPED_DATE_MESSAGE });
}
