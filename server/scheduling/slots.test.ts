import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import type { Weekday } from "./local-date";
import type {
  BookingRules,
  BusyAppointment,
  LocalTimeRange,
  OpeningInterval,
  Slot,
  SlotSearchInput,
  StaffAvailability,
  WeeklySchedule,
} from "./slot-types";
import { findAvailableSlots, isSlotFree, nextFreeSlot, pickStaffForSlot } from "./slots";
import { formatGermanTime, zonedDateTimeToInstant } from "./time";

const TZ = "Europe/Berlin";
const MONDAY = "2026-10-05";
const TUESDAY = "2026-10-06";

/** "2026-10-05 09:00" in Berlin as an instant. */
const at = (local: string) => {
  const [date, time] = local.split(" ");
  return zonedDateTimeToInstant(date, time, TZ);
};

function everyDay<T>(days: readonly Weekday[], items: T[]): WeeklySchedule<T> {
  return Object.fromEntries(days.map((d) => [d, items]));
}
const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const ALL_DAYS: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function staffMember(id: string, overrides: Partial<StaffAvailability> = {}): StaffAvailability {
  return {
    id,
    name: id[0].toUpperCase() + id.slice(1),
    workingHours: everyDay<LocalTimeRange>([1, 2, 3, 4, 5, 6], [{ start: "09:00", end: "18:00" }]),
    absences: [],
    ...overrides,
  };
}

/** A salon open Mon–Fri 09–18 with lunch 12–13 and Sat 09–13; 30-minute service, 30-minute grid. */
function input(overrides: Partial<SlotSearchInput> = {}): SlotSearchInput {
  return {
    tz: TZ,
    businessHours: {
      weekly: {
        ...everyDay<OpeningInterval>(MON_FRI, [{ open: "09:00", close: "18:00" }]),
        6: [{ open: "09:00", close: "13:00" }],
      },
      breaks: everyDay<LocalTimeRange>(MON_FRI, [{ start: "12:00", end: "13:00" }]),
    },
    staff: [staffMember("anna"), staffMember("ben")],
    service: { durationMinutes: 30, bufferMinutes: 0 },
    busy: [],
    rules: { slotIntervalMinutes: 30, minimumNoticeMinutes: 0, bookingWindowDays: 60 },
    now: at("2026-10-04 12:00"), // the Sunday before
    range: { from: MONDAY, to: MONDAY },
    ...overrides,
  };
}

function busy(staffId: string | null, from: string, to: string, bufferAfterMinutes?: number): BusyAppointment {
  const [date] = from.split(" ");
  return { staffId, start: at(from), end: at(`${date} ${to}`), bufferAfterMinutes };
}

const rules = (overrides: Partial<BookingRules>): BookingRules => ({ ...input().rules, ...overrides });
const allWeek = (start: string, end: string) => everyDay<LocalTimeRange>(ALL_DAYS, [{ start, end }]);
const onDay = (date: string) => ({ from: date, to: date });
const slotAt = (slots: Slot[], local: string) => slots.find((s) => s.start.getTime() === at(local).getTime());

const times = (slots: Slot[]) => slots.map((s) => formatGermanTime(s.start, TZ));
const isoStarts = (slots: Slot[]) => slots.map((s) => s.start.toISOString());

