import { containedInAny } from "@/server/scheduling/day-intervals";
import { isGermanState } from "@/server/scheduling/holidays";
import type { LocalDate } from "@/server/scheduling/local-date";
import { openingsOn, type DayOpenings } from "@/server/scheduling/special-days";
import { instantToLocal } from "@/server/scheduling/time";
import type { BranchRef } from "./provider";
import { hasOpeningHours, parseBusinessHours } from "./schedules";

export type OpeningCheck =
  | { open: true }
  | {
      open: false;
      holiday: string | null;
      /** The branch's special day of that date (closure or shorter hours), if any. */
      special: { closed: boolean; reason: string | null; hours: ReadonlyArray<{ open: string; close: string }> } | null;
    };

/** What the branch opens on a local day: special day, holiday and weekly hours in that order. */
export function branchOpeningsOn(branch: BranchRef, day: LocalDate): DayOpenings {
  return openingsOn(
    parseBusinessHours(branch.businessHours),
    branch.specialDays,
    day,
    branch.timeZone,
    branch.state && isGermanState(branch.state) ? branch.state : undefined,
  );
}

/**
 * Whether the branch is open for the whole of [start, end): inside one opening interval of
 * that day and not on a public holiday or a closure. A branch without any opening hours (a
 * calendar kept only in Cal.com) counts as open unless a special day closes it; the calendar
 * itself then decides.
 */
export function checkOpeningHours(branch: BranchRef, start: Date, end: Date): OpeningCheck {
  const day = instantToLocal(start, branch.timeZone).date;
  const openings = branchOpeningsOn(branch, day);
  if (!hasOpeningHours(parseBusinessHours(branch.businessHours)) && !openings.special) return { open: true };
  if (containedInAny(openings.intervals, start.getTime(), end.getTime())) return { open: true };
  return {
    open: false,
    holiday: openings.closure?.kind === "holiday" ? openings.closure.name : null,
    special: openings.special ? { closed: openings.special.closed, reason: openings.special.reason, hours: openings.special.hours } : null,
  };
}

/** Whether the branch does not open at all on this local day (weekday without hours, holiday, closure). */
export function isClosedAllDay(branch: BranchRef, day: LocalDate): boolean {
  const openings = branchOpeningsOn(branch, day);
  if (!hasOpeningHours(parseBusinessHours(branch.businessHours)) && !openings.special) return false;
  return openings.closure !== null;
}
