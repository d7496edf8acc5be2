import { intervalsOnDate, containedInAny } from "@/server/scheduling/day-intervals";
import { isGermanState, isHoliday } from "@/server/scheduling/holidays";
import type { LocalDate } from "@/server/scheduling/local-date";
import { instantToLocal } from "@/server/scheduling/time";
import type { BranchRef } from "./provider";
import { hasOpeningHours, parseBusinessHours } from "./schedules";

export type OpeningCheck = { open: true } | { open: false; holiday: string | null };

/**
 * Whether the branch is open for the whole of [start, end): inside one opening interval of
 * that day and not on a public holiday. A branch without any opening hours (a calendar kept
 * only in Cal.com) counts as open; the calendar itself then decides.
 */
export function checkOpeningHours(branch: BranchRef, start: Date, end: Date): OpeningCheck {
  const hours = parseBusinessHours(branch.businessHours);
  if (!hasOpeningHours(hours)) return { open: true };
  const day = instantToLocal(start, branch.timeZone).date;
  const holiday = isHoliday(day, branch.state && isGermanState(branch.state) ? branch.state : undefined);
  if (holiday) return { open: false, holiday };
  const openings = intervalsOnDate(hours.weekly, day, branch.timeZone, (o) => [o.open, o.close]);
  return containedInAny(openings, start.getTime(), end.getTime()) ? { open: true } : { open: false, holiday: null };
}

/** Whether the branch does not open at all on this local day (weekday without hours, or a holiday). */
export function isClosedAllDay(branch: BranchRef, day: LocalDate): boolean {
  const hours = parseBusinessHours(branch.businessHours);
  if (!hasOpeningHours(hours)) return false;
  if (isHoliday(day, branch.state && isGermanState(branch.state) ? branch.state : undefined)) return true;
  return intervalsOnDate(hours.weekly, day, branch.timeZone, (o) => [o.open, o.close]).length === 0;
}