describe("findAvailableSlots: business hours", () => {
  it("offers aligned slots inside opening hours and never across the lunch break", () => {
    const slots = findAvailableSlots(input());
    expect(times(slots)).toEqual([
      "09:00", "09:30", "10:00", "10:30", "11:00", "11:30",
      "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30",
    ]);
    expect(slots[0]).toEqual({ start: at(`${MONDAY} 09:00`), end: at(`${MONDAY} 09:30`), staffIds: ["anna", "ben"] });
  });

  it("drops a slot that would end after closing or run into the break", () => {
    const slots = findAvailableSlots(
      input({ service: { durationMinutes: 45, bufferMinutes: 0 }, rules: rules({ slotIntervalMinutes: 15 }) }),
    );
    const offered = times(slots);
    expect(offered).toContain("11:15"); // ends 12:00
    expect(offered).not.toContain("11:30"); // would end 12:15, in the break
    expect(offered).toContain("17:15"); // ends 18:00
    expect(offered).not.toContain("17:30"); // would end 18:15, after closing
    expect(offered.at(-1)).toBe("17:15");
  });

  it("aligns starts to the interval counted from the opening time", () => {
    const slots = findAvailableSlots(
      input({ businessHours: { weekly: { 1: [{ open: "09:10", close: "11:00" }] } } }),
    );
    expect(times(slots)).toEqual(["09:10", "09:40", "10:10"]);
  });

  it("uses a 15-minute grid by default", () => {
    const slots = findAvailableSlots(input({ rules: { minimumNoticeMinutes: 0, bookingWindowDays: 60 } }));
    expect(times(slots).slice(0, 3)).toEqual(["09:00", "09:15", "09:30"]);
    expect(slots).toHaveLength(11 + 19); // 09:00–11:30 and 13:00–17:30
  });

  it("supports several opening intervals per day without offering a start twice", () => {
    const slots = findAvailableSlots(
      input({
        businessHours: {
          weekly: {
            1: [
              { open: "09:00", close: "10:00" },
              { open: "09:30", close: "10:30" },
              { open: "15:00", close: "16:00" },
            ],
          },
        },
      }),
    );
    expect(times(slots)).toEqual(["09:00", "09:30", "10:00", "15:00", "15:30"]);
  });

  it("returns the starts of overlapping opening intervals with different grids in time order", () => {
    const slots = findAvailableSlots(
      input({
        businessHours: {
          weekly: {
            1: [
              { open: "09:00", close: "11:00" },
              { open: "09:15", close: "10:15" },
            ],
          },
        },
      }),
    );
    expect(times(slots)).toEqual(["09:00", "09:15", "09:30", "09:45", "10:00", "10:30"]);
  });

  it("offers nothing on a weekday without opening hours", () => {
    expect(findAvailableSlots(input({ range: { from: "2026-10-11", to: "2026-10-11" } }))).toEqual([]);
  });

  it("offers nothing on a closed date but keeps the other days", () => {
    const slots = findAvailableSlots(input({ closedDates: [MONDAY], range: { from: MONDAY, to: TUESDAY } }));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.start >= at(`${TUESDAY} 00:00`))).toBe(true);
  });

  it("returns the days of an inclusive range in order", () => {
    const slots = findAvailableSlots(input({ range: { from: MONDAY, to: TUESDAY } }));
    expect(slots).toHaveLength(32);
    expect(slots[15].start).toEqual(at(`${MONDAY} 17:30`));
    expect(slots[16].start).toEqual(at(`${TUESDAY} 09:00`));
    expect(isoStarts(slots)).toEqual([...isoStarts(slots)].sort());
  });
});

describe("findAvailableSlots: holidays", () => {
  const epiphany = "2026-01-06"; // Tuesday; a holiday in Bavaria, not in Berlin

  it("closes on a state holiday of the branch's state only", () => {
    const base = { now: at("2026-01-01 12:00"), range: { from: epiphany, to: epiphany } };
    expect(findAvailableSlots(input({ ...base, holidayState: "BY" }))).toEqual([]);
    expect(findAvailableSlots(input({ ...base, holidayState: "BE" }))).toHaveLength(16);
    expect(findAvailableSlots(input(base))).toHaveLength(16);
  });

  it("closes on nationwide holidays even without a state", () => {
    const easterMonday = "2026-04-06";
    expect(
      findAvailableSlots(input({ now: at("2026-04-01 12:00"), range: { from: easterMonday, to: easterMonday } })),
    ).toEqual([]);
  });
});

