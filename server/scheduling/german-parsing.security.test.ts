/**
 * The German date and time parsers stay linear on hostile input: a long run of dots followed
 * by more text once took about 20 s for 80,000 characters (backtracking in `/\.+$/`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isAppError, type ErrorCode } from "@/server/core/errors";
import { parseGermanDate, parseGermanTime } from "./german-datetime";

const NOW = new Date("2026-03-11T09:00:00.000Z");
/** Generous for a loaded machine; the quadratic parser needed seconds at these lengths. */
const BUDGET_MS = 1000;

/** How long a parse took, and whether it ended in one of the answers the parser may give. */
function timed(parse: () => unknown, answers: Answers): { ms: number; fair: boolean } {
  const started = performance.now();
  let fair: boolean;
  try {
    fair = answers.result.test(String(parse()));
  } catch (error) {
    fair = isAppError(error) && answers.errors.includes(error.code);
  }
  return { ms: performance.now() - started, fair };
}

interface Answers {
  /** The shape of a result. */
  result: RegExp;
  /** The error codes a parser may refuse text with. */
  errors: ErrorCode[];
}

const parsers: Array<[string, (text: string) => unknown, Answers]> = [
  [
    "parseGermanDate",
    (text) => parseGermanDate(text, NOW),
    { result: /^\d{4}-\d{2}-\d{2}$/, errors: [ErrorCodes.INVALID_DATE, ErrorCodes.DATE_IN_PAST] },
  ],
  ["parseGermanTime", (text) => parseGermanTime(text), { result: /^(?:[01]\d|2[0-3]):[0-5]\d$/, errors: [ErrorCodes.INVALID_DATE] }],
];

/** Random text, and runs of one troublesome character (dots, digits, spaces) inside random text. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 100_000 }),
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(".", "9.", " .", ":", "1", " ", "uhr "),
      fc.integer({ min: 1_000, max: 40_000 }),
      fc.string({ minLength: 1, maxLength: 20 }),
    )
    .map(([head, piece, count, tail]) => (head + piece.repeat(count) + tail).slice(0, 100_000)),
);

/** Phrases put together from the parsers' own words, so that many of them parse. */
const wordSoup = fc
  .array(
    fc.constantFrom(
      "am", "um", "gegen", "ab", "den", "in", "halb", "viertel", "vor", "nach", "Uhr", "uhr", "Minuten", "null",
      "eins", "drei", "sieben", "zwölf", "vierundzwanzig", "neunundfünfzig", "sechzig", "0", "9", "14", "24", "30",
      "99", "9.10.", "31.", "14:30", "23.59", "8uhr30", "heute", "morgen", "übermorgen", "gestern", "Freitag",
      "nächste", "Woche", "Tagen", "Oktober", "neunten", "morgens", "mittags", "abends", "nachts", "Mitternacht",
      "...", "2027",
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((words) => words.join(" "));

describe("German parsers: only a result or a known refusal", () => {
  for (const [name, parse, answers] of parsers) {
    it(`${name}: phrases made of its own words`, () => {
      fc.assert(
        fc.property(wordSoup, (text) => timed(() => parse(text), answers).fair),
        { numRuns: 2000 },
      );
    });
  }
});

describe("German parsers: time budget on hostile input", () => {
  for (const [name, parse, answers] of parsers) {
    it(`${name}: 80,000 dots followed by a letter`, () => {
      const { ms, fair } = timed(() => parse(`9${".".repeat(80_000)}x`), answers);
      expect(ms).toBeLessThan(BUDGET_MS);
      expect(fair).toBe(true);
    });

    it(`${name}: any text up to 100,000 characters, answered with a result or a known refusal`, () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          const { ms, fair } = timed(() => parse(text), answers);
          return ms < BUDGET_MS && fair;
        }),
        { numRuns: 40, endOnFailure: true },
      );
    });
  }
});
