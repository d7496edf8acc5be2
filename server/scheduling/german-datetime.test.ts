import { describe, expect, it } from "vitest";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { parseGermanDate, parseGermanDays, parseGermanTime } from "./german-datetime";

/** Fixed clocks; the comment gives the Berlin wall clock. */
const NOW = {
  wednesday: new Date("2026-10-07T10:00:00Z"), // Mi 07.10.2026 12:00 CEST
  monday: new Date("2026-10-05T08:00:00Z"), // Mo 05.10.2026 10:00 CEST
  sunday: new Date("2026-10-11T10:00:00Z"), // So 11.10.2026 12:00 CEST
  beforeSpringSwitch: new Date("2026-03-28T11:00:00Z"), // Sa 28.03.2026 12:00 CET
  springSwitchJustAfterMidnight: new Date("2026-03-28T23:30:00Z"), // So 29.03.2026 00:30 CET
  springSwitchDay: new Date("2026-03-29T10:00:00Z"), // So 29.03.2026 12:00 CEST
  afterSpringSwitch: new Date("2026-03-29T22:30:00Z"), // Mo 30.03.2026 00:30 CEST
  beforeAutumnSwitch: new Date("2026-10-24T10:00:00Z"), // Sa 24.10.2026 12:00 CEST
  autumnSwitchRepeatedHour: new Date("2026-10-25T00:30:00Z"), // So 25.10.2026 02:30 CEST (first pass)
  afterAutumnSwitch: new Date("2026-10-25T23:30:00Z"), // Mo 26.10.2026 00:30 CET
  summerJustAfterMidnight: new Date("2026-06-14T22:30:00Z"), // Mo 15.06.2026 00:30 CEST, UTC still 14.06.
  yearEnd: new Date("2026-12-30T10:00:00Z"), // Mi 30.12.2026 11:00 CET
  newYearJustAfterMidnight: new Date("2026-12-31T23:30:00Z"), // Fr 01.01.2027 00:30 CET
} as const;

type Clock = keyof typeof NOW;

