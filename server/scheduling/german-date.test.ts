/**
 * Rules of the German date parser, each with cases that break when that rule does:
 * day numbers without a month, relative days inside longer phrases, spans of days,
 * and where a date sits in a phrase that also names a time.
 */
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { parseGermanDate, parseGermanDays } from "./german-datetime";

/** Fixed clocks; the comment gives the Berlin wall clock. */
const NOW = {
  monday: new Date("2026-10-05T08:00:00Z"), // Mo 05.10.2026 10:00 CEST
  wednesday: new Date("2026-10-07T10:00:00Z"), // Mi 07.10.2026 12:00 CEST
  friday: new Date("2026-10-09T10:00:00Z"), // Fr 09.10.2026 12:00 CEST
  endOfSeptember: new Date("2026-09-30T08:00:00Z"), // Mi 30.09.2026 10:00 CEST
  earlyNovember: new Date("2026-11-05T09:00:00Z"), // Do 05.11.2026 10:00 CET
  earlyFebruary: new Date("2027-02-01T10:00:00Z"), // Mo 01.02.2027 11:00 CET
  march2096: new Date("2096-03-01T10:00:00Z"), // Do 01.03.2096 11:00 CET, the leap day just passed
} as const;

type Clock = keyof typeof NOW;

const IN_PAST = "Dieser Tag ist schon vorbei.";
const DOES_NOT_EXIST = "Dieses Datum gibt es nicht.";
const NOT_UNDERSTOOD = "Das Datum habe ich nicht verstanden.";

function expectRefusal(run: () => unknown, code: number, message: string) {
  expect(run).toThrow(expect.objectContaining({ code, message }));
}

describe("parseGermanDate: a day of the month without a month", () => {
  it.each<[phrase: string, clock: Clock, expected: string]>([
    ["am 31.", "endOfSeptember", "2026-10-31"], // September has 30 days
    ["am 31.", "earlyNovember", "2026-12-31"], // so has November
    ["am 31.", "earlyFebruary", "2027-03-31"],
    ["am 29.", "earlyFebruary", "2027-03-29"], // February 2027 has 28 days
    ["31.", "endOfSeptember", "2026-10-31"],
    ["Einunddreißigster", "endOfSeptember", "2026-10-31"],
    ["am 7.", "wednesday", "2026-10-07"], // said on the 7th: today
    ["am Siebten", "wednesday", "2026-10-07"],
    ["Termin am Siebten", "wednesday", "2026-10-07"],
    ["am Siebten um 14 Uhr", "wednesday", "2026-10-07"],
    ["am 6.", "wednesday", "2026-11-06"],
  ])("%j (now: %s) → %s", (phrase, clock, expected) => {
    expect(parseGermanDate(phrase, NOW[clock])).toBe(expected);
  });

  it("refuses day 0 as a date that does not exist", () => {
    expectRefusal(() => parseGermanDate("am 0.", NOW.wednesday), ErrorCodes.INVALID_DATE, DOES_NOT_EXIST);
  });

  it("does not read a number after 'um' as a day of the month", () => {
    expectRefusal(() => parseGermanDate("um 9.", NOW.wednesday), ErrorCodes.INVALID_DATE, NOT_UNDERSTOOD);
  });
});

describe("parseGermanDate: dates in longer phrases", () => {
  it.each<[phrase: string, clock: Clock, expected: string]>([
    ["9.10. 2027", "wednesday", "2027-10-09"], // the year after a space
    ["am 2026-10-09", "wednesday", "2026-10-09"],
    ["2026-10-09 um 14 Uhr", "wednesday", "2026-10-09"],
    ["9. Oktober um 14 Uhr", "wednesday", "2026-10-09"],
    // "14.30." and "9.00." are times, not the 14th of a 30th month
    ["Freitag um 14.30.", "wednesday", "2026-10-09"],
    ["Freitag um 9.00.", "wednesday", "2026-10-09"],
  ])("%j (now: %s) → %s", (phrase, clock, expected) => {
    expect(parseGermanDate(phrase, NOW[clock])).toBe(expected);
  });
});

describe("parseGermanDate: days counted from today", () => {
  it.each<[phrase: string, clock: Clock, expected: string]>([
    ["ich hätte gern morgen einen Termin", "wednesday", "2026-10-08"], // "morgen" inside a sentence
    ["in vierzehn Tagen", "wednesday", "2026-10-21"],
    ["in acht Tagen", "wednesday", "2026-10-15"], // without "heute": eight days
    ["in einer Woche um 10 Uhr", "wednesday", "2026-10-14"],
    ["morgen in acht Tagen, am Donnerstag", "wednesday", "2026-10-15"],
    ["Mittwoch in einer Woche", "monday", "2026-10-14"],
    ["Mittwoch, der übernächste", "monday", "2026-10-14"],
    ["diese Woche Mittwoch", "wednesday", "2026-10-07"], // today is still this week
  ])("%j (now: %s) → %s", (phrase, clock, expected) => {
    expect(parseGermanDate(phrase, NOW[clock])).toBe(expected);
  });

  it("refuses days said of the past with a German message", () => {
    expectRefusal(() => parseGermanDate("ich war gestern schon da", NOW.wednesday), ErrorCodes.DATE_IN_PAST, IN_PAST);
    expectRefusal(() => parseGermanDate("Montag diese Woche", NOW.wednesday), ErrorCodes.DATE_IN_PAST, IN_PAST);
  });
});

describe("parseGermanDays: spans of days", () => {
  it.each<[phrase: string, clock: Clock, from: string, to: string]>([
    ["Anfang dieser Woche", "monday", "2026-10-05", "2026-10-07"],
    ["Anfang dieser Woche", "wednesday", "2026-10-07", "2026-10-07"], // its last day is today
    ["diese Woche", "wednesday", "2026-10-07", "2026-10-11"], // never starts before today
    ["irgendwann Anfang nächster Woche", "wednesday", "2026-10-12", "2026-10-14"],
    ["Anfang nächster Woche vormittags", "wednesday", "2026-10-12", "2026-10-14"],
    ["Wochenende", "wednesday", "2026-10-10", "2026-10-11"],
    ["am Wochenende vormittags", "wednesday", "2026-10-10", "2026-10-11"],
  ])("%j (now: %s) → %s to %s", (phrase, clock, from, to) => {
    expect(parseGermanDays(phrase, NOW[clock])).toEqual({ from, to });
  });

  it("reads a span in the default zone, Berlin", () => {
    const sundayEveningInUtc = new Date("2026-10-11T22:30:00Z"); // already Monday 00:30 in Berlin
    expect(parseGermanDays("diese Woche", sundayEveningInUtc)).toEqual({ from: "2026-10-12", to: "2026-10-18" });
  });

  it("refuses a span that is over", () => {
    expectRefusal(() => parseGermanDays("Anfang dieser Woche", NOW.friday), ErrorCodes.DATE_IN_PAST, "Diese Tage sind schon vorbei.");
  });

  it("does not read 'unter der Woche' as a span", () => {
    expectRefusal(() => parseGermanDays("unter der Woche", NOW.wednesday), ErrorCodes.INVALID_DATE, NOT_UNDERSTOOD);
  });
});

describe("parseGermanDate: 29 February", () => {
  it("waits up to eight years when a century year is no leap year", () => {
    expect(parseGermanDate("29. Februar", NOW.march2096)).toBe("2104-02-29");
  });
});
