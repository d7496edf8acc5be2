/**
 * Rules of the German time parser, each with cases that break when that rule does:
 * day parts, where a time sits in a longer phrase, and the limits of each spoken form.
 */
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { germanTimeReadings, parseGermanTime } from "./german-datetime";

/**
 * Every hour here is one that means something else without its day part: 1–11 have two
 * readings then, and "zwölf Uhr nachts" would be noon.
 */
const DAY_PART_CASES: Array<[phrase: string, expected: string]> = [
  // morgens, früh, vormittags, "heute Morgen", "Freitagmorgen"
  ["um fünf Uhr morgens", "05:00"],
  ["um sieben morgens", "07:00"],
  ["halb acht morgens", "07:30"],
  ["morgen früh um halb acht", "07:30"],
  ["heute Morgen um sieben", "07:00"],
  ["um sieben heute Morgen", "07:00"],
  ["Freitagmorgen um sieben", "07:00"],
  ["Freitag morgen um sieben", "07:00"],
  ["vormittags um elf", "11:00"],
  ["um fünf am Vormittag", "05:00"],
  ["elf Vormittag", "11:00"],
  // nachmittags, abends
  ["drei Uhr nachmittags", "15:00"],
  ["drei nachmittags", "15:00"],
  ["vier Nachmittag", "16:00"],
  ["am Nachmittag um sechs", "18:00"],
  ["fünf nach halb drei nachmittags", "14:35"],
  ["viertel drei nachmittags", "14:15"],
  ["zehn nach drei nachmittags", "15:10"],
  ["zwanzig vor vier nachmittags", "15:40"],
  ["heute Abend um acht", "20:00"],
  ["heute Abend um sieben", "19:00"],
  ["um neun abends", "21:00"],
  ["um elf abends", "23:00"],
  ["halb acht abends", "19:30"],
  ["acht Abend", "20:00"],
  // mittags: up to five in the afternoon, later hours as said
  ["um eins mittags", "13:00"],
  ["am Mittag um eins", "13:00"],
  ["eins Mittag", "13:00"],
  ["fünf Uhr mittags", "17:00"],
  ["halb zwölf mittags", "11:30"],
  // nachts: small hours as said, late evening hours in the evening, twelve is midnight
  ["zwei Uhr nachts", "02:00"],
  ["nachts um drei", "03:00"],
  ["in der Nacht um zwei", "02:00"],
  ["um elf in der Nacht", "23:00"],
  ["elf Uhr nachts", "23:00"],
  ["zwölf Uhr nachts", "00:00"],
  ["halb eins nachts", "00:30"],
];

describe("parseGermanTime: a day part settles the hour", () => {
  it.each(DAY_PART_CASES)("%j → %s as the only reading", (phrase, expected) => {
    expect(germanTimeReadings(phrase)).toEqual([expected]);
    expect(parseGermanTime(phrase)).toBe(expected);
  });

  it.each(DAY_PART_CASES)("%j → %s even when the opening hours favour the other reading", (phrase, expected) => {
    expect(parseGermanTime(phrase, { preferHours: (hhmm) => hhmm !== expected })).toBe(expected);
  });

  it("keeps twelve o'clock at noon in the afternoon", () => {
    expect(germanTimeReadings("halb eins nachmittags")).toEqual(["12:30"]);
    expect(parseGermanTime("zwölf Uhr nachmittags")).toBe("12:00");
  });

  it("keeps a 24-hour time against a contradicting day part", () => {
    expect(germanTimeReadings("20 Uhr morgens")).toEqual(["20:00"]);
  });
});

describe("parseGermanTime: the time inside a longer phrase", () => {
  it("does not read a date before the time as a time", () => {
    expect(germanTimeReadings("am 14.10. um neun")).toEqual(["09:00", "21:00"]);
    expect(parseGermanTime("am 14.10. um neun")).toBe("09:00");
    expect(parseGermanTime("am 31.12. um 18 Uhr")).toBe("18:00");
  });

  it.each([
    ["um 9.30...", "09:30"], // a trailing ellipsis is not part of the time
    ["um 14uhr heute", "14:00"],
    ["8uhr30", "08:30"],
    ["gegen vierzehn dreißig", "14:30"],
    ["um dreiviertel drei", "14:45"],
    ["um viertel vor drei", "14:45"],
    ["um viertel drei", "14:15"],
    ["um zehn nach drei", "15:10"],
    ["um zwanzig vor vier", "15:40"],
    ["zwanzig vor zwölf", "11:40"],
    ["gegen Mittag", "12:00"],
    ["Mitternacht", "00:00"],
  ])("%j → %s", (phrase, expected) => {
    expect(parseGermanTime(phrase)).toBe(expected);
  });

  it("reads a time with minutes and 'Uhr' before a whole hour elsewhere in the phrase", () => {
    expect(parseGermanTime("14.30 Uhr bis 16 Uhr")).toBe("14:30");
    expect(parseGermanTime("von 14.30 Uhr bis 16 Uhr")).toBe("14:30");
    expect(parseGermanTime("16 Uhr oder 14.30 Uhr")).toBe("14:30");
    expect(parseGermanTime("14 Uhr 30 bis 16 Uhr")).toBe("14:30");
  });

  it.each(["zwei Personen", "am 14.10.", "mittags oder abends", "vor Mitternacht", "Mitternacht oder später"])(
    "does not read %j as a time",
    (phrase) => {
      expect(() => parseGermanTime(phrase)).toThrow(
        expect.objectContaining({ code: ErrorCodes.INVALID_DATE, message: "Die Uhrzeit habe ich nicht verstanden." }),
      );
    },
  );
});

describe("parseGermanTime: the limits of each form", () => {
  it.each([
    ["23:59", "23:59"],
    ["dreiundzwanzig Uhr", "23:00"],
    ["viertel vor vierundzwanzig Uhr", "23:45"],
    ["eins vor drei", "14:59"],
    ["neunundfünfzig vor drei", "14:01"],
  ])("accepts %j → %s", (phrase, expected) => {
    expect(parseGermanTime(phrase)).toBe(expected);
  });

  it.each(["sechzig vor drei", "dreißig vor halb drei", "halb null", "viertel vor fünfundzwanzig Uhr", "24:00", "13:60"])(
    "rejects %j",
    (phrase) => {
      expect(() => parseGermanTime(phrase)).toThrow(expect.objectContaining({ code: ErrorCodes.INVALID_DATE }));
    },
  );
});