describe("findAvailableSlots: notice and booking window", () => {
  it("starts at the first aligned slot after now + minimum notice", () => {
    const slots = findAvailableSlots(
      input({ now: at(`${MONDAY} 10:05`), rules: rules({ minimumNoticeMinutes: 60 }) }),
    );
    expect(times(slots)[0]).toBe("11:30");
  });

  it("offers a slot starting exactly at now + notice", () => {
    const slots = findAvailableSlots(
      input({ now: at(`${MONDAY} 10:00`), rules: rules({ minimumNoticeMinutes: 60 }) }),
    );
    expect(times(slots)[0]).toBe("11:00");
  });

  it("ends before now + booking window", () => {
    const slots = findAvailableSlots(
      input({
        now: at(`${MONDAY} 10:00`),
        rules: rules({ bookingWindowDays: 2 }),
        range: { from: MONDAY, to: "2026-10-09" },
      }),
    );
    expect(slots[0].start).toEqual(at(`${MONDAY} 10:00`));
    expect(slots.at(-1)!.start).toEqual(at("2026-10-07 09:30"));
  });

  it("measures the booking window in wall-clock days across a DST switch", () => {
    // Two days after Friday 10:00 CET is Sunday 10:00 CEST, only 47 real hours later.
    const slots = findAvailableSlots(
      input({
        businessHours: { weekly: everyDay<OpeningInterval>(ALL_DAYS, [{ open: "09:00", close: "12:00" }]) },
        staff: [staffMember("anna", { workingHours: allWeek("08:00", "18:00") })],
        now: at("2026-03-27 10:00"),
        rules: rules({ slotIntervalMinutes: 60, bookingWindowDays: 2 }),
        range: onDay("2026-03-29"),
      }),
    );
    expect(isoStarts(slots)).toEqual(["2026-03-29T07:00:00.000Z"]);
  });

  it("offers the last day of the booking window up to now's wall-clock time, seconds included", () => {
    const thirtySecondsPast = new Date(at(`${MONDAY} 10:00`).getTime() + 30_000);
    const slots = findAvailableSlots(
      input({ now: thirtySecondsPast, rules: rules({ bookingWindowDays: 2 }), range: { from: MONDAY, to: "2026-10-09" } }),
    );
    // The window ends Wednesday 10:00:30, so 10:00 is still inside it and 10:30 is not.
    expect(slots.at(-1)!.start).toEqual(at("2026-10-07 10:00"));
  });

  it("looks only at the days from today to the end of the booking window", () => {
    const lookups: PropertyKey[] = [];
    const weekly = new Proxy(input().businessHours.weekly, {
      get(target, key, receiver) {
        lookups.push(key);
        return Reflect.get(target, key, receiver);
      },
    });
    const base = input({
      businessHours: { ...input().businessHours, weekly },
      now: at(`${MONDAY} 08:00`),
      rules: rules({ bookingWindowDays: 2 }),
    });

    const slots = findAvailableSlots({ ...base, range: { from: "2016-10-05", to: "2036-10-05" } });
    expect(lookups).toEqual(["1", "2", "3"]); // Monday to Wednesday 08:00
    expect(slots.at(-1)!.start).toEqual(at(`${TUESDAY} 17:30`));

    // No day can hold a slot when the window is empty or the notice reaches its end.
    lookups.length = 0;
    expect(findAvailableSlots({ ...base, rules: rules({ bookingWindowDays: 0 }) })).toEqual([]);
    expect(findAvailableSlots({ ...base, rules: rules({ bookingWindowDays: 1, minimumNoticeMinutes: 24 * 60 }) })).toEqual([]);
    expect(lookups).toEqual([]);
  });

  it("returns nothing for a range in the past", () => {
    const monday = input({ range: onDay(MONDAY) });
    expect(findAvailableSlots(monday)).toHaveLength(16); // seen from the Sunday before
    expect(findAvailableSlots({ ...monday, now: at(`${TUESDAY} 08:00`) })).toEqual([]);
    expect(findAvailableSlots({ ...monday, now: at(`${MONDAY} 20:00`) })).toEqual([]);
    // A slot is in the past from the millisecond after it starts.
    expect(times(findAvailableSlots({ ...monday, now: at(`${MONDAY} 17:30`) }))).toEqual(["17:30"]);
    expect(findAvailableSlots({ ...monday, now: new Date(at(`${MONDAY} 17:30`).getTime() + 1) })).toEqual([]);
  });

  it("returns nothing for a range that ends before it starts", () => {
    expect(findAvailableSlots(input({ range: { from: MONDAY, to: TUESDAY } }))).toHaveLength(32);
    expect(findAvailableSlots(input({ range: { from: TUESDAY, to: MONDAY } }))).toEqual([]);
  });
});

