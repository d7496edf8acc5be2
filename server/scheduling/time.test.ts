import { describe, expect, it } from "vitest";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { addDaysLocal } from "./local-date";
import {
  formatGermanDate,
  formatGermanTime,
  germanWeekdayName,
  instantToLocal,
  zonedDateTimeToInstant,
} from "./time";

const BERLIN = "Europe/Berlin";
const iso = (d: Date) => d.toISOString();

describe("zonedDateTimeToInstant", () => {
  it("uses UTC+1 in winter and UTC+2 in summer", () => {
    expect(iso(zonedDateTimeToInstant("2026-01-15", "09:00", BERLIN))).toBe("2026-01-15T08:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-07-15", "09:00", BERLIN))).toBe("2026-07-15T07:00:00.000Z");
  });

  it("handles the spring-forward day 2026-03-29", () => {
    expect(iso(zonedDateTimeToInstant("2026-03-29", "01:59", BERLIN))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-03-29", "03:00", BERLIN))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-03-29", "09:00", BERLIN))).toBe("2026-03-29T07:00:00.000Z");
  });

  it("moves a time in the spring-forward gap forward by the gap", () => {
    // 02:00–02:59 does not exist on 2026-03-29; 02:30 becomes 03:30 summer time.
    expect(iso(zonedDateTimeToInstant("2026-03-29", "02:30", BERLIN))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-03-29", "02:00", BERLIN))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("takes the first occurrence of the repeated autumn hour on 2026-10-25", () => {
    expect(iso(zonedDateTimeToInstant("2026-10-25", "02:30", BERLIN))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-10-25", "01:59", BERLIN))).toBe("2026-10-24T23:59:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-10-25", "03:00", BERLIN))).toBe("2026-10-25T02:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-10-25", "09:00", BERLIN))).toBe("2026-10-25T08:00:00.000Z");
  });

  it("reads 24:00 as midnight at the end of the day", () => {
    expect(iso(zonedDateTimeToInstant("2026-03-28", "24:00", BERLIN))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-03-29", "24:00", BERLIN))).toBe("2026-03-29T22:00:00.000Z");
  });

  it("works for zones west of UTC (New York, DST on 2026-03-08)", () => {
    expect(iso(zonedDateTimeToInstant("2026-03-07", "09:00", "America/New_York"))).toBe("2026-03-07T14:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-03-08", "09:00", "America/New_York"))).toBe("2026-03-08T13:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-03-08", "02:30", "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-11-01", "01:30", "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("rejects invalid dates and times with INVALID_DATE", () => {
    for (const [date, time] of [
      ["2026-02-30", "09:00"],
      ["2026-10-09", "25:00"],
      ["09.10.2026", "09:00"],
    ]) {
      expect(() => zonedDateTimeToInstant(date, time, BERLIN)).toThrow(
        expect.objectContaining({ code: ErrorCodes.INVALID_DATE }),
      );
    }
  });

  it("rejects an unknown time zone with INVALID_INPUT", () => {
    const attempt = () => zonedDateTimeToInstant("2026-10-09", "09:00", "Mars/Olympus");
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ code: ErrorCodes.INVALID_INPUT }));
  });
});

describe("instantToLocal", () => {
  it("shows both passes through the repeated autumn hour as 02:30", () => {
    expect(instantToLocal(new Date("2026-10-25T00:30:00Z"), BERLIN)).toEqual({
      date: "2026-10-25",
      time: "02:30",
      weekday: 0,
    });
    expect(instantToLocal(new Date("2026-10-25T01:30:00Z"), BERLIN).time).toBe("02:30");
  });

  it("jumps from 01:59 to 03:00 in spring", () => {
    expect(instantToLocal(new Date("2026-03-29T00:59:00Z"), BERLIN).time).toBe("01:59");
    expect(instantToLocal(new Date("2026-03-29T01:00:00Z"), BERLIN).time).toBe("03:00");
  });

  it("gives the Berlin date after midnight while UTC is still on the previous day", () => {
    expect(instantToLocal(new Date("2026-06-14T22:30:00Z"), BERLIN)).toEqual({
      date: "2026-06-15",
      time: "00:30",
      weekday: 1,
    });
    expect(instantToLocal(new Date("2026-12-31T23:30:00Z"), BERLIN).date).toBe("2027-01-01");
  });

  it("round-trips every quarter hour of both 2026 DST days, except the spring gap", () => {
    for (const day of ["2026-03-29", "2026-10-25"]) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        if (day === "2026-03-29" && time.startsWith("02:")) continue;
        expect(instantToLocal(zonedDateTimeToInstant(day, time, BERLIN), BERLIN)).toMatchObject({ date: day, time });
      }
    }
  });

  it("agrees with Intl for every minute around offset switches, also in zones with odd offsets and on the same instants", () => {
    const wall = (instant: Date, tz: string) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .format(instant)
        .replace(", ", " ");
    const windows: Array<[string, string]> = [
      [BERLIN, "2026-03-29T00:00:00Z"],
      [BERLIN, "2026-10-25T00:00:00Z"],
      ["America/New_York", "2026-03-29T00:00:00Z"], // the same instants as Berlin's switch, other offsets
      ["America/New_York", "2026-11-01T05:00:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T14:00:00Z"], // half-hour switch
      ["Asia/Kathmandu", "2026-03-29T00:00:00Z"], // +05:45
    ];
    for (const [tz, from] of windows) {
      for (let minute = 0; minute < 3 * 60; minute += 7) {
        const instant = new Date(Date.parse(from) + minute * 60_000);
        const local = instantToLocal(instant, tz);
        expect(`${local.date} ${local.time}`, `${tz} ${instant.toISOString()}`).toBe(wall(instant, tz));
      }
    }
  });

  it("rejects an invalid Date", () => {
    expect(() => instantToLocal(new Date("nope"), BERLIN)).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_DATE }),
    );
  });
});

describe("addDaysLocal", () => {
  it("keeps the wall-clock time when adding days across a DST switch", () => {
    const before = zonedDateTimeToInstant("2026-03-28", "09:00", BERLIN);
    const after = zonedDateTimeToInstant(addDaysLocal(instantToLocal(before, BERLIN).date, 1), "09:00", BERLIN);
    expect(after.getTime() - before.getTime()).toBe(23 * 3_600_000);
  });
});

describe("German formatting", () => {
  const instant = new Date("2026-10-09T12:30:00Z");

  it("formats date and time in the given zone", () => {
    expect(formatGermanDate(instant, BERLIN)).toBe("09.10.2026");
    expect(formatGermanTime(instant, BERLIN)).toBe("14:30");
    expect(formatGermanTime(instant, "America/New_York")).toBe("08:30");
    expect(formatGermanDate(new Date("2026-12-31T23:30:00Z"), BERLIN)).toBe("01.01.2027");
  });

  it("names weekdays from a number or an instant", () => {
    expect(germanWeekdayName(0)).toBe("Sonntag");
    expect(germanWeekdayName(3)).toBe("Mittwoch");
    expect(germanWeekdayName(6)).toBe("Samstag");
    expect(germanWeekdayName(instant, BERLIN)).toBe("Freitag");
    // Friday 23:30 UTC is already Saturday in Berlin.
    expect(germanWeekdayName(new Date("2026-10-09T23:30:00Z"), BERLIN)).toBe("Samstag");
  });

  it("rejects a weekday number outside 0–6", () => {
    expect(() => germanWeekdayName(7)).toThrow(RangeError);
    expect(() => germanWeekdayName(-1)).toThrow(RangeError);
  });
});
