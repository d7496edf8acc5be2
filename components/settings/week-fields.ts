/** A week of time ranges as a form holds it for the hours editor. */
import { z } from "zod";
import type { WeekdayKey } from "@/server/services/branch/weekly-hours";
import { WEEK_ORDER } from "./weekdays";

/**
 * Every weekday present (a closed day is empty), so each day is a list of rows of its own;
 * the method's schema drops the empty days.
 */
export type FormWeek<R> = Record<WeekdayKey, R[]>;

/** The form fields of such a week; the ranges are typed text, the method's schema checks the times. */
export function weekFields<R extends z.ZodType>(range: R) {
  return z.record(z.enum(WEEK_ORDER as readonly [WeekdayKey, ...WeekdayKey[]]), z.array(range));
}

/** A stored week (closed days absent) as the form's week. */
export function formWeek<S, R>(stored: Partial<Record<string, S[]>>, toRange: (stored: S) => R): FormWeek<R> {
  return Object.fromEntries(WEEK_ORDER.map((day) => [day, (stored[day] ?? []).map(toRange)])) as FormWeek<R>;
}