describe("findAvailableSlots: staff", () => {
  it("lists the staff who can take each slot, following their working hours", () => {
    const slots = findAvailableSlots(
      input({
        staff: [staffMember("anna"), staffMember("ben", { workingHours: { 1: [{ start: "14:00", end: "16:00" }] } })],
      }),
    );
    const byTime = Object.fromEntries(slots.map((s) => [formatGermanTime(s.start, TZ), s.staffIds]));
    expect(byTime["09:00"]).toEqual(["anna"]);
    expect(byTime["14:00"]).toEqual(["anna", "ben"]);
    expect(byTime["15:30"]).toEqual(["anna", "ben"]); // ends exactly at 16:00
    expect(byTime["16:00"]).toEqual(["anna"]);
  });

  it("offers nothing when no staff member works that day", () => {
    const saturdayOnly = { 6: [{ start: "09:00", end: "13:00" }] };
    expect(findAvailableSlots(input({ staff: [staffMember("anna", { workingHours: saturdayOnly })] }))).toEqual([]);
  });

  it("honours absences", () => {
    const anna = staffMember("anna", {
      absences: [{ start: at(`${MONDAY} 13:00`), end: at(`${MONDAY} 15:00`) }],
    });
    const slots = findAvailableSlots(input({ staff: [anna] }));
    expect(times(slots)).not.toContain("13:00");
    expect(times(slots)).not.toContain("14:30");
    expect(times(slots)).toContain("15:00");
    expect(times(slots)).toContain("11:30");
  });

  it("offers only the staff member present when the other is absent all day", () => {
    const ben = staffMember("ben", { absences: [{ start: at("2026-10-04 00:00"), end: at("2026-10-07 00:00") }] });
    const slots = findAvailableSlots(input({ staff: [staffMember("anna"), ben] }));
    expect(slots).toHaveLength(16);
    expect(slots.every((s) => s.staffIds.join() === "anna")).toBe(true);
  });

  it("with a preferred staff member, offers only that person's free slots", () => {
    const base = { busy: [busy("anna", `${MONDAY} 09:00`, "10:00")] };
    const forBen = findAvailableSlots(input({ ...base, preferredStaffId: "ben" }));
    expect(forBen[0]).toMatchObject({ start: at(`${MONDAY} 09:00`), staffIds: ["ben"] });

    const forAnna = findAvailableSlots(input({ ...base, preferredStaffId: "anna" }));
    expect(times(forAnna)[0]).toBe("10:00");
    expect(forAnna.every((s) => s.staffIds.join() === "anna")).toBe(true);

    expect(findAvailableSlots(input({ preferredStaffId: "nobody" }))).toEqual([]);
  });

  it("ignores appointments of staff who do not offer the service", () => {
    const carlasDay = busy("carla", `${MONDAY} 09:00`, "18:00");
    const slots = findAvailableSlots(input({ staff: [staffMember("anna")], busy: [carlasDay] }));
    expect(slots).toHaveLength(16);
  });
});

