/**
 * Vocabulary shared by the German date and time parsers: text normalisation,
 * number words, month and weekday names. All lookups work on normalised text
 * (lower case, umlauts spelled out: "märz" → "maerz", "dreißig" → "dreissig").
 */
import type { Weekday } from "./local-date";

/** Lower case, umlauts and ß spelled out, other accents and quoting punctuation removed. */
export function normalizeGermanText(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[,;!?"'()„“”‚‘’«»]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const UNITS: Record<string, number> = {
  ein: 1, zwei: 2, drei: 3, vier: 4, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
};
const BELOW_TWENTY: Record<string, number> = {
  null: 0, eins: 1, ein: 1, eine: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fuenf: 5, sechs: 6,
  sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwoelf: 12, dreizehn: 13, vierzehn: 14,
  fuenfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
};
const TENS: Record<string, number> = { zwanzig: 20, dreissig: 30, vierzig: 40, fuenfzig: 50 };

/** Cardinal number words 0–59 ("vierzehn", "dreissig", "fuenfundzwanzig"). */
const CARDINALS = new Map<string, number>();
for (const [word, n] of Object.entries(BELOW_TWENTY)) CARDINALS.set(word, n);
for (const [tensWord, tens] of Object.entries(TENS)) {
  CARDINALS.set(tensWord, tens);
  for (const [unitWord, unit] of Object.entries(UNITS)) CARDINALS.set(`${unitWord}und${tensWord}`, tens + unit);
}

/** Ordinal stems 1–31: "erst" → 1, "neunt" → 9, "zwanzigst" → 20, "einunddreissigst" → 31. */
const ORDINAL_STEMS = new Map<string, number>([
  ["erst", 1], ["zweit", 2], ["zwot", 2], ["dritt", 3], ["viert", 4], ["fuenft", 5], ["sechst", 6],
  ["siebt", 7], ["siebent", 7], ["acht", 8], ["neunt", 9], ["zehnt", 10], ["elft", 11], ["zwoelft", 12],
]);
for (const [word, n] of CARDINALS) {
  if (n >= 13 && n <= 19) ORDINAL_STEMS.set(`${word}t`, n);
  if (n >= 20 && n <= 31) ORDINAL_STEMS.set(`${word}st`, n);
}
const ORDINAL_ENDINGS = ["e", "er", "en", "es", "em"];
const ORDINALS = new Map<string, number>();
for (const [stem, n] of ORDINAL_STEMS) {
  for (const ending of ORDINAL_ENDINGS) ORDINALS.set(stem + ending, n);
}

const MONTHS = new Map<string, number>([
  ["januar", 1], ["jaenner", 1], ["jan", 1],
  ["februar", 2], ["feber", 2], ["feb", 2], ["febr", 2],
  ["maerz", 3], ["marz", 3], ["maer", 3], ["mrz", 3], ["mar", 3],
  ["april", 4], ["apr", 4],
  ["mai", 5],
  ["juni", 6], ["jun", 6],
  ["juli", 7], ["jul", 7],
  ["august", 8], ["aug", 8],
  ["september", 9], ["sep", 9], ["sept", 9],
  ["oktober", 10], ["okt", 10], ["oct", 10],
  ["november", 11], ["nov", 11],
  ["dezember", 12], ["dez", 12], ["dec", 12],
]);

const WEEKDAYS = new Map<string, Weekday>([
  ["sonntag", 0], ["montag", 1], ["dienstag", 2], ["mittwoch", 3],
  ["donnerstag", 4], ["freitag", 5], ["samstag", 6], ["sonnabend", 6],
]);

/**
 * A word without the full stops of an abbreviation or the end of a sentence. A loop, not
 * `/\.+$/`: that pattern backtracks quadratically on a long run of dots followed by more text.
 */
export function withoutTrailingDots(word: string): string {
  let end = word.length;
  while (end > 0 && word.charCodeAt(end - 1) === 46) end--;
  return end === word.length ? word : word.slice(0, end);
}

const bare = withoutTrailingDots;

export function cardinalWord(word: string): number | null {
  return CARDINALS.get(bare(word)) ?? null;
}

/** "neunter", "ersten", "9ten", "1ster" → day number; null otherwise. */
export function ordinalWord(word: string): number | null {
  const w = bare(word);
  const spelled = ORDINALS.get(w);
  if (spelled !== undefined) return spelled;
  const digits = /^(\d{1,2})(?:te|ter|ten|tes|tem|ste|ster|sten)$/.exec(w);
  return digits ? Number(digits[1]) : null;
}

export function monthWord(word: string): number | null {
  return MONTHS.get(bare(word)) ?? null;
}

/** "freitag", also run together with a time of day as in "freitagnachmittag". */
export function weekdayWord(word: string): Weekday | null {
  const w = bare(word);
  const exact = WEEKDAYS.get(w);
  if (exact !== undefined) return exact;
  const compound = /^([a-z]+?)(morgen|vormittag|mittag|nachmittag|abend)$/.exec(w);
  return compound ? (WEEKDAYS.get(compound[1]) ?? null) : null;
}

/** Words that carry nothing for a date or time: hesitations and fillers ("äh", "also", "bitte"). */
const FILLERS = new Set([
  "aeh", "aehm", "aehh", "oeh", "oehm", "eh", "ehm", "hm", "hmm", "mhm", "also", "ja", "jo", "bitte",
  "gern", "gerne", "halt", "mal", "so", "eben", "eigentlich", "vielleicht", "eventuell", "ne", "naja",
  "genau", "dann", "noch", "irgendwie",
]);

/**
 * Normalised tokens without fillers and without a word said twice in a row ("am am Freitag").
 * Numbers may repeat ("neunter neunter" is 9 September), so only words are merged.
 */
export function withoutNoise(tokens: readonly string[]): string[] {
  const kept: string[] = [];
  for (const token of tokens) {
    if (FILLERS.has(token)) continue;
    if (token === kept.at(-1) && !/\d/.test(token)) continue;
    kept.push(token);
  }
  return kept;
}
