import { describe, expect, it } from "vitest";
import { dayField, germanDate, parseTypedDate, weekdayDate } from "./typed-date";

const reference = new Date(2026, 10, 29);

describe("parseTypedDate", () => {
  it.each([
    ["30.11.2026", "2026-11-30"],
    ["01.12.2026", "2026-12-01"],
    ["1.12.2026", "2026-12-01"],
    ["1.2.2027", "2027-02-01"],
    [" 30.11.2026 ", "2026-11-30"],
    ["29.02.2028", "2028-02-29"],
  ])("reads the German form %s", (text, day) => {
    expect(parseTypedDate(text, reference)).toBe(day);
  });

  it.each([
    ["30.11.26", "2026-11-30"],
    ["1.1.27", "2027-01-01"],
    ["15.6.99", "1999-06-15"],
  ])("reads the short year of %s in the century nearest today", (text, day) => {
    expect(parseTypedDate(text, reference)).toBe(day);
  });

  it.each([
    ["2026-11-30", "2026-11-30"],
    ["2027-01-05", "2027-01-05"],
  ])("reads the ISO form %s", (text, day) => {
    expect(parseTypedDate(text, reference)).toBe(day);
  });

  it.each(["31.02.2026", "29.02.2027", "31.04.2026", "00.01.2026", "32.01.2026", "1.13.2026", "2026-02-30", "2026-13-01"])("refuses the impossible day %s", (text) => {
    expect(parseTypedDate(text, reference)).toBeNull();
  });

  it.each(["11/30/2026", "11-30-2026", "30/11/2026", "2026/11/30", "2026-1-5"])("refuses the other order or separator of %s", (text) => {
    expect(parseTypedDate(text, reference)).toBeNull();
  });

  it.each(["", "30.11.", "30.11.2", "30.11.202", "30.11.20266", "0202-11-30", "30.11.0202", "heute", "30.11.2026x", "3011.2026"])("refuses the half-typed or foreign text %j", (text) => {
    expect(parseTypedDate(text, reference)).toBeNull();
  });
});

describe("germanDate", () => {
  it("shows a day as dd.MM.yyyy", () => {
    expect(germanDate("2026-12-01")).toBe("01.12.2026");
  });
  it("leaves other text alone", () => {
    expect(germanDate("")).toBe("");
    expect(germanDate("30.11.2026")).toBe("30.11.2026");
  });
  it("leaves refused ISO-shaped text as typed (no month 13 shown as 01.13.2026)", () => {
    expect(germanDate("2026-13-01")).toBe("2026-13-01");
    expect(germanDate("2026-02-30")).toBe("2026-02-30");
  });
});

describe("weekdayDate", () => {
  it("names the weekday of a day", () => {
    expect(weekdayDate("2026-11-30")).toBe("Montag, 30.11.2026");
  });
  it("is undefined for text that is no day", () => {
    expect(weekdayDate("30.11.2026")).toBeUndefined();
    expect(weekdayDate("2026-02-31")).toBeUndefined();
  });
});

describe("dayField", () => {
  it("passes an applied day and refuses refused text with the field's message", () => {
    expect(dayField().safeParse("2026-11-30").success).toBe(true);
    expect(dayField().safeParse("11/30/2026").error?.issues[0]?.message).toBe("Bitte ein Datum wie 30.11.2026 eingeben.");
    expect(dayField().safeParse("").success).toBe(false);
  });
  it("lets an empty optional field through", () => {
    expect(dayField({ optional: true }).safeParse("").success).toBe(true);
    expect(dayField({ optional: true }).safeParse("31.02.2026").success).toBe(false);
  });
});
