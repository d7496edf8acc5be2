/**
 * German public holidays (gesetzliche Feiertage) per federal state.
 *
 * Covers the statewide holidays. Holidays that apply only in some municipalities
 * (Mariä Himmelfahrt in Catholic parts of Bavaria, Fronleichnam in parts of
 * Saxony and Thuringia, Augsburger Friedensfest) are not included.
 */
import { addDaysLocal, formatLocalDate, requireLocalDate, weekdayOfLocalDate, type LocalDate } from "./local-date";

export const GERMAN_STATES = [
  "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
] as const;

export type GermanState = (typeof GERMAN_STATES)[number];

export interface Holiday {
  date: LocalDate;
  name: string;
}

export function isGermanState(value: string): value is GermanState {
  return (GERMAN_STATES as readonly string[]).includes(value);
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian ("Meeus/Jones/Butcher") algorithm. */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate({ year, month, day });
}

/** Buß- und Bettag: the Wednesday before 23 November (16–22 November). */
function repentanceDay(year: number): LocalDate {
  const nov22 = formatLocalDate({ year, month: 11, day: 22 });
  const daysSinceWednesday = (weekdayOfLocalDate(nov22) - 3 + 7) % 7;
  return addDaysLocal(nov22, -daysSinceWednesday);
}

type StateRule = readonly GermanState[] | "all";

interface HolidayRule {
  name: string;
  date: (year: number, easter: LocalDate) => LocalDate;
  /** States whose law has the holiday in `year` ("all" = nationwide). */
  states: (year: number) => StateRule;
}

const fixed = (month: number, day: number) => (year: number) => formatLocalDate({ year, month, day });
const fromEaster = (days: number) => (_year: number, easter: LocalDate) => addDaysLocal(easter, days);
const always = (states: StateRule) => () => states;

const RULES: readonly HolidayRule[] = [
  { name: "Neujahr", date: fixed(1, 1), states: always("all") },
  { name: "Heilige Drei Könige", date: fixed(1, 6), states: always(["BW", "BY", "ST"]) },
  {
    name: "Internationaler Frauentag",
    date: fixed(3, 8),
    states: (year) => [...(year >= 2019 ? (["BE"] as const) : []), ...(year >= 2023 ? (["MV"] as const) : [])],
  },
  { name: "Karfreitag", date: fromEaster(-2), states: always("all") },
  { name: "Ostersonntag", date: fromEaster(0), states: always(["BB", "HE"]) },
  { name: "Ostermontag", date: fromEaster(1), states: always("all") },
  { name: "Tag der Arbeit", date: fixed(5, 1), states: always("all") },
  {
    // One-off holidays in Berlin for the 75th and 80th anniversary of the end of the war.
    name: "Tag der Befreiung",
    date: fixed(5, 8),
    states: (year) => (year === 2020 || year === 2025 ? ["BE"] : []),
  },
  { name: "Christi Himmelfahrt", date: fromEaster(39), states: always("all") },
  { name: "Pfingstsonntag", date: fromEaster(49), states: always(["BB", "HE"]) },
  { name: "Pfingstmontag", date: fromEaster(50), states: always("all") },
  { name: "Fronleichnam", date: fromEaster(60), states: always(["BW", "BY", "HE", "NW", "RP", "SL"]) },
  { name: "Mariä Himmelfahrt", date: fixed(8, 15), states: always(["SL"]) },
  { name: "Weltkindertag", date: fixed(9, 20), states: (year) => (year >= 2019 ? ["TH"] : []) },
  { name: "Tag der Deutschen Einheit", date: fixed(10, 3), states: (year) => (year >= 1990 ? "all" : []) },
  {
    name: "Reformationstag",
    date: fixed(10, 31),
    states: (year) => {
      if (year === 2017) return "all"; // 500th anniversary of the Reformation
      const eastern: GermanState[] = ["BB", "MV", "SN", "ST", "TH"];
      return year >= 2018 ? [...eastern, "HB", "HH", "NI", "SH"] : eastern;
    },
  },
  { name: "Allerheiligen", date: fixed(11, 1), states: always(["BW", "BY", "NW", "RP", "SL"]) },
  { name: "Buß- und Bettag", date: (year) => repentanceDay(year), states: always(["SN"]) },
  { name: "1. Weihnachtstag", date: fixed(12, 25), states: always("all") },
  { name: "2. Weihnachtstag", date: fixed(12, 26), states: always("all") },
];

const cache = new Map<string, readonly Holiday[]>();

/**
 * Public holidays of `year`, sorted by date. Without `state` only the nationwide
 * holidays are returned; with a state, the nationwide ones plus that state's own.
 */
export function holidaysFor(year: number, state?: GermanState): Holiday[] {
  return cachedHolidays(year, state).map((h) => ({ ...h }));
}

/** The holiday's name when `localDate` ("YYYY-MM-DD") is a public holiday, otherwise null. */
export function isHoliday(localDate: LocalDate, state?: GermanState): string | null {
  const { year } = requireLocalDate(localDate);
  return cachedHolidays(year, state).find((h) => h.date === localDate)?.name ?? null;
}

function cachedHolidays(year: number, state: GermanState | undefined): readonly Holiday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Unsupported year for the Gregorian calendar: ${year}`);
  }
  if (state !== undefined && !isGermanState(state)) {
    throw new RangeError(`Unknown German state: ${String(state)}`);
  }
  const key = `${year}:${state ?? ""}`;
  let holidays = cache.get(key);
  if (!holidays) {
    holidays = computeHolidays(year, state);
    cache.set(key, holidays);
  }
  return holidays;
}

function computeHolidays(year: number, state: GermanState | undefined): Holiday[] {
  const easter = easterSunday(year);
  return RULES.filter((rule) => {
    const states = rule.states(year);
    return states === "all" || (state !== undefined && states.includes(state));
  })
    .map((rule) => ({ date: rule.date(year, easter), name: rule.name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