describe("findAvailableSlots: appointments and buffers", () => {
  const onlyAnna = { staff: [staffMember("anna")], rules: rules({ slotIntervalMinutes: 15 }) };
  const onlyAnnaEveryFiveMinutes = { staff: [staffMember("anna")], rules: rules({ slotIntervalMinutes: 5 }) };
  const between = (offered: string[], from: string, to: string) => offered.filter((t) => t >= from && t < to);

  it("blocks the staff member for the appointment", () => {
    const slots = findAvailableSlots(input({ ...onlyAnna, busy: [busy("anna", `${MONDAY} 10:00`, "10:30")] }));
    const offered = times(slots);
    expect(offered).toContain("09:30"); // ends exactly when the appointment starts
    expect(offered).not.toContain("09:45");
    expect(offered).not.toContain("10:15");
    expect(offered).toContain("10:30");
  });

  it("keeps the new booking's buffer free after the slot without making the slot longer", () => {
    const slots = findAvailableSlots(
      input({
        ...onlyAnnaEveryFiveMinutes,
        service: { durationMinutes: 30, bufferMinutes: 15 },
        busy: [busy("anna", `${MONDAY} 10:00`, "10:30")],
      }),
    );
    // 09:15–09:45 plus 15 minutes of buffer ends exactly at 10:00; any later start is still being
    // cleaned up when the appointment begins. After it, 10:30 is free again.
    expect(between(times(slots), "09:00", "10:40")).toEqual(["09:00", "09:05", "09:10", "09:15", "10:30", "10:35"]);
    expect(slots[0].end.getTime() - slots[0].start.getTime()).toBe(30 * 60_000);
  });

  it("lets the buffer run past closing time, where it still keeps the staff member free", () => {
    const hourOfBuffer = { ...onlyAnna, service: { durationMinutes: 30, bufferMinutes: 60 } };
    // 17:30–18:00, then cleaning until 18:30: after closing and after Anna's shift.
    expect(times(findAvailableSlots(input(hourOfBuffer))).at(-1)).toBe("17:30");

    const visitAfterClosing = busy("anna", `${MONDAY} 18:20`, "18:40");
    expect(times(findAvailableSlots(input({ ...hourOfBuffer, busy: [visitAfterClosing] }))).at(-1)).toBe("16:45");
  });

  it("respects the existing appointment's own buffer", () => {
    const appointment = busy("anna", `${MONDAY} 10:00`, "10:30");
    const withoutBuffer = times(findAvailableSlots(input({ ...onlyAnnaEveryFiveMinutes, busy: [appointment] })));
    expect(between(withoutBuffer, "09:30", "10:50")).toEqual(["09:30", "10:30", "10:35", "10:40", "10:45"]);

    const withBuffer = times(
      findAvailableSlots(input({ ...onlyAnnaEveryFiveMinutes, busy: [{ ...appointment, bufferAfterMinutes: 15 }] })),
    );
    expect(between(withBuffer, "09:30", "10:50")).toEqual(["09:30", "10:45"]);
  });

  it("counts an appointment just before midnight against the day's last slot", () => {
    const aroundTheClock = {
      businessHours: { weekly: everyDay<OpeningInterval>(ALL_DAYS, [{ open: "00:00", close: "24:00" }]) },
      staff: [staffMember("anna", { workingHours: allWeek("00:00", "24:00") })],
      service: { durationMinutes: 60, bufferMinutes: 30 },
      rules: rules({ slotIntervalMinutes: 60 }),
    };
    expect(times(findAvailableSlots(input(aroundTheClock))).at(-1)).toBe("23:00");

    const lateCall = busy("anna", `${MONDAY} 23:45`, "23:55");
    expect(times(findAvailableSlots(input({ ...aroundTheClock, busy: [lateCall] }))).at(-1)).toBe("22:00");
    // After midnight, but inside the last slot's buffer (23:00–24:00, cleaning until 00:30).
    const earlyCall = busy("anna", `${TUESDAY} 00:15`, "00:45");
    expect(times(findAvailableSlots(input({ ...aroundTheClock, busy: [earlyCall] }))).at(-1)).toBe("22:00");
  });

  it("counts an appointment after the booking window's end against the window's last slot", () => {
    const lastDay = {
      staff: [staffMember("anna")],
      service: { durationMinutes: 60, bufferMinutes: 30 },
      now: at(`${MONDAY} 10:00`),
      rules: rules({ bookingWindowDays: 2 }),
      range: onDay("2026-10-07"),
    };
    // The window ends Wednesday 10:00; the 09:30 slot runs to 10:30 and its buffer to 11:00.
    expect(times(findAvailableSlots(input(lastDay)))).toEqual(["09:00", "09:30"]);
    const afterWindow = busy("anna", "2026-10-07 10:45", "11:15");
    expect(times(findAvailableSlots(input({ ...lastDay, busy: [afterWindow] })))).toEqual(["09:00"]);
  });

  it("offers nothing on a fully booked day", () => {
    const fullDay = [busy("anna", `${MONDAY} 09:00`, "18:00"), busy("ben", `${MONDAY} 08:00`, "19:00")];
    expect(findAvailableSlots(input({ busy: fullDay }))).toEqual([]);
  });
});

describe("findAvailableSlots: unassigned appointments", () => {
  it("lets the remaining staff cover an unassigned appointment", () => {
    const slots = findAvailableSlots(input({ busy: [busy(null, `${MONDAY} 10:00`, "11:00")] }));
    expect(slotAt(slots, `${MONDAY} 10:00`)?.staffIds).toEqual(["anna", "ben"]);
  });

  it("blocks a time when unassigned appointments take all free staff", () => {
    const two = [busy(null, `${MONDAY} 10:00`, "11:00"), busy(null, `${MONDAY} 10:00`, "11:00")];
    const offered = times(findAvailableSlots(input({ busy: two })));
    expect(offered).not.toContain("10:00");
    expect(offered).not.toContain("10:30");
    expect(offered).toContain("11:00");
  });

  it("counts staff who are busy themselves as not available for unassigned appointments", () => {
    const appointments = [busy(null, `${MONDAY} 10:00`, "11:00"), busy("anna", `${MONDAY} 10:00`, "10:30")];
    const offered = times(findAvailableSlots(input({ busy: appointments })));
    expect(offered).not.toContain("10:00");
    expect(offered).toContain("10:30");
  });

  it("counts unassigned appointments that run one after the other as needing one person", () => {
    const backToBack = [busy(null, `${MONDAY} 10:00`, "10:30"), busy(null, `${MONDAY} 10:30`, "11:00")];
    const oneHour = { service: { durationMinutes: 60, bufferMinutes: 0 } };
    const twoStaff = findAvailableSlots(input({ ...oneHour, busy: backToBack }));
    const oneStaff = findAvailableSlots(input({ ...oneHour, busy: backToBack, staff: [staffMember("anna")] }));
    expect(times(twoStaff)).toContain("10:00");
    expect(times(oneStaff)).not.toContain("10:00");
  });

  it("applies the unassigned appointment's own buffer", () => {
    const offered = times(
      findAvailableSlots(input({ staff: [staffMember("anna")], busy: [busy(null, `${MONDAY} 09:00`, "09:30", 30)] })),
    );
    expect(offered).not.toContain("09:30");
    expect(offered).toContain("10:00");
  });

  it("with a preferred staff member, still counts the other staff as cover", () => {
    const unassigned = busy(null, `${MONDAY} 10:00`, "10:30");
    const withCover = findAvailableSlots(input({ busy: [unassigned], preferredStaffId: "anna" }));
    expect(slotAt(withCover, `${MONDAY} 10:00`)?.staffIds).toEqual(["anna"]);

    const benBusy = busy("ben", `${MONDAY} 10:00`, "10:30");
    const noCover = findAvailableSlots(input({ busy: [unassigned, benBusy], preferredStaffId: "anna" }));
    expect(slotAt(noCover, `${MONDAY} 10:00`)).toBeUndefined();
  });
});

