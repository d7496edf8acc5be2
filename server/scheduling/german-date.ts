/**
 * Parses a date the way a caller says it in German ("übermorgen", "nächsten
 * Dienstag", "am neunten Oktober", "9.10.") into a local date "YYYY-MM-DD".
 *
 * Rules:
 * - An explicit date wins over everything else in the text ("Freitag, den 9. Oktober" → 9 October).
 * - A date without a year is the next one to come; today counts, a past date never results.
 *   An explicit year is taken as said (checking for the past is the caller's job).
 * - "am Neunten" (day only) is the next 9th of a month, today included.
 * - A weekday alone, or with "am", "diesen", "kommenden" or "nächsten", is its next
 *   occurrence strictly after today: said on a Monday, "nächsten Mittwoch" is the
 *   Wednesday two days later, and "Montag" is the Monday a week later.
 *   "übernächsten Mittwoch" is one week after that.
 * - "Mittwoch nächste Woche" / "nächste Woche Mittwoch" / "am Mittwoch nächster Woche" is the
 *   Wednesday of the next calendar week (weeks start on Monday); "diese Woche Mittwoch" is the one
 *   of the current week; "Mittwoch in zwei Wochen" the one of the week after next.
 * - "in drei Tagen", "heute in einer Woche", "morgen in zwei Wochen" count from today (or from
 *   tomorrow); "heute in acht Tagen" is the idiom for one week.
 * - Named days ("Heiligabend", "Ostermontag") are their next occurrence, today included.
 * - "gestern", "letzten Montag", "vergangene Woche" are refused as past, never moved forward.
 * - parseGermanDays also reads spans: "Anfang/Mitte/Ende nächster Woche" (Monday–Wednesday,
 *   Tuesday–Thursday, Thursday–Friday), "nächste Woche" (Monday–Sunday), "am Wochenende"
 *   (the coming Saturday and Sunday). A span never starts before today.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import {
  addDaysLocal,
  daysInMonth,
  formatLocalDate,
  isValidDateParts,
  requireLocalDate,
  weekdayOfLocalDate,
  type LocalDate,
  type Weekday,
} from "./local-date";
import { cardinalWord, monthWord, normalizeGermanText, ordinalWord, weekdayWord, withoutNoise } from "./german-words";
import { namedDay } from "./named-days";
import { instantToLocal } from "./time";

const WEEKS_AHEAD: Record<string, number> = { diese: 0, naechste: 1, kommende: 1, uebernaechste: 2 };
/** "nächste Woche", "nächster Woche", "in der nächsten Woche", "in zwei Wochen" (with a weekday). */
const WEEK_PHRASE = /(?:^|\s)(?:(diese|naechste|kommende|uebernaechste)[nrms]? woche|in (\d|einer) wochen?)(?=$|\s)/;

const NOT_UNDERSTOOD = "Das Datum habe ich nicht verstanden.";
const DOES_NOT_EXIST = "Dieses Datum gibt es nicht.";

export interface DaySpan {
  from: LocalDate;
  to: LocalDate;
}

export function parseGermanDate(text: string, now: Date, tz = "Europe/Berlin"): LocalDate {
  const { tokens, phrase, today } = prepare(text, now, tz);
  const result = singleDay(tokens, phrase, today);
  if (result === null) throw new AppError(ErrorCodes.INVALID_DATE, NOT_UNDERSTOOD);
  return result;
}

/** One day as { from: day, to: day }, or a span of days ("Anfang nächster Woche", "am Wochenende"). */
export function parseGermanDays(text: string, now: Date, tz = "Europe/Berlin"): DaySpan {
  const { tokens, phrase, today } = prepare(text, now, tz);
  const day = singleDay(tokens, phrase, today);
  if (day !== null) return { from: day, to: day };
  const span = weekSpan(phrase, today) ?? weekendSpan(phrase, today);
  if (span === null) throw new AppError(ErrorCodes.INVALID_DATE, NOT_UNDERSTOOD);
  if (span.to < today) throw new AppError(ErrorCodes.DATE_IN_PAST, "Diese Tage sind schon vorbei.");
  return { from: span.from < today ? today : span.from, to: span.to };
}

function prepare(text: string, now: Date, tz: string) {
  const tokens = toDateTokens(normalizeGermanText(text));
  return { tokens, phrase: tokens.join(" "), today: instantToLocal(now, tz).date };
}

