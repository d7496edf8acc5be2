import { describe, expect, it } from "vitest";
import {
  addDaysLocal,
  diffLocalDays,
  formatLocalTime,
  isValidLocalDate,
  parseLocalDate,
  parseLocalTime,
  weekdayOfLocalDate,
} from "./local-date";

describe("parseLocalDate / isValidLocalDate", () => {
  it("reads a well-formed date", () => {
    expect(parseLocalDate("2026-10-09")).toEqual({ year: 2026, month: 10, day: 9 });
  });

  it.each(["2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-9", "09.10.2026", ""])(
    "rejects %j",
    (value) => {
      expect(isValidLocalDate(value)).toBe(false);
    },
  );

  it("accepts 29 February in leap years only", () => {
    expect(isValidLocalDate("2028-02-29")).toBe(true);
    expect(isValidLocalDate("2000-02-29")).toBe(true);
    expect(isValidLocalDate("2100-02-29")).toBe(false);
  });
});

describe("addDaysLocal / diffLocalDays", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDaysLocal("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysLocal("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDaysLocal("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysLocal("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDaysLocal("2026-03-28", 2)).toBe("2026-03-30"); // across the spring DST switch
  });

  it("counts calendar days between two dates", () => {
    expect(diffLocalDays("2026-10-25", "2026-10-26")).toBe(1);
    expect(diffLocalDays("2026-12-30", "2027-01-03")).toBe(4);
    expect(diffLocalDays("2026-01-03", "2026-01-01")).toBe(-2);
  });
});

describe("weekdayOfLocalDate", () => {
  it.each([
    ["2026-03-29", 0],
    ["2026-10-05", 1],
    ["2026-10-09", 5],
    ["2027-01-01", 5],
    ["1970-01-01", 4],
    ["1969-12-31", 3],
  ])("%s is weekday %i", (date, weekday) => {
    expect(weekdayOfLocalDate(date)).toBe(weekday);
  });
});

describe("parseLocalTime / formatLocalTime", () => {
  it("converts between HH:mm and minutes after midnight", () => {
    expect(parseLocalTime("00:00")).toBe(0);
    expect(parseLocalTime("09:30")).toBe(570);
    expect(parseLocalTime("23:59")).toBe(1439);
    expect(parseLocalTime("24:00")).toBe(1440);
    expect(formatLocalTime(570)).toBe("09:30");
  });

  it.each(["24:01", "25:00", "12:60", "9:30", "0930", ""])("rejects %j", (value) => {
    expect(parseLocalTime(value)).toBeNull();
  });
});
