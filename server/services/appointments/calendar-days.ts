/**
 * The Kalender's read model, pure part: per local day the branch's opening hours (weekly, or a
 * special day's own hours, nothing on a closure or public holiday), its breaks, and per staff
 * member the time they can be booked (working hours ∩ opening hours, minus breaks) and their
 * absences clipped to the day. Instants come from the slot engine's own helpers
 * (intervalsOnDate), so a DST day has its real length.
 */
import type { BranchRef } from "@/server/calendar/provider";
import { hasOpeningHours, parseBusinessHours, parseWorkingHours } from "@/server/calendar/schedules";
import type { MsInterval } from "@/server/scheduling/busy-index";
import { intervalsOnDate } from "@/server/scheduling/day-intervals";
import { isGermanState, isHoliday } from "@/server/scheduling/holidays";
import { addDaysLocal, parseLocalTime, type LocalDate } from "@/server/scheduling/local-date";
import { openingsOn, type SpecialDay } from "@/server/scheduling/special-days";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";

export interface StaffSchedule {
  id: string;
  name: string;
  workingHours: unknown;
}

export interface AbsenceRow {
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
}

/** An interval of one local day: wall-clock HH:mm ("24:00" for the day's end) and the instants. */
export interface WallInterval {
  start: string;
  end: string;
  starts_at: string;
  ends_at: string;
}

export interface CalendarDay {
  date: LocalDate;
  /** Closed all day: a public holiday, a closure, or a weekday without opening hours. */
  closed: boolean;
  /** Why it is closed, in German ("Weihnachten", "Betriebsferien", "Geschlossen"); null when open. */
  closed_reason: string | null;
  holiday: string | null;
  /** The branch's special day on this date, if any (a closure or shortened hours). */
  special_day: { closed: boolean; reason: string | null } | null;
  opening: WallInterval[];
  breaks: WallInterval[];
}

export interface StaffDay {
  date: LocalDate;
  /** Bookable time: working hours ∩ opening hours, minus breaks (absences are listed apart). */
  working: WallInterval[];
  absences: Array<WallInterval & { reason: string | null }>;
}

interface DayFrame {
  day: CalendarDay;
  opening: MsInterval[] | null; // null: the branch keeps no opening hours (the calendar itself decides)
  breaks: MsInterval[];
}

/** The days `from` … `from + count - 1` with opening hours, breaks and closures of the branch. */
export function branchDays(branch: BranchRef, from: LocalDate, count: number, specialDays: readonly SpecialDay[]): DayFrame[] {
  const hours = parseBusinessHours(branch.businessHours);
  const keepsHours = hasOpeningHours(hours);
  const state = branch.state && isGermanState(branch.state) ? branch.state : undefined;
  const tz = branch.timeZone;
  return Array.from({ length: count }, (_, i) => {
    const date = addDaysLocal(from, i);
    // The slot engine's own rule: a special day first (it may even open on a holiday), then holidays, then the week.
    const openings = openingsOn(hours, specialDays, date, tz, state);
    const special = openings.special;
    const breaks = intervalsOnDate(hours.breaks, date, tz, (b) => [b.start, b.end]);
    // Without any opening hours (a calendar kept in Cal.com) only a special day limits the day.
    const opening: MsInterval[] | null = keepsHours || special ? openings.intervals : null;
    const closed = opening !== null && opening.length === 0;
    const closure = openings.closure;
    const closedReason = !closed ? null : closure?.kind === "holiday" ? closure.name : (closure?.kind === "special" && closure.reason) || "Geschlossen";
    return {
      opening,
      breaks: closed ? [] : breaks,
      day: {
        date,
        closed,
        closed_reason: closedReason,
        holiday: isHoliday(date, state),
        special_day: special ? { closed: special.closed, reason: special.reason } : null,
        opening: (opening ?? []).map((i) => wall(i, date, tz)),
        breaks: closed ? [] : breaks.map((i) => wall(i, date, tz)),
      },
    };
  });
}

/** Per staff member and day: bookable time and absences. */
export function staffDays(
  branch: BranchRef,
  frames: readonly DayFrame[],
  member: StaffSchedule,
  absences: readonly AbsenceRow[],
): StaffDay[] {
  const tz = branch.timeZone;
  const weekly = parseWorkingHours(member.workingHours);
  const own = absences.filter((a) => a.staffId === member.id);
  return frames.map(({ day, opening, breaks }) => {
    const dayStart = zonedDateTimeToInstant(day.date, "00:00", tz).getTime();
    const dayEnd = zonedDateTimeToInstant(addDaysLocal(day.date, 1), "00:00", tz).getTime();
    const shift = intervalsOnDate(weekly, day.date, tz, (w) => [w.start, w.end]);
    const working = subtract(opening === null ? shift : intersect(shift, opening), breaks);
    return {
      date: day.date,
      working: working.map((i) => wall(i, day.date, tz)),
      absences: own
        .map((a) => ({ reason: a.reason, start: Math.max(a.startsAt.getTime(), dayStart), end: Math.min(a.endsAt.getTime(), dayEnd) }))
        .filter((a) => a.start < a.end)
        .map((a) => ({ ...wall(a, day.date, tz), reason: a.reason })),
    };
  });
}

/** The earliest start and latest end the grid must show: opening hours, else working hours and appointments; 08:00–18:00 when nothing is known. */
export function visibleHours(intervals: ReadonlyArray<{ start: string; end: string }>): { start: string; end: string } {
  const minutes = intervals.flatMap((i) => [parseLocalTime(i.start), parseLocalTime(i.end)]).filter((m): m is number => m !== null);
  if (minutes.length === 0) return { start: "08:00", end: "18:00" };
  const hour = (m: number) => `${String(m / 60).padStart(2, "0")}:00`;
  // Whole hours, so the grid's hour labels line up.
  return { start: hour(Math.floor(Math.min(...minutes) / 60) * 60), end: hour(Math.min(24 * 60, Math.ceil(Math.max(...minutes) / 60) * 60)) };
}

export function intersect(a: readonly MsInterval[], b: readonly MsInterval[]): MsInterval[] {
  const out: MsInterval[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) out.push({ start, end });
    }
  }
  return out.sort((p, q) => p.start - q.start);
}

export function subtract(from: readonly MsInterval[], cuts: readonly MsInterval[]): MsInterval[] {
  let rest = [...from];
  for (const cut of cuts) {
    rest = rest.flatMap((i) => {
      if (cut.end <= i.start || i.end <= cut.start) return [i];
      return [
        { start: i.start, end: cut.start },
        { start: cut.end, end: i.end },
      ].filter((part) => part.start < part.end);
    });
  }
  return rest.sort((p, q) => p.start - q.start);
}

function wall(interval: MsInterval, date: LocalDate, tz: string): WallInterval {
  const end = new Date(interval.end);
  const endLocal = instantToLocal(end, tz);
  return {
    start: instantToLocal(new Date(interval.start), tz).time,
    // The day's end reads 24:00 rather than the next day's 00:00.
    end: endLocal.date > date ? "24:00" : endLocal.time,
    starts_at: new Date(interval.start).toISOString(),
    ends_at: end.toISOString(),
  };
}