/** "gestern", "letzten Montag", "vergangene Woche": said of the past, never read as a day to come. */
const SAID_OF_THE_PAST = /(?:^|\s)(?:vor)?gestern(?=$|\s)|(?:^|\s)(?:letzte|vergangene)[nrms]? (?:woche|[a-z]+tag|mittwoch|sonnabend)(?=$|\s)/;

function singleDay(tokens: string[], phrase: string, today: LocalDate): LocalDate | null {
  if (SAID_OF_THE_PAST.test(phrase)) throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieser Tag ist schon vorbei.");
  return (
    isoDate(phrase) ??
    numericDate(phrase, today) ??
    dayWithMonthName(phrase, today) ??
    namedDay(phrase, today) ??
    relativeDay(tokens, phrase, today) ??
    weekdayDate(tokens, phrase, today) ??
    dayOfMonthOnly(phrase, today)
  );
}

const PART_OF_WEEK: Record<string, [first: number, last: number]> = { anfang: [0, 2], mitte: [1, 3], ende: [3, 4] };

/** "Anfang nächster Woche", "Ende der Woche", "nächste Woche": days counted from that week's Monday. */
function weekSpan(phrase: string, today: LocalDate): DaySpan | null {
  const m =
    /(?:^|\s)(?:(anfang|mitte|ende) )?(?:der |in der )?(?:(diese|naechste|kommende|uebernaechste)[nrms]? )?woche(?=$|\s)/.exec(phrase);
  if (!m || (!m[1] && !m[2])) return null;
  const monday = addDaysLocal(today, -((weekdayOfLocalDate(today) + 6) % 7) + WEEKS_AHEAD[m[2] ?? "diese"] * 7);
  const [first, last] = m[1] ? PART_OF_WEEK[m[1]] : [0, 6];
  return { from: addDaysLocal(monday, first), to: addDaysLocal(monday, last) };
}

/** "am Wochenende", "nächstes Wochenende": the coming Saturday and Sunday (said on a Saturday: today and tomorrow). */
function weekendSpan(phrase: string, today: LocalDate): DaySpan | null {
  if (!/(?:^|\s)wochenende(?=$|\s)/.test(phrase)) return null;
  const saturday = addDaysLocal(today, (6 - weekdayOfLocalDate(today) + 7) % 7);
  return { from: saturday, to: addDaysLocal(saturday, 1) };
}

/**
 * Rewrites number and month words to a compact form the patterns below match:
 * ordinals become "9.", month names "#10", cardinals "9".
 */
function toDateTokens(normalized: string): string[] {
  return withoutNoise(normalized.split(" ").filter((token) => token.length > 0))
    .map((token) => {
      const ordinal = ordinalWord(token);
      if (ordinal !== null) return `${ordinal}.`;
      const month = monthWord(token);
      if (month !== null) return `#${month}`;
      const cardinal = cardinalWord(token);
      if (cardinal !== null) return String(cardinal);
      return token;
    });
}

