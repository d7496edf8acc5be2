/**
 * Special opening days and closures of a branch (24.12., Betriebsurlaub): on its date a special
 * day replaces the weekly hours and the public holiday rule alike, so a branch may also open on
 * a holiday. One place decides what is open on a day, for the slot engine and for the answers.
 */
import type { MsInterval } from "./busy-index";
import { intervalsOnDate } from "./day-intervals";
import { isHoliday, type GermanState } from "./holidays";
import { weekdayOfLocalDate, type LocalDate } from "./local-date";
import type { BusinessHours, OpeningInterval, SpecialDay, WeeklySchedule } from "./slot-types";

export type { SpecialDay };

/** Why a day has no opening hours at all. */
export type DayClosure =
  | { kind: "special"; reason: string | null }
  | { kind: "holiday"; name: string }
  | { kind: "weekly" };

export interface DayOpenings {
  /** Sorted opening intervals as instants; empty when closed. */
  intervals: MsInterval[];
  /** Set when the branch does not open that day. */
  closure: DayClosure | null;
  /** The special day of that date, if any. */
  special: SpecialDay | null;
}

export function specialDayOn(days: readonly SpecialDay[] | undefined, date: LocalDate): SpecialDay | null {
  return days?.find((d) => d.date === date) ?? null;
}

/** What the branch opens on `date`: a special day first, then public holidays, then the weekly hours. */
export function openingsOn(
  hours: BusinessHours,
  specialDays: readonly SpecialDay[] | undefined,
  date: LocalDate,
  tz: string,
  holidayState: GermanState | undefined,
): DayOpenings {
  const special = specialDayOn(specialDays, date);
  if (special) {
    if (special.closed) return { intervals: [], closure: { kind: "special", reason: special.reason }, special };
    const onlyThisDay: WeeklySchedule<OpeningInterval> = { [weekdayOfLocalDate(date)]: special.hours };
    const intervals = intervalsOnDate(onlyThisDay, date, tz, (o) => [o.open, o.close]);
    return { intervals, closure: intervals.length === 0 ? { kind: "special", reason: special.reason } : null, special };
  }
  const holiday = isHoliday(date, holidayState);
  if (holiday) return { intervals: [], closure: { kind: "holiday", name: holiday }, special: null };
  const intervals = intervalsOnDate(hours.weekly, date, tz, (o) => [o.open, o.close]);
  return { intervals, closure: intervals.length === 0 ? { kind: "weekly" } : null, special: null };
}
