/**
 * Weekly schedules as stored in JSON columns (branches.businessHours, staff.workingHours),
 * read safely: a malformed day is dropped rather than failing every availability question.
 */
import { z } from "zod";
import type { BusinessHours, LocalTimeRange, OpeningInterval, SpecialDay, WeeklySchedule } from "@/server/scheduling/slot-types";

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/);
const WEEKDAYS = ["0", "1", "2", "3", "4", "5", "6"] as const;

// Schemas are built once: building a zod schema costs more than parsing with it (phone path).
function weekly<T>(days: z.ZodType<T[]>, value: unknown): WeeklySchedule<T> {
  const source = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const out: Record<string, T[]> = {};
  for (const day of WEEKDAYS) {
    const parsed = days.safeParse(source[day]);
    if (parsed.success && parsed.data.length > 0) out[day] = parsed.data;
  }
  return out as WeeklySchedule<T>;
}

const opening = z.object({ open: hhmm, close: hhmm }) as z.ZodType<OpeningInterval>;
const range = z.object({ start: hhmm, end: hhmm }) as z.ZodType<LocalTimeRange>;
const openingDay = z.array(opening);
const rangeDay = z.array(range);

export function parseBusinessHours(value: unknown): BusinessHours {
  const source = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  return { weekly: weekly(openingDay, source.weekly), breaks: weekly(rangeDay, source.breaks) };
}

export function parseWorkingHours(value: unknown): WeeklySchedule<LocalTimeRange> {
  return weekly(rangeDay, value);
}

/** Whether any weekday has opening hours (a Cal.com-only company may keep none). */
export function hasOpeningHours(hours: BusinessHours): boolean {
  return Object.values(hours.weekly).some((intervals) => (intervals?.length ?? 0) > 0);
}

const specialDay = z.object({
  // A DATE column arrives as "YYYY-MM-DD" in JSON, as a Date (midnight UTC) from the client.
  date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}/), z.date()]).transform((d) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10))),
  closed: z.boolean(),
  hours: z.array(opening).catch([]),
  reason: z.string().nullable().catch(null),
});

/** Special days as stored (branch_special_days rows or their JSON); malformed ones are dropped. */
export function parseSpecialDays(value: unknown): SpecialDay[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = specialDay.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
