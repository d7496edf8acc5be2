/**
 * The slot engine of the built-in calendar: which start times can be offered
 * for a service, and to which staff. Pure; callers load the data and pass it in.
 *
 * A slot [start, end) is offered when
 * - it lies inside one opening interval of its day and overlaps no break,
 * - the day is neither a public holiday (of `holidayState`, nationwide ones always) nor a closed date,
 *   unless a special day of the branch sets that date's hours (or closes it),
 * - start >= now + minimum notice and start < now + booking window,
 * - at least one staff member has [start, end) inside their working hours and nothing
 *   (appointment plus its buffer, absence) in [start, end + service buffer),
 * - and the free staff outnumber the unassigned appointments running at the same
 *   time within [start, end + service buffer).
 * With `preferredStaffId`, only slots that staff member can take are offered.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { BlockedTimes, UnassignedLoad, type MsInterval } from "./busy-index";
import { containedInAny, intervalsOnDate, overlapsAny } from "./day-intervals";
import { addDaysLocal, isValidLocalDate, type LocalDate } from "./local-date";
import { openingsOn } from "./special-days";
import type { NextFreeSlotInput, Slot, SlotCheckInput, SlotSearchInput } from "./slot-types";
import { instantToLocal, zonedDateTimeToInstant } from "./time";

const MS_PER_MINUTE = 60_000;
const DEFAULT_SLOT_INTERVAL_MINUTES = 15;

interface SearchContext {
  input: SlotCheckInput;
  stepMs: number;
  durationMs: number;
  bufferMs: number;
  earliestMs: number;
  latestMs: number;
  closedDates: ReadonlySet<LocalDate>;
  blocked: ReadonlyMap<string, BlockedTimes>;
  unassigned: UnassignedLoad;
}

interface StaffShift {
  id: string;
  intervals: MsInterval[];
}

/** All offered slots in `input.range`, sorted by start. */
export function findAvailableSlots(input: SlotSearchInput): Slot[] {
  const { from, to } = input.range;
  if (!isValidLocalDate(from) || !isValidLocalDate(to)) {
    throw new AppError(ErrorCodes.INVALID_DATE, "Der Zeitraum ist ungültig.", { details: input.range });
  }
  const search = prepareSearch(input, from, to);
  if (!search) return [];
  const slots: Slot[] = [];
  for (let day = search.firstDay; day <= search.lastDay; day = addDaysLocal(day, 1)) {
    slots.push(...slotsOnDay(search.context, day));
  }
  return slots;
}

/**
 * The earliest offered slot from `input.from` (default today) to the end of the
 * booking window, or null. Stops at the first day that has one.
 */
export function nextFreeSlot(input: NextFreeSlotInput): Slot | null {
  const from = input.from ?? instantToLocal(input.now, input.tz).date;
  if (!isValidLocalDate(from)) {
    throw new AppError(ErrorCodes.INVALID_DATE, "Das Datum ist ungültig.", { details: { from } });
  }
  const search = prepareSearch(input, from, null);
  if (!search) return null;
  for (let day = search.firstDay; day <= search.lastDay; day = addDaysLocal(day, 1)) {
    const slots = slotsOnDay(search.context, day);
    if (slots.length > 0) return slots[0];
  }
  return null;
}

/** Whether `start` is one of the offered slot starts (aligned, free, within the rules). */
export function isSlotFree(input: SlotCheckInput, start: Date): boolean {
  const day = instantToLocal(start, input.tz).date;
  return findAvailableSlots({ ...input, range: { from: day, to: day } }).some(
    (slot) => slot.start.getTime() === start.getTime(),
  );
}

/**
 * The staff member to book for the slot starting at `start`: the preferred one
 * when free, otherwise the first free one (in the order of the engine's staff list).
 * Null when no slot starts at `start`.
 */
export function pickStaffForSlot(slots: readonly Slot[], start: Date, preferredStaffId?: string): string | null {
  const slot = slots.find((s) => s.start.getTime() === start.getTime());
  if (!slot || slot.staffIds.length === 0) return null;
  if (preferredStaffId !== undefined && slot.staffIds.includes(preferredStaffId)) return preferredStaffId;
  return slot.staffIds[0];
}

/**
 * Validates the rules and narrows the days to search to those that can hold a
 * slot (from today up to the end of the booking window). Null when none remain.
 */
function prepareSearch(
  input: SlotCheckInput,
  from: LocalDate,
  to: LocalDate | null,
): { context: SearchContext; firstDay: LocalDate; lastDay: LocalDate } | null {
  const { tz, now, service, rules } = input;
  const slotInterval = rules.slotIntervalMinutes ?? DEFAULT_SLOT_INTERVAL_MINUTES;
  assertRules(service.durationMinutes, service.bufferMinutes, slotInterval, rules);

  const nowMs = now.getTime();
  const earliestMs = nowMs + rules.minimumNoticeMinutes * MS_PER_MINUTE;
  const latestMs = sameWallClockDaysLater(now, rules.bookingWindowDays, tz);
  const firstDay = maxDate(from, instantToLocal(new Date(earliestMs), tz).date);
  const lastWindowDay = instantToLocal(new Date(latestMs), tz).date;
  const lastDay = to === null || to > lastWindowDay ? lastWindowDay : to;
  if (firstDay > lastDay || earliestMs >= latestMs) return null;

  const durationMs = service.durationMinutes * MS_PER_MINUTE;
  const bufferMs = service.bufferMinutes * MS_PER_MINUTE;
  const windowStart = Math.max(earliestMs, zonedDateTimeToInstant(firstDay, "00:00", tz).getTime());
  const windowEnd =
    Math.min(latestMs, zonedDateTimeToInstant(addDaysLocal(lastDay, 1), "00:00", tz).getTime()) + durationMs + bufferMs;
  const { blocked, unassigned } = indexBusyTimes(input, windowStart, windowEnd);

  return {
    firstDay,
    lastDay,
    context: {
      input,
      stepMs: slotInterval * MS_PER_MINUTE,
      durationMs,
      bufferMs,
      earliestMs,
      latestMs,
      closedDates: new Set(input.closedDates ?? []),
      blocked,
      unassigned,
    },
  };
}