describe("findAvailableSlots: daylight saving time in Europe/Berlin", () => {
  const openMornings = {
    businessHours: { weekly: everyDay<OpeningInterval>(ALL_DAYS, [{ open: "09:00", close: "12:00" }]) },
    staff: [staffMember("anna", { workingHours: allWeek("00:00", "24:00") })],
    service: { durationMinutes: 60, bufferMinutes: 0 },
    rules: rules({ slotIntervalMinutes: 60 }),
  };

  it("puts 09:00 local at 08:00Z in winter and 07:00Z in summer around 2026-03-29", () => {
    const slots = findAvailableSlots(
      input({ ...openMornings, now: at("2026-03-20 12:00"), range: { from: "2026-03-28", to: "2026-03-30" } }),
    );
    expect(isoStarts(slots)).toEqual([
      "2026-03-28T08:00:00.000Z", "2026-03-28T09:00:00.000Z", "2026-03-28T10:00:00.000Z",
      "2026-03-29T07:00:00.000Z", "2026-03-29T08:00:00.000Z", "2026-03-29T09:00:00.000Z",
      "2026-03-30T07:00:00.000Z", "2026-03-30T08:00:00.000Z", "2026-03-30T09:00:00.000Z",
    ]);
  });

  it("puts 09:00 local back at 08:00Z from 2026-10-25", () => {
    const slots = findAvailableSlots(
      input({ ...openMornings, now: at("2026-10-20 12:00"), range: { from: "2026-10-24", to: "2026-10-25" } }),
    );
    expect(isoStarts(slots)).toEqual([
      "2026-10-24T07:00:00.000Z", "2026-10-24T08:00:00.000Z", "2026-10-24T09:00:00.000Z",
      "2026-10-25T08:00:00.000Z", "2026-10-25T09:00:00.000Z", "2026-10-25T10:00:00.000Z",
    ]);
  });

  it("gives a 23-hour day in spring and a 25-hour day in autumn", () => {
    const aroundTheClock = {
      ...openMornings,
      businessHours: { weekly: everyDay<OpeningInterval>(ALL_DAYS, [{ open: "00:00", close: "24:00" }]) },
    };
    const slotsOn = (date: string) =>
      findAvailableSlots(
        input({
          ...aroundTheClock,
          now: at("2026-03-01 12:00"),
          rules: rules({ slotIntervalMinutes: 60, bookingWindowDays: 365 }),
          range: onDay(date),
        }),
      );
    const spring = slotsOn("2026-03-29");
    const autumn = slotsOn("2026-10-25");
    const normal = slotsOn("2026-10-26");

    expect(spring).toHaveLength(23);
    expect(autumn).toHaveLength(25);
    expect(normal).toHaveLength(24);
    expect(spring[0].start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(autumn[0].start.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    for (const day of [spring, autumn]) {
      day.forEach((slot, i) => expect(slot.start.getTime() - day[0].start.getTime()).toBe(i * 3_600_000));
    }
  });

  it("matches appointments by instant on the switch day", () => {
    const slots = findAvailableSlots(
      input({
        ...openMornings,
        now: at("2026-03-20 12:00"),
        range: onDay("2026-03-29"),
        busy: [{ staffId: "anna", start: new Date("2026-03-29T07:00:00Z"), end: new Date("2026-03-29T08:00:00Z") }],
      }),
    );
    expect(times(slots)).toEqual(["10:00", "11:00"]);
  });
});

describe("nextFreeSlot", () => {
  it("finds the first slot today after the minimum notice", () => {
    const slot = nextFreeSlot({ ...input(), now: at(`${MONDAY} 10:05`), rules: rules({ minimumNoticeMinutes: 30 }) });
    expect(slot?.start).toEqual(at(`${MONDAY} 11:00`));
  });

  it("skips fully booked days, closed dates and holidays", () => {
    const fullMonday = [busy("anna", `${MONDAY} 09:00`, "18:00"), busy("ben", `${MONDAY} 09:00`, "18:00")];
    const slot = nextFreeSlot({ ...input(), now: at("2026-10-02 17:45"), busy: fullMonday, closedDates: [TUESDAY] });
    // Friday's last slot (17:30) has passed, Sat 3 Oct is a holiday, Sunday is closed, Monday full, Tuesday closed.
    expect(slot?.start).toEqual(at("2026-10-07 09:00"));
  });

  it("finds a slot on the last day of the booking window", () => {
    const untilWednesday = (end: string) => ["anna", "ben"].map((staffId) => ({ staffId, start: at(`${MONDAY} 10:00`), end: at(end) }));
    const base = { ...input(), now: at(`${MONDAY} 10:00`), rules: rules({ bookingWindowDays: 2 }) };
    // The window ends Wednesday 10:00.
    expect(nextFreeSlot({ ...base, busy: untilWednesday("2026-10-07 09:30") })?.start).toEqual(at("2026-10-07 09:30"));
    expect(nextFreeSlot({ ...base, busy: untilWednesday("2026-10-07 10:00") })).toBeNull();
  });

  it("rejects a malformed start date with INVALID_DATE", () => {
    expect(() => nextFreeSlot({ ...input(), from: "2026-13-01" })).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_DATE, message: "Das Datum ist ungültig.", details: { from: "2026-13-01" } }),
    );
  });

  it("searches from a given date", () => {
    expect(nextFreeSlot({ ...input(), from: "2026-10-08" })?.start).toEqual(at("2026-10-08 09:00"));
  });

  it("returns null when nothing is free within the booking window", () => {
    const sixWeeks = { start: at("2026-10-05 00:00"), end: at("2026-11-16 00:00") };
    const allBooked = [{ staffId: "anna", ...sixWeeks }, { staffId: "ben", ...sixWeeks }];
    const fourWeekWindow = rules({ bookingWindowDays: 28 });
    expect(nextFreeSlot({ ...input(), busy: allBooked, rules: fourWeekWindow })).toBeNull();
    // The same bookings with a longer window leave the day after them free.
    expect(nextFreeSlot({ ...input(), busy: allBooked })?.start).toEqual(at("2026-11-16 09:00"));
    expect(nextFreeSlot({ ...input(), rules: rules({ bookingWindowDays: 0 }) })).toBeNull();
  });

  it("stops at the first day with a slot instead of scanning the whole window", () => {
    const lookups: PropertyKey[] = [];
    const weekly = new Proxy(input().businessHours.weekly, {
      get(target, key, receiver) {
        lookups.push(key);
        return Reflect.get(target, key, receiver);
      },
    });
    const base = {
      ...input(),
      businessHours: { ...input().businessHours, weekly },
      rules: rules({ bookingWindowDays: 365 }),
      now: at(`${MONDAY} 08:00`),
    };

    expect(nextFreeSlot(base)?.start).toEqual(at(`${MONDAY} 09:00`));
    expect(lookups).toEqual(["1"]);

    lookups.length = 0;
    const fullMonday = [busy("anna", `${MONDAY} 09:00`, "18:00"), busy("ben", `${MONDAY} 09:00`, "18:00")];
    expect(nextFreeSlot({ ...base, busy: fullMonday })?.start).toEqual(at(`${TUESDAY} 09:00`));
    expect(lookups).toEqual(["1", "2"]);
  });
});

