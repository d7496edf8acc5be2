/**
 * Why the slot engine offers nothing (on a day, or at one start time): asked only after a
 * search came back empty, with the same input. Pure; the answers' wording lives with the
 * services.
 */
import { intervalsOnDate } from "./day-intervals";
import { addDaysLocal, type LocalDate } from "./local-date";
import { findAvailableSlots } from "./slots";
import type { SlotSearchInput } from "./slot-types";
import { openingsOn } from "./special-days";
import { instantToLocal, zonedDateTimeToInstant } from "./time";

export type NoSlotReason = "no_staff_for_service" | "outside_booking_window" | "closed" | "staff_absent" | "fully_booked";

/**
 * The first reason that applies, in this order: nobody offers the service here; the day (or
 * start) lies outside the booking window or the minimum notice; the branch is closed; the
 * staff who could take it are away (nobody of them works that day, or without their absences a
 * slot would be free); else everything is booked.
 */
export function noSlotReason(input: Omit<SlotSearchInput, "range">, day: LocalDate, start?: Date): NoSlotReason {
  const staff = input.preferredStaffId ? input.staff.filter((s) => s.id === input.preferredStaffId) : input.staff;
  if (staff.length === 0) return "no_staff_for_service";
  if (outsideWindow(input, day, start)) return "outside_booking_window";
  if (openingsOn(input.businessHours, input.specialDays, day, input.tz, input.holidayState).closure) return "closed";
  // Nobody who offers it works that weekday: they are away too, by their weekly plan.
  const works = staff.some((s) => intervalsOnDate(s.workingHours, day, input.tz, (w) => [w.start, w.end]).length > 0);
  if (!works) return "staff_absent";
  const present = { ...input, staff: input.staff.map((s) => ({ ...s, absences: [] })), range: { from: day, to: day } };
  const withoutAbsences = findAvailableSlots(present);
  const wouldFit = start ? withoutAbsences.some((s) => s.start.getTime() === start.getTime()) : withoutAbsences.length > 0;
  return wouldFit ? "staff_absent" : "fully_booked";
}

/** Like the engine: from now plus the minimum notice up to the same wall-clock time `bookingWindowDays` later. */
function outsideWindow(input: Omit<SlotSearchInput, "range">, day: LocalDate, start?: Date): boolean {
  const { now, tz, rules } = input;
  const local = instantToLocal(now, tz);
  const lastDay = addDaysLocal(local.date, rules.bookingWindowDays);
  if (!start) return day > lastDay;
  const earliest = now.getTime() + rules.minimumNoticeMinutes * 60_000;
  return start.getTime() < earliest || start.getTime() >= zonedDateTimeToInstant(lastDay, local.time, tz).getTime();
}