/** "2026-10-09" */
function isoDate(phrase: string): LocalDate | null {
  const m = /(?:^|\s)(\d{4})-(\d{1,2})-(\d{1,2})(?=$|\s)/.exec(phrase);
  return m ? dateWithYear(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** "9.10.", "09.10.26", "9.10.2026", "9. 10." (also spoken "neunten zehnten"), or just "9.10". */
function numericDate(phrase: string, today: LocalDate): LocalDate | null {
  const m =
    /(?:^|\s)(\d{1,2})\.\s?(\d{1,2})\.(?:(\d{4}|\d{2})|\s(\d{4}))?(?=$|\s)/.exec(phrase) ??
    /^(\d{1,2})\.(\d{1,2})()()$/.exec(phrase);
  if (!m) return null;
  const [day, month] = [Number(m[1]), Number(m[2])];
  // "14.30." is a time, not a date; leave it to the other readings.
  if (month < 1 || month > 12) return null;
  const year = m[3] || m[4];
  return year ? dateWithYear(expandYear(year), month, day) : nextDayOfYear(month, day, today);
}

/** "9. Oktober", "9 Okt.", "neunter Oktober 2026" */
function dayWithMonthName(phrase: string, today: LocalDate): LocalDate | null {
  const m = /(?:^|\s)(\d{1,2})\.?\s#(\d{1,2})(?:\s(\d{4}))?(?=$|\s)/.exec(phrase);
  if (!m) return null;
  const [day, month] = [Number(m[1]), Number(m[2])];
  return m[3] ? dateWithYear(Number(m[3]), month, day) : nextDayOfYear(month, day, today);
}

/** "heute", "morgen", "übermorgen", "in 3 Tagen", "in einer Woche", "heute in zwei Wochen" */
function relativeDay(tokens: string[], phrase: string, today: LocalDate): LocalDate | null {
  const base = startDay(tokens);
  const m = /(?:^|\s)in (\d{1,3}|einer|einem) (tag|tagen|woche|wochen)(?=$|\s)/.exec(phrase);
  if (!m) return base === null ? null : addDaysLocal(today, base);
  // "Dienstag in zwei Wochen" names a weekday of that week: read by weekdayDate.
  if (base === null && tokens.some((t) => weekdayWord(t) !== null)) return null;
  const count = m[1] === "einer" || m[1] === "einem" ? 1 : Number(m[1]);
  const inWeeks = m[2].startsWith("woche");
  // "heute in acht Tagen" is the idiom for "in a week": the same weekday.
  const days = inWeeks ? count * 7 : base !== null && count === 8 ? 7 : count;
  return addDaysLocal(today, (base ?? 0) + days);
}

/** Days after today that "heute", "morgen" or "übermorgen" name; null when none is said. */
function startDay(tokens: string[]): number | null {
  if (tokens.includes("heute")) return 0; // also "heute morgen" (this morning)
  if (tokens.includes("uebermorgen")) return 2;
  if (tokens.some((t, i) => t === "morgen" && !isMorningGreetingOrTimeOfDay(tokens[i - 1]))) return 1;
  return null;
}

/** "Guten Morgen" and "Freitag morgen" (Friday morning) do not mean tomorrow. */
function isMorningGreetingOrTimeOfDay(previous: string | undefined): boolean {
  return previous !== undefined && (previous === "guten" || weekdayWord(previous) !== null);
}

function weekdayDate(tokens: string[], phrase: string, today: LocalDate): LocalDate | null {
  const target = tokens.map(weekdayWord).find((w): w is Weekday => w !== null);
  if (target === undefined) return null;

  const todayWeekday = weekdayOfLocalDate(today);
  const mondayThisWeek = addDaysLocal(today, -((todayWeekday + 6) % 7));
  const offsetFromMonday = (target + 6) % 7;

  const weekMatch = WEEK_PHRASE.exec(phrase);
  if (weekMatch) {
    const weeksAhead = weekMatch[1] ? WEEKS_AHEAD[weekMatch[1]] : weekMatch[2] === "einer" ? 1 : Number(weekMatch[2]);
    const date = addDaysLocal(mondayThisWeek, weeksAhead * 7 + offsetFromMonday);
    if (date < today) throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieser Tag ist schon vorbei.");
    return date;
  }

  const daysAhead = (target - todayWeekday + 7) % 7 || 7;
  const weekAfter = tokens.some((t) => /^uebernaechste[nrms]?$/.test(t));
  return addDaysLocal(today, daysAhead + (weekAfter ? 7 : 0));
}

/** "am Neunten", "den 9." */
function dayOfMonthOnly(phrase: string, today: LocalDate): LocalDate | null {
  const m = /(?:^|\s)(?:am|den|dem|der|zum) (\d{1,2})\.(?=$|\s)/.exec(phrase) ?? /^(\d{1,2})\.$/.exec(phrase);
  if (!m) return null;
  const day = Number(m[1]);
  if (day < 1 || day > 31) throw new AppError(ErrorCodes.INVALID_DATE, DOES_NOT_EXIST);
  let { year, month } = requireLocalDate(today);
  // Within a year every day number up to 31 recurs; skip months that are too short.
  for (let i = 0; i < 12; i++) {
    const candidate = formatLocalDate({ year, month, day });
    if (day <= daysInMonth(year, month) && candidate >= today) return candidate;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  throw new AppError(ErrorCodes.INVALID_DATE, DOES_NOT_EXIST);
}

function dateWithYear(year: number, month: number, day: number): LocalDate {
  if (!isValidDateParts(year, month, day)) throw new AppError(ErrorCodes.INVALID_DATE, DOES_NOT_EXIST);
  return formatLocalDate({ year, month, day });
}

/** Next `day`.`month` on or after today; 29 February waits for the next leap year. */
function nextDayOfYear(month: number, day: number, today: LocalDate): LocalDate {
  const { year } = requireLocalDate(today);
  for (let candidateYear = year; candidateYear <= year + 8; candidateYear++) {
    if (!isValidDateParts(candidateYear, month, day)) continue;
    const candidate = formatLocalDate({ year: candidateYear, month, day });
    if (candidate >= today) return candidate;
  }
  throw new AppError(ErrorCodes.INVALID_DATE, DOES_NOT_EXIST);
}

function expandYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}
