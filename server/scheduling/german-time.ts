/**
 * Parses a time of day the way a caller says it in German ("14 Uhr 30",
 * "halb drei", "viertel vor drei", "zehn nach drei nachmittags") into "HH:mm".
 *
 * Hours 1–12 without "morgens"/"nachmittags"/… are ambiguous ("um drei" is
 * 03:00 or 15:00). With `preferHours`, the afternoon reading is taken when the
 * predicate accepts it and rejects the morning reading; otherwise the morning
 * reading. Without `preferHours`, 1–7 become 13–19 and 8–12 stay.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { formatLocalTime, type LocalTime } from "./local-date";
import { cardinalWord, normalizeGermanText, withoutNoise, withoutTrailingDots } from "./german-words";

export interface ParseGermanTimeOptions {
  /** Whether a reading "HH:mm" is plausible, e.g. inside the branch's opening hours that day. */
  preferHours?: (hhmm: LocalTime) => boolean;
}

type DayPart = "morning" | "noon" | "afternoon" | "night";

interface SpokenTime {
  hour: number;
  minute: number;
  /** The hour was named on the 12-hour clock ("drei", "halb drei") and may need a day part. */
  twelveHour: boolean;
}

const NOT_UNDERSTOOD = "Die Uhrzeit habe ich nicht verstanden.";

export function parseGermanTime(text: string, opts: ParseGermanTimeOptions = {}): LocalTime {
  const { spoken, phrase } = readSpokenTime(text);
  return formatLocalTime(resolveHour(spoken, dayPartOf(phrase), opts.preferHours) * 60 + spoken.minute);
}

/**
 * Every time of day the words can mean, earliest first: one reading when the hour or the
 * day part settles it ("14 Uhr", "halb drei nachmittags"), otherwise the morning and the
 * afternoon reading ("halb drei" → 02:30 and 14:30). Which one a business means is for the
 * caller to decide with its opening hours.
 */
export function germanTimeReadings(text: string): LocalTime[] {
  const { spoken, phrase } = readSpokenTime(text);
  const dayPart = dayPartOf(phrase);
  if (spoken.twelveHour && dayPart === null && spoken.hour !== 12) {
    return [spoken.hour, spoken.hour + 12].map((h) => formatLocalTime(h * 60 + spoken.minute));
  }
  return [formatLocalTime(resolveHour(spoken, dayPart) * 60 + spoken.minute)];
}

function readSpokenTime(text: string): { spoken: SpokenTime; phrase: string } {
  const phrase = toTimeTokens(normalizeGermanText(text)).join(" ");
  const spoken = readClock(phrase) ?? readDayPartAlone(phrase);
  if (!spoken) throw new AppError(ErrorCodes.INVALID_DATE, NOT_UNDERSTOOD);
  return { spoken, phrase };
}

/** Number words become digits ("vierzehn uhr dreissig" → "14 uhr 30"); "14uhr" is split. */
function toTimeTokens(normalized: string): string[] {
  const split = normalized.replace(/(\d)uhr(\d{2})?(?=$|\s)/g, (_, hour: string, minute?: string) => `${hour} uhr${minute ? ` ${minute}` : ""}`);
  return withoutNoise(split.split(" ").filter((token) => token.length > 0))
    .map((token) => {
      const cardinal = cardinalWord(token);
      if (cardinal !== null) return String(cardinal);
      // Drop a sentence's full stop, but keep "9.10." intact: it is a date, not 9:10.
      return /^\d{1,2}\.\d{2}\.$/.test(token) ? token : withoutTrailingDots(token);
    });
}

