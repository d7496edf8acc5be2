/**
 * Turns a weekly wall-clock schedule into the instants it covers on one local
 * date, so DST days get their real length (23 or 25 hours).
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { MsInterval } from "./busy-index";
import { parseLocalTime, weekdayOfLocalDate, type LocalDate, type LocalTime } from "./local-date";
import type { WeeklySchedule } from "./slot-types";
import { zonedDateTimeToInstant } from "./time";

/** Sorted instant intervals of `schedule` on `date`; empty or inverted intervals are dropped. */
export function intervalsOnDate<T>(
  schedule: WeeklySchedule<T> | undefined,
  date: LocalDate,
  tz: string,
  bounds: (item: T) => [start: LocalTime, end: LocalTime],
): MsInterval[] {
  const items = schedule?.[weekdayOfLocalDate(date)] ?? [];
  const intervals: MsInterval[] = [];
  for (const item of items) {
    const [start, end] = bounds(item);
    const startMinutes = parseLocalTime(start);
    const endMinutes = parseLocalTime(end);
    if (startMinutes === null || endMinutes === null || startMinutes === 24 * 60) {
      throw new AppError(ErrorCodes.INVALID_INPUT, "Die Öffnungs- oder Arbeitszeiten sind ungültig.", {
        details: { start, end },
      });
    }
    if (endMinutes <= startMinutes) continue;
    intervals.push({
      start: zonedDateTimeToInstant(date, start, tz).getTime(),
      end: zonedDateTimeToInstant(date, end, tz).getTime(),
    });
  }
  return intervals.sort((a, b) => a.start - b.start);
}

export function overlapsAny(intervals: readonly MsInterval[], start: number, end: number): boolean {
  return intervals.some((i) => i.start < end && start < i.end);
}

export function containedInAny(intervals: readonly MsInterval[], start: number, end: number): boolean {
  return intervals.some((i) => i.start <= start && end <= i.end);
}