/** Sorts the appointments and absences that touch [windowStart, windowEnd) once, per staff member. */
function indexBusyTimes(input: SlotCheckInput, windowStart: number, windowEnd: number) {
  const inWindow = (interval: MsInterval) => interval.end > windowStart && interval.start < windowEnd;
  const perStaff = new Map<string, MsInterval[]>(input.staff.map((s) => [s.id, []]));
  const unassigned: MsInterval[] = [];

  for (const appointment of input.busy) {
    const interval = {
      start: appointment.start.getTime(),
      end: appointment.end.getTime() + (appointment.bufferAfterMinutes ?? 0) * MS_PER_MINUTE,
    };
    if (!inWindow(interval)) continue;
    // Appointments of staff who do not offer this service cannot block it.
    if (appointment.staffId === null) unassigned.push(interval);
    else perStaff.get(appointment.staffId)?.push(interval);
  }
  for (const member of input.staff) {
    for (const absence of member.absences) {
      const interval = { start: absence.start.getTime(), end: absence.end.getTime() };
      if (inWindow(interval)) perStaff.get(member.id)!.push(interval);
    }
  }

  const blocked = new Map<string, BlockedTimes>();
  for (const [id, intervals] of perStaff) blocked.set(id, new BlockedTimes(intervals));
  return { blocked, unassigned: new UnassignedLoad(unassigned) };
}

function slotsOnDay(context: SearchContext, day: LocalDate): Slot[] {
  const { input } = context;
  if (context.closedDates.has(day)) return [];
  const openings = openingsOn(input.businessHours, input.specialDays, day, input.tz, input.holidayState).intervals;
  if (openings.length === 0) return [];
  const breaks = intervalsOnDate(input.businessHours.breaks, day, input.tz, (b) => [b.start, b.end]);
  const shifts: StaffShift[] = input.staff
    .map((member) => ({
      id: member.id,
      intervals: intervalsOnDate(member.workingHours, day, input.tz, (w) => [w.start, w.end]),
    }))
    .filter((shift) => shift.intervals.length > 0);
  if (shifts.length === 0) return [];

  const byStart = new Map<number, Slot>(); // overlapping opening intervals must not offer a start twice
  for (const opening of openings) {
    // Skip ahead to the first aligned start at or after the minimum notice.
    const stepsToSkip = Math.max(0, Math.ceil((context.earliestMs - opening.start) / context.stepMs));
    for (
      let start = opening.start + stepsToSkip * context.stepMs;
      start + context.durationMs <= opening.end && start < context.latestMs;
      start += context.stepMs
    ) {
      const end = start + context.durationMs;
      if (byStart.has(start) || overlapsAny(breaks, start, end)) continue;
      const staffIds = staffFreeFor(context, shifts, start, end);
      if (staffIds) byStart.set(start, { start: new Date(start), end: new Date(end), staffIds });
    }
  }
  return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Staff who can take [start, end), or null when the slot is not offered. */
function staffFreeFor(
  context: SearchContext,
  shifts: readonly StaffShift[],
  start: number,
  end: number,
): string[] | null {
  const blockedUntil = end + context.bufferMs;
  const isFree = (shift: StaffShift) =>
    containedInAny(shift.intervals, start, end) && !context.blocked.get(shift.id)!.overlaps(start, blockedUntil);

  const preferred = context.input.preferredStaffId;
  if (preferred !== undefined) {
    const shift = shifts.find((s) => s.id === preferred);
    if (!shift || !isFree(shift)) return null;
  }
  const free = shifts.filter(isFree).map((s) => s.id);
  if (free.length <= context.unassigned.maxConcurrent(start, blockedUntil)) return null;
  return preferred !== undefined ? [preferred] : free;
}

/** The instant `days` calendar days after `now` at the same wall-clock time in `tz`. */
function sameWallClockDaysLater(now: Date, days: number, tz: string): number {
  const local = instantToLocal(now, tz);
  const subMinuteMs = now.getTime() - Math.floor(now.getTime() / MS_PER_MINUTE) * MS_PER_MINUTE;
  return zonedDateTimeToInstant(addDaysLocal(local.date, days), local.time, tz).getTime() + subMinuteMs;
}

function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

function assertRules(
  durationMinutes: number,
  bufferMinutes: number,
  slotIntervalMinutes: number,
  rules: SlotSearchInput["rules"],
): void {
  const valid =
    isWholeNumber(durationMinutes) &&
    durationMinutes > 0 &&
    isWholeNumber(bufferMinutes) &&
    isWholeNumber(slotIntervalMinutes) &&
    slotIntervalMinutes > 0 &&
    isWholeNumber(rules.minimumNoticeMinutes) &&
    isWholeNumber(rules.bookingWindowDays);
  if (!valid) {
    throw new AppError(ErrorCodes.INVALID_INPUT, "Die Dauer oder die Buchungsregeln der Leistung sind ungültig.", {
      details: { durationMinutes, bufferMinutes, slotIntervalMinutes, rules },
    });
  }
}

function isWholeNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}