const DATE_CASES: Array<[phrase: string, clock: Clock, expected: string]> = [
  // relative days
  ["heute", "wednesday", "2026-10-07"],
  ["morgen", "wednesday", "2026-10-08"],
  ["übermorgen", "wednesday", "2026-10-09"],
  ["Uebermorgen", "wednesday", "2026-10-09"],
  ["heute Morgen", "wednesday", "2026-10-07"],
  ["morgen früh", "wednesday", "2026-10-08"],
  ["Morgen Nachmittag", "wednesday", "2026-10-08"],
  ["Guten Morgen, am Freitag bitte", "wednesday", "2026-10-09"],
  ["in drei Tagen", "wednesday", "2026-10-10"],
  ["in einer Woche", "wednesday", "2026-10-14"],
  ["in 2 Wochen", "wednesday", "2026-10-21"],
  // weekdays: next occurrence strictly after today
  ["Freitag", "wednesday", "2026-10-09"],
  ["am Freitag", "wednesday", "2026-10-09"],
  ["Freitag morgen", "wednesday", "2026-10-09"],
  ["Freitagnachmittag", "wednesday", "2026-10-09"],
  ["Mittwoch", "wednesday", "2026-10-14"],
  ["nächsten Dienstag", "wednesday", "2026-10-13"],
  ["nächsten Mittwoch", "monday", "2026-10-07"],
  ["kommenden Mittwoch", "monday", "2026-10-07"],
  ["diesen Sonntag", "monday", "2026-10-11"],
  ["Montag", "monday", "2026-10-12"],
  ["nächsten Montag", "monday", "2026-10-12"],
  ["übernächsten Mittwoch", "monday", "2026-10-14"],
  ["Samstag", "monday", "2026-10-10"],
  ["Sonnabend", "monday", "2026-10-10"],
  // weekdays of a named calendar week (weeks start on Monday)
  ["Mittwoch nächste Woche", "monday", "2026-10-14"],
  ["nächste Woche Mittwoch", "monday", "2026-10-14"],
  ["in der nächsten Woche am Montag", "sunday", "2026-10-12"],
  ["Freitag diese Woche", "monday", "2026-10-09"],
  ["übernächste Woche Dienstag", "monday", "2026-10-20"],
  // calendar dates
  ["9. Oktober", "wednesday", "2026-10-09"],
  ["9 Oktober", "wednesday", "2026-10-09"],
  ["9. Okt.", "wednesday", "2026-10-09"],
  ["am 9. Oktober 2027", "wednesday", "2027-10-09"],
  ["09.10.", "wednesday", "2026-10-09"],
  ["9.10.", "wednesday", "2026-10-09"],
  ["9.10", "wednesday", "2026-10-09"],
  ["9.10.2026", "wednesday", "2026-10-09"],
  ["09.10.26", "wednesday", "2026-10-09"],
  ["2026-10-09", "wednesday", "2026-10-09"],
  ["Freitag, den 9. Oktober", "wednesday", "2026-10-09"],
  ["7. Oktober", "wednesday", "2026-10-07"], // today counts
  ["6. Oktober", "wednesday", "2027-10-06"], // yesterday: next year
  ["29. Februar", "wednesday", "2028-02-29"], // next leap year
  ["am 1. März", "wednesday", "2027-03-01"],
  ["15. Mär", "wednesday", "2027-03-15"],
  // numbers as words
  ["neunter Oktober", "wednesday", "2026-10-09"],
  ["am ersten Dezember", "wednesday", "2026-12-01"],
  ["zwölften März", "wednesday", "2027-03-12"],
  ["am dreiundzwanzigsten November", "wednesday", "2026-11-23"],
  ["einunddreißigster Dezember", "wednesday", "2026-12-31"],
  ["am neunten zehnten", "wednesday", "2026-10-09"],
  ["am 9ten Oktober", "wednesday", "2026-10-09"],
  ["am Neunten", "wednesday", "2026-10-09"],
  ["den dritten", "wednesday", "2026-11-03"],
  ["am 31.", "wednesday", "2026-10-31"],
  // around the spring DST switch (2026-03-29)
  ["heute", "beforeSpringSwitch", "2026-03-28"],
  ["morgen", "beforeSpringSwitch", "2026-03-29"],
  ["übermorgen", "beforeSpringSwitch", "2026-03-30"],
  ["Sonntag", "beforeSpringSwitch", "2026-03-29"],
  ["heute", "springSwitchJustAfterMidnight", "2026-03-29"],
  ["morgen", "springSwitchJustAfterMidnight", "2026-03-30"],
  ["heute", "springSwitchDay", "2026-03-29"],
  ["Sonntag", "springSwitchDay", "2026-04-05"],
  ["nächsten Montag", "springSwitchDay", "2026-03-30"],
  ["heute", "afterSpringSwitch", "2026-03-30"],
  ["29.03.", "afterSpringSwitch", "2027-03-29"],
  // around the autumn DST switch (2026-10-25)
  ["morgen", "beforeAutumnSwitch", "2026-10-25"],
  ["heute", "autumnSwitchRepeatedHour", "2026-10-25"],
  ["morgen", "autumnSwitchRepeatedHour", "2026-10-26"],
  ["heute", "afterAutumnSwitch", "2026-10-26"],
  ["Dienstag", "afterAutumnSwitch", "2026-10-27"],
  // just after midnight in Berlin while UTC is still on the previous day
  ["heute", "summerJustAfterMidnight", "2026-06-15"],
  ["morgen", "summerJustAfterMidnight", "2026-06-16"],
  ["heute", "newYearJustAfterMidnight", "2027-01-01"],
  // year boundary
  ["3. Januar", "yearEnd", "2027-01-03"],
  ["1.1.", "yearEnd", "2027-01-01"],
  ["30.12.", "yearEnd", "2026-12-30"],
  ["29.12.", "yearEnd", "2027-12-29"],
  ["morgen", "yearEnd", "2026-12-31"],
  ["übermorgen", "yearEnd", "2027-01-01"],
  ["Montag", "yearEnd", "2027-01-04"],
  ["Freitag nächste Woche", "yearEnd", "2027-01-08"],
  ["am Zweiten", "yearEnd", "2027-01-02"],
];

describe("parseGermanDate", () => {
  it.each(DATE_CASES)("%j (now: %s) → %s", (phrase, clock, expected) => {
    expect(parseGermanDate(phrase, NOW[clock])).toBe(expected);
  });

  it.each(DATE_CASES)("parseGermanDays reads %j (now: %s) as the one day %s", (phrase, clock, expected) => {
    expect(parseGermanDays(phrase, NOW[clock])).toEqual({ from: expected, to: expected });
  });

  it("reads 'today' in the given zone", () => {
    const now = new Date("2026-10-07T02:00:00Z"); // 04:00 in Berlin, 22:00 the day before in New York
    expect(parseGermanDate("heute", now)).toBe("2026-10-07");
    expect(parseGermanDate("heute", now, "America/New_York")).toBe("2026-10-06");
  });

  it.each([
    "31.02.",
    "30. Februar",
    "31.04.2026",
    "29.02.2027",
    "2026-13-01",
    "2026-02-30",
    "32. Oktober",
    "am 32.",
  ])("rejects the impossible date %j with INVALID_DATE", (phrase) => {
    expect(() => parseGermanDate(phrase, NOW.wednesday)).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_DATE, message: "Dieses Datum gibt es nicht." }),
    );
  });

  it.each(["", "irgendwann", "bald", "nächste Woche", "14.30 Uhr", "Oktober"])(
    "rejects %j as not understood",
    (phrase) => {
      let error: unknown;
      try {
        parseGermanDate(phrase, NOW.wednesday);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: ErrorCodes.INVALID_DATE, message: "Das Datum habe ich nicht verstanden." });
    },
  );

  it("rejects a weekday of the current week that has already passed", () => {
    expect(() => parseGermanDate("Montag diese Woche", NOW.wednesday)).toThrow(
      expect.objectContaining({ code: ErrorCodes.DATE_IN_PAST }),
    );
  });

  it("takes an explicit past year as said", () => {
    expect(parseGermanDate("9.10.2025", NOW.wednesday)).toBe("2025-10-09");
  });
});

