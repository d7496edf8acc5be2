/** The slot engine on special days, and the reason it gives when it offers nothing. */
import { describe, expect, it } from "vitest";
import { noSlotReason } from "./no-slot-reason";
import type { SlotSearchInput, StaffAvailability } from "./slot-types";
import { findAvailableSlots } from "./slots";
import { zonedDateTimeToInstant } from "./time";

const TZ = "Europe/Berlin";
const MONDAY = "2026-10-05";
const at = (date: string, time: string) => zonedDateTimeToInstant(date, time, TZ);

const anna = (over: Partial<StaffAvailability> = {}): StaffAvailability => ({
  id: "anna",
  name: "Anna",
  workingHours: { 1: [{ start: "09:00", end: "12:00" }], 2: [{ start: "09:00", end: "12:00" }], 6: [{ start: "09:00", end: "12:00" }] },
  absences: [],
  ...over,
});

/** Open Mon, Tue and Sat 09–12, one person, 60-minute service on a 60-minute grid. */
function input(over: Partial<SlotSearchInput> = {}): SlotSearchInput {
  return {
    tz: TZ,
    holidayState: "BE",
    businessHours: { weekly: { 1: [{ open: "09:00", close: "12:00" }], 2: [{ open: "09:00", close: "12:00" }], 6: [{ open: "09:00", close: "12:00" }] } },
    staff: [anna()],
    service: { durationMinutes: 60, bufferMinutes: 0 },
    busy: [],
    rules: { slotIntervalMinutes: 60, minimumNoticeMinutes: 0, bookingWindowDays: 60 },
    now: at("2026-10-04", "12:00"),
    range: { from: MONDAY, to: MONDAY },
    ...over,
  };
}
const times = (i: SlotSearchInput) => findAvailableSlots(i).map((s) => s.start.toISOString());

describe("special days in the slot engine", () => {
  it("a closure offers nothing that day; other days keep their hours", async () => {
    const closed = input({ specialDays: [{ date: MONDAY, closed: true, hours: [], reason: "Betriebsurlaub" }], range: { from: MONDAY, to: "2026-10-06" } });
    expect(times(closed)).toEqual([at("2026-10-06", "09:00"), at("2026-10-06", "10:00"), at("2026-10-06", "11:00")].map((d) => d.toISOString()));
  });

  it("special hours replace the weekly ones (shorter, or on a holiday)", async () => {
    const shorter = input({ specialDays: [{ date: MONDAY, closed: false, hours: [{ open: "10:00", close: "11:00" }], reason: null }] });
    expect(times(shorter)).toEqual([at(MONDAY, "10:00").toISOString()]);
    // Sat 03.10.2026 is the Tag der Deutschen Einheit: closed, unless a special day opens it.
    const holiday = { range: { from: "2026-10-03", to: "2026-10-03" }, now: at("2026-10-01", "12:00") };
    expect(times(input(holiday))).toEqual([]);
    const opened = input({ ...holiday, specialDays: [{ date: "2026-10-03", closed: false, hours: [{ open: "09:00", close: "10:00" }], reason: null }] });
    expect(times(opened)).toEqual([at("2026-10-03", "09:00").toISOString()]);
  });
});

describe("noSlotReason", () => {
  it("names nobody offering it first", () => {
    expect(noSlotReason(input({ staff: [] }), MONDAY)).toBe("no_staff_for_service");
    expect(noSlotReason(input({ preferredStaffId: "ben" }), MONDAY)).toBe("no_staff_for_service");
  });

  it("outside the booking window: too far ahead, or too soon for the minimum notice", () => {
    // One day ahead from Sunday 12:00: Monday's times before 12:00 only, Tuesday not at all.
    const short = input({ rules: { slotIntervalMinutes: 60, minimumNoticeMinutes: 0, bookingWindowDays: 1 } });
    expect(noSlotReason(short, "2026-10-06")).toBe("outside_booking_window");
    expect(noSlotReason(short, MONDAY, at(MONDAY, "12:00"))).toBe("outside_booking_window");
    const soon = input({ now: at(MONDAY, "09:30"), rules: { slotIntervalMinutes: 60, minimumNoticeMinutes: 120, bookingWindowDays: 60 } });
    expect(noSlotReason(soon, MONDAY, at(MONDAY, "11:00"))).toBe("outside_booking_window");
  });

  it("closed: weekly hours, holiday and special closure", () => {
    expect(noSlotReason(input(), "2026-10-07")).toBe("closed"); // Wednesday
    expect(noSlotReason(input(), "2026-10-03")).toBe("closed"); // holiday
    expect(noSlotReason(input({ specialDays: [{ date: MONDAY, closed: true, hours: [], reason: null }] }), MONDAY)).toBe("closed");
  });

  it("staff away: an absence over the day, or nobody working that weekday", () => {
    const away = input({ staff: [anna({ absences: [{ start: at(MONDAY, "00:00"), end: at("2026-10-06", "00:00") }] })] });
    expect(findAvailableSlots(away)).toEqual([]);
    expect(noSlotReason(away, MONDAY)).toBe("staff_absent");
    const notWorking = input({ staff: [anna({ workingHours: { 2: [{ start: "09:00", end: "12:00" }] } })] });
    expect(noSlotReason(notWorking, MONDAY)).toBe("staff_absent");
  });

  it("fully booked when the times are taken by appointments, not by absences", () => {
    const full = input({ busy: [{ staffId: "anna", start: at(MONDAY, "09:00"), end: at(MONDAY, "12:00") }] });
    expect(findAvailableSlots(full)).toEqual([]);
    expect(noSlotReason(full, MONDAY)).toBe("fully_booked");
    // One hour taken, one away: the wished 10:00 is blocked by the absence.
    const mixed = input({
      busy: [{ staffId: "anna", start: at(MONDAY, "09:00"), end: at(MONDAY, "10:00") }],
      staff: [anna({ absences: [{ start: at(MONDAY, "10:00"), end: at(MONDAY, "12:00") }] })],
    });
    expect(noSlotReason(mixed, MONDAY, at(MONDAY, "10:00"))).toBe("staff_absent");
    expect(noSlotReason(mixed, MONDAY, at(MONDAY, "09:00"))).toBe("fully_booked");
  });
});
