import { describe, expect, it } from "vitest";
import { GERMAN_STATES, easterSunday, holidaysFor, isGermanState, isHoliday, type GermanState } from "./holidays";

const NATIONWIDE_2026 = [
  { date: "2026-01-01", name: "Neujahr" },
  { date: "2026-04-03", name: "Karfreitag" },
  { date: "2026-04-06", name: "Ostermontag" },
  { date: "2026-05-01", name: "Tag der Arbeit" },
  { date: "2026-05-14", name: "Christi Himmelfahrt" },
  { date: "2026-05-25", name: "Pfingstmontag" },
  { date: "2026-10-03", name: "Tag der Deutschen Einheit" },
  { date: "2026-12-25", name: "1. Weihnachtstag" },
  { date: "2026-12-26", name: "2. Weihnachtstag" },
];

const names = (year: number, state?: GermanState) => holidaysFor(year, state).map((h) => h.name);

describe("easterSunday", () => {
  it.each([
    [1818, "1818-03-22"], // earliest possible date
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"], // latest possible date
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe("holidaysFor", () => {
  it("returns exactly the nationwide holidays without a state, sorted", () => {
    expect(holidaysFor(2026)).toEqual(NATIONWIDE_2026);
  });

  it("moves the Easter-based holidays with Easter (2027)", () => {
    const dates = Object.fromEntries(holidaysFor(2027, "BY").map((h) => [h.name, h.date]));
    expect(dates).toMatchObject({
      Karfreitag: "2027-03-26",
      Ostermontag: "2027-03-29",
      "Christi Himmelfahrt": "2027-05-06",
      Pfingstmontag: "2027-05-17",
      Fronleichnam: "2027-05-27",
    });
  });

  it("includes the nationwide holidays in every state", () => {
    for (const state of GERMAN_STATES) {
      expect(holidaysFor(2026, state)).toEqual(expect.arrayContaining(NATIONWIDE_2026));
    }
  });

  it.each<[GermanState, string[]]>([
    ["BW", ["Heilige Drei Könige", "Fronleichnam", "Allerheiligen"]],
    ["BY", ["Heilige Drei Könige", "Fronleichnam", "Allerheiligen"]],
    ["BE", ["Internationaler Frauentag"]],
    ["BB", ["Ostersonntag", "Pfingstsonntag", "Reformationstag"]],
    ["HB", ["Reformationstag"]],
    ["HH", ["Reformationstag"]],
    ["HE", ["Ostersonntag", "Pfingstsonntag", "Fronleichnam"]],
    ["MV", ["Internationaler Frauentag", "Reformationstag"]],
    ["NI", ["Reformationstag"]],
    ["NW", ["Fronleichnam", "Allerheiligen"]],
    ["RP", ["Fronleichnam", "Allerheiligen"]],
    ["SL", ["Fronleichnam", "Mariä Himmelfahrt", "Allerheiligen"]],
    ["SN", ["Reformationstag", "Buß- und Bettag"]],
    ["ST", ["Heilige Drei Könige", "Reformationstag"]],
    ["SH", ["Reformationstag"]],
    ["TH", ["Weltkindertag", "Reformationstag"]],
  ])("%s has exactly these state holidays in 2026: %j", (state, expected) => {
    const own = names(2026, state).filter((name) => !NATIONWIDE_2026.some((h) => h.name === name));
    expect(own).toEqual(expected);
  });

  it("dates the state holidays of 2026 correctly", () => {
    expect(isHoliday("2026-01-06", "BW")).toBe("Heilige Drei Könige");
    expect(isHoliday("2026-03-08", "BE")).toBe("Internationaler Frauentag");
    expect(isHoliday("2026-06-04", "NW")).toBe("Fronleichnam");
    expect(isHoliday("2026-08-15", "SL")).toBe("Mariä Himmelfahrt");
    expect(isHoliday("2026-09-20", "TH")).toBe("Weltkindertag");
    expect(isHoliday("2026-10-31", "HH")).toBe("Reformationstag");
    expect(isHoliday("2026-11-01", "RP")).toBe("Allerheiligen");
    expect(isHoliday("2026-11-18", "SN")).toBe("Buß- und Bettag");
  });

  it.each([
    [2023, "2023-11-22"], // 22 November itself is a Wednesday
    [2024, "2024-11-20"],
    [2025, "2025-11-19"],
    [2026, "2026-11-18"],
    [2027, "2027-11-17"],
  ])("Buß- und Bettag %i is %s", (year, date) => {
    expect(holidaysFor(year, "SN").find((h) => h.name === "Buß- und Bettag")?.date).toBe(date);
  });

  it("applies holidays only from the year they were introduced", () => {
    expect(names(2022, "MV")).not.toContain("Internationaler Frauentag");
    expect(names(2023, "MV")).toContain("Internationaler Frauentag");
    expect(names(2018, "BE")).not.toContain("Internationaler Frauentag");
    expect(names(2019, "BE")).toContain("Internationaler Frauentag");
    expect(names(2016, "HH")).not.toContain("Reformationstag");
    expect(names(2018, "HH")).toContain("Reformationstag");
    expect(names(2018, "TH")).not.toContain("Weltkindertag");
  });

  it("knows the one-off holidays", () => {
    expect(isHoliday("2017-10-31", "BY")).toBe("Reformationstag");
    expect(isHoliday("2017-10-31")).toBe("Reformationstag");
    expect(isHoliday("2025-05-08", "BE")).toBe("Tag der Befreiung");
    expect(isHoliday("2026-05-08", "BE")).toBeNull();
  });

  it("returns copies that callers cannot use to corrupt later results", () => {
    const first = holidaysFor(2026);
    first[0].name = "changed";
    first.pop();
    expect(holidaysFor(2026)).toEqual(NATIONWIDE_2026);
  });

  it("rejects an unknown state and an out-of-range year", () => {
    expect(() => holidaysFor(2026, "XX" as GermanState)).toThrow(RangeError);
    expect(() => holidaysFor(1200)).toThrow(RangeError);
  });
});

describe("isHoliday", () => {
  it("returns the name for a holiday and null for a normal day", () => {
    expect(isHoliday("2026-04-06")).toBe("Ostermontag");
    expect(isHoliday("2026-04-07")).toBeNull();
  });

  it("distinguishes states", () => {
    expect(isHoliday("2026-01-06", "BY")).toBe("Heilige Drei Könige");
    expect(isHoliday("2026-01-06", "BE")).toBeNull();
    expect(isHoliday("2026-01-06")).toBeNull();
    expect(isHoliday("2026-11-18", "BY")).toBeNull();
    expect(isHoliday("2026-08-15", "BY")).toBeNull(); // only in parts of Bavaria
  });

  it("rejects a malformed date", () => {
    expect(() => isHoliday("06.01.2026", "BY")).toThrow(RangeError);
  });
});

describe("isGermanState", () => {
  it("accepts the 16 state codes only", () => {
    expect(GERMAN_STATES).toHaveLength(16);
    expect(isGermanState("NW")).toBe(true);
    expect(isGermanState("nw")).toBe(false);
    expect(isGermanState("DE")).toBe(false);
  });
});