describe("isSlotFree", () => {
  const check = (overrides: Partial<SlotSearchInput>, start: string) => {
    const { range: _range, ...rest } = input(overrides);
    return isSlotFree(rest, at(start));
  };

  it("is true for an offered slot", () => {
    expect(check({}, `${MONDAY} 10:00`)).toBe(true);
  });

  it("is false off the grid, in the break, after closing, on a holiday and in the past", () => {
    expect(check({}, `${MONDAY} 10:10`)).toBe(false);
    expect(check({}, `${MONDAY} 12:00`)).toBe(false);
    expect(check({}, `${MONDAY} 17:45`)).toBe(false);
    expect(check({ now: at("2026-10-01 12:00") }, "2026-10-03 09:00")).toBe(false);
    expect(check({ now: at(`${MONDAY} 11:00`) }, `${MONDAY} 10:00`)).toBe(false);
  });

  it("is false when all staff are busy", () => {
    const both = [busy("anna", `${MONDAY} 10:00`, "10:30"), busy("ben", `${MONDAY} 09:45`, "10:15")];
    expect(check({ busy: both }, `${MONDAY} 10:00`)).toBe(false);
    expect(check({ busy: both.slice(0, 1) }, `${MONDAY} 10:00`)).toBe(true);
  });
});

describe("pickStaffForSlot", () => {
  const start = at(`${MONDAY} 10:00`);
  const slots: Slot[] = [{ start, end: at(`${MONDAY} 10:30`), staffIds: ["anna", "ben"] }];

  it("takes the preferred staff member when free", () => {
    expect(pickStaffForSlot(slots, start, "ben")).toBe("ben");
  });

  it("falls back to the first free staff member", () => {
    expect(pickStaffForSlot(slots, start)).toBe("anna");
    expect(pickStaffForSlot(slots, start, "carla")).toBe("anna");
  });

  it("returns null when no slot starts at that time", () => {
    expect(pickStaffForSlot(slots, at(`${MONDAY} 10:15`))).toBeNull();
    expect(pickStaffForSlot([], start)).toBeNull();
  });

  it("returns null for a slot nobody can take", () => {
    const unstaffed: Slot[] = [{ start, end: at(`${MONDAY} 10:30`), staffIds: [] }];
    expect(pickStaffForSlot(unstaffed, start)).toBeNull();
    expect(pickStaffForSlot(unstaffed, start, "anna")).toBeNull();
  });
});