const TIME_PATTERNS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray) => SpokenTime | null }> = [
  // "14:30 uhr", "14.30 uhr"
  { re: /(?:^|\s)(\d{1,2})[:.](\d{2}) uhr(?=$|\s)/, read: (m) => absolute(m[1], m[2]) },
  // "14 uhr 30", "vierzehn uhr dreissig"
  { re: /(?:^|\s)(?<!(?:halb|vor|nach|viertel) )(\d{1,2}) uhr (\d{1,2})(?=$|\s)/, read: (m) => absolute(m[1], m[2]) },
  // "14 uhr", "neun uhr" (but "viertel vor 15 uhr" is read below)
  { re: /(?:^|\s)(?<!(?:halb|vor|nach|viertel) )(\d{1,2}) uhr(?=$|\s)/, read: (m) => absolute(m[1], "0") },
  // "14:30", "14.30"
  { re: /(?:^|\s)(\d{1,2})[:.](\d{2})(?=$|\s)/, read: (m) => absolute(m[1], m[2]) },
  // "fuenf nach halb drei" (2:35), "fuenf vor halb drei" (2:25)
  {
    re: /(?:^|\s)(\d{1,2}) (?:minuten )?(nach|vor) halb (\d{1,2})(?=$|\s)/,
    read: (m) => beforeHour(m[3], m[2] === "nach" ? 30 - Number(m[1]) : 30 + Number(m[1])),
  },
  // "halb drei" (2:30)
  { re: /(?:^|\s)halb (\d{1,2})(?=$|\s)/, read: (m) => beforeHour(m[1], 30) },
  // "viertel nach zwei" (2:15)
  { re: /(?:^|\s)viertel nach (\d{1,2})(?=$|\s)/, read: (m) => afterHour(m[1], 15) },
  // "viertel vor drei", "dreiviertel drei", "drei viertel drei" (2:45)
  { re: /(?:^|\s)(?:viertel vor|dreiviertel|3 viertel) (\d{1,2})(?=$|\s)/, read: (m) => beforeHour(m[1], 15) },
  // "viertel drei" (2:15, as said in eastern and southern Germany)
  { re: /(?:^|\s)viertel (\d{1,2})(?=$|\s)/, read: (m) => beforeHour(m[1], 45) },
  // "zehn nach drei"
  { re: /(?:^|\s)(\d{1,2}) (?:minuten )?nach (\d{1,2})(?=$|\s)/, read: (m) => afterHour(m[2], Number(m[1])) },
  // "zwanzig vor vier"
  { re: /(?:^|\s)(\d{1,2}) (?:minuten )?vor (\d{1,2})(?=$|\s)/, read: (m) => beforeHour(m[2], Number(m[1])) },
  // "um drei", "gegen vierzehn dreissig"
  { re: /(?:^|\s)(?:um|gegen|ab) (\d{1,2})(?: (\d{2}))?(?=$|\s)/, read: (m) => absolute(m[1], m[2] ?? "0") },
  // A bare "14" or "vierzehn dreissig", optionally with a day part ("drei nachmittags")
  {
    re: /^(\d{1,2})(?: (\d{2}))?(?: (?:morgens|frueh|vormittags?|mittags?|nachmittags?|abends?|nachts))?$/,
    read: (m) => absolute(m[1], m[2] ?? "0"),
  },
];

function readClock(phrase: string): SpokenTime | null {
  for (const { re, read } of TIME_PATTERNS) {
    const m = re.exec(phrase);
    if (m) return validated(read(m));
  }
  return null;
}

/** "mittags" alone is noon; "mitternacht" is midnight. */
function readDayPartAlone(phrase: string): SpokenTime | null {
  if (/^(?:um |gegen )?mittags?$/.test(phrase)) return { hour: 12, minute: 0, twelveHour: false };
  if (/^(?:um |gegen )?mitternacht$/.test(phrase)) return { hour: 0, minute: 0, twelveHour: false };
  return null;
}

function dayPartOf(phrase: string): DayPart | null {
  if (/(?:morgens|frueh|vormittags?)(?=$|\s)|(?:^|\s)(?:heute |am |\S*tag ?)morgen(?=$|\s)/.test(phrase)) {
    return "morning";
  }
  if (/(?:nachmittags?|abends?)(?=$|\s)/.test(phrase)) return "afternoon";
  if (/mittags?(?=$|\s)/.test(phrase)) return "noon";
  if (/nachts?(?=$|\s)/.test(phrase)) return "night";
  return null;
}

/** "14:30", "um drei": the hour as said. */
function absolute(hour: string, minute: string): SpokenTime {
  const h = Number(hour);
  return { hour: h, minute: Number(minute), twelveHour: h >= 1 && h <= 12 };
}

/** "zehn nach drei": `minutes` after the named hour. */
function afterHour(namedHour: string, minutes: number): SpokenTime {
  return absolute(namedHour, String(minutes));
}

/** "halb drei", "viertel vor drei": `minutes` before the named hour; "halb eins" is 12:30. */
function beforeHour(namedHour: string, minutes: number): SpokenTime | null {
  const named = Number(namedHour);
  if (named < 1 || named > 24 || minutes < 1 || minutes > 59) return null;
  const hour = named - 1 === 0 ? 12 : named - 1;
  return { hour, minute: 60 - minutes, twelveHour: named <= 12 };
}

function validated(time: SpokenTime | null): SpokenTime {
  if (!time || time.hour > 23 || time.minute > 59 || time.hour < 0 || time.minute < 0) {
    throw new AppError(ErrorCodes.INVALID_DATE, NOT_UNDERSTOOD);
  }
  return time;
}

/** The 24-hour hour for a spoken time, using the day part or the preference for ambiguous hours. */
function resolveHour(time: SpokenTime, dayPart: DayPart | null, preferHours?: (hhmm: LocalTime) => boolean): number {
  const { hour, minute } = time;
  if (!time.twelveHour) return hour;
  switch (dayPart) {
    case "morning":
      return hour;
    case "noon":
      return hour <= 5 ? hour + 12 : hour;
    case "afternoon":
      return hour === 12 ? 12 : hour + 12;
    case "night":
      if (hour === 12) return 0;
      return hour >= 6 ? hour + 12 : hour;
  }
  if (hour === 12) return 12;
  const afternoon = hour + 12;
  if (preferHours) {
    const accepts = (h: number) => preferHours(formatLocalTime(h * 60 + minute));
    return !accepts(hour) && accepts(afternoon) ? afternoon : hour;
  }
  return hour <= 7 ? afternoon : hour;
}