const TIME_CASES: Array<[phrase: string, expected: string]> = [
  ["14 Uhr", "14:00"],
  ["14:30", "14:30"],
  ["14.30 Uhr", "14:30"],
  ["14:30 Uhr", "14:30"],
  ["14 Uhr 30", "14:30"],
  ["14uhr", "14:00"],
  ["um 9:05", "09:05"],
  ["0 Uhr", "00:00"],
  ["vierzehn Uhr dreißig", "14:30"],
  ["vierzehn dreißig", "14:30"],
  ["neun Uhr", "09:00"],
  ["neun Uhr fünfzehn", "09:15"],
  ["siebzehn Uhr fünfundvierzig", "17:45"],
  ["halb drei", "14:30"],
  ["halb zehn", "09:30"],
  ["halb eins", "12:30"],
  ["viertel nach zwei", "14:15"],
  ["viertel nach neun", "09:15"],
  ["viertel vor drei", "14:45"],
  ["dreiviertel drei", "14:45"],
  ["drei viertel drei", "14:45"],
  ["viertel drei", "14:15"],
  ["um drei", "15:00"],
  ["gegen drei", "15:00"],
  ["um sieben", "19:00"],
  ["um acht", "08:00"],
  ["um zwölf", "12:00"],
  ["um eins", "13:00"],
  ["zehn nach drei", "15:10"],
  ["zwanzig vor vier", "15:40"],
  ["fünf nach halb drei", "14:35"],
  ["fünf vor halb drei", "14:25"],
  ["zehn nach zwölf", "12:10"],
  ["viertel vor eins", "12:45"],
  ["viertel vor fünfzehn Uhr", "14:45"],
  ["halb drei Uhr", "14:30"],
  ["mittags", "12:00"],
  ["um Mitternacht", "00:00"],
  ["zwölf Uhr mittags", "12:00"],
  ["morgen um sieben", "19:00"], // "morgen" is tomorrow here, not a day part
  ["am 9.10. um 14 Uhr", "14:00"],
  // times with a day part: german-time.test.ts
];

describe("parseGermanTime", () => {
  it.each(TIME_CASES)("%j → %s", (phrase, expected) => {
    expect(parseGermanTime(phrase)).toBe(expected);
  });

  describe("with preferHours", () => {
    const openNineToSix = (hhmm: string) => hhmm >= "09:00" && hhmm < "18:00";
    const openAfternoonAndEvening = (hhmm: string) => hhmm >= "14:00" && hhmm < "21:00";

    it("takes the afternoon reading when only that one is accepted", () => {
      expect(parseGermanTime("um drei", { preferHours: openNineToSix })).toBe("15:00");
      expect(parseGermanTime("halb drei", { preferHours: openNineToSix })).toBe("14:30");
      expect(parseGermanTime("um acht", { preferHours: openAfternoonAndEvening })).toBe("20:00");
    });

    it("keeps the morning reading when it is accepted", () => {
      expect(parseGermanTime("um neun", { preferHours: openNineToSix })).toBe("09:00");
      expect(parseGermanTime("halb elf", { preferHours: openNineToSix })).toBe("10:30");
    });

    it("keeps the morning reading when both or neither are accepted", () => {
      expect(parseGermanTime("um drei", { preferHours: () => true })).toBe("03:00");
      expect(parseGermanTime("um sieben", { preferHours: () => false })).toBe("07:00");
    });

    it("asks about the reading with its minutes", () => {
      const asked: string[] = [];
      parseGermanTime("viertel nach zwei", { preferHours: (hhmm) => (asked.push(hhmm), hhmm === "14:15") });
      expect(asked).toEqual(["02:15", "14:15"]);
    });

    it("is not consulted for unambiguous times", () => {
      const never = () => {
        throw new Error("must not be asked");
      };
      expect(parseGermanTime("14 Uhr", { preferHours: never })).toBe("14:00");
      expect(parseGermanTime("um drei nachmittags", { preferHours: never })).toBe("15:00");
      expect(parseGermanTime("um zwölf", { preferHours: never })).toBe("12:00");
    });
  });

  const UNREADABLE_TIMES = ["", "irgendwann", "nachmittags", "25 Uhr", "24 Uhr", "14:75", "um 9 Uhr 75", "am 9.10."];

  it.each([...UNREADABLE_TIMES, "sechzig nach drei"])("rejects %j with INVALID_DATE and a German message", (phrase) => {
    expect(() => parseGermanTime(phrase)).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_DATE, message: "Die Uhrzeit habe ich nicht verstanden." }),
    );
  });
});