describe("input validation", () => {
  it.each<[string, Partial<SlotSearchInput>]>([
    ["a zero duration", { service: { durationMinutes: 0, bufferMinutes: 0 } }],
    ["a negative buffer", { service: { durationMinutes: 30, bufferMinutes: -5 } }],
    ["a fractional duration", { service: { durationMinutes: 30.5, bufferMinutes: 0 } }],
    ["a zero slot interval", { rules: rules({ slotIntervalMinutes: 0 }) }],
    ["a negative notice", { rules: rules({ minimumNoticeMinutes: -1 }) }],
    ["a malformed opening time", { businessHours: { weekly: { 1: [{ open: "9:00", close: "18:00" }] } } }],
    [
      "a malformed working time",
      { staff: [staffMember("anna", { workingHours: { 1: [{ start: "09:00", end: "25:00" }] } })] },
    ],
  ])("rejects %s with INVALID_INPUT", (_label, overrides) => {
    expect(() => findAvailableSlots(input(overrides))).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_INPUT }),
    );
  });

  it("names the rejected duration and rules in the error", () => {
    const service = { durationMinutes: 0, bufferMinutes: 5 };
    const bad = rules({ slotIntervalMinutes: 20 });
    expect(() => findAvailableSlots(input({ service, rules: bad }))).toThrow(
      expect.objectContaining({
        code: ErrorCodes.INVALID_INPUT,
        message: "Die Dauer oder die Buchungsregeln der Leistung sind ungültig.",
        details: { durationMinutes: 0, bufferMinutes: 5, slotIntervalMinutes: 20, rules: bad },
      }),
    );
  });

  it("rejects a malformed range with INVALID_DATE", () => {
    expect(() => findAvailableSlots(input({ range: { from: "05.10.2026", to: MONDAY } }))).toThrow(
      expect.objectContaining({
        code: ErrorCodes.INVALID_DATE,
        message: "Der Zeitraum ist ungültig.",
        details: { from: "05.10.2026", to: MONDAY },
      }),
    );
  });

  it("ignores an opening interval that does not close after it opens", () => {
    const slots = findAvailableSlots(input({ businessHours: { weekly: { 1: [{ open: "18:00", close: "09:00" }] } } }));
    expect(slots).toEqual([]);
  });
});
