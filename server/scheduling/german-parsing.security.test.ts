/**
 * The German date and time parsers stay linear on hostile input: a long run of dots followed
 * by more text once took about 20 s for 80,000 characters (backtracking in `/\.+$/`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGermanDate, parseGermanTime } from "./german-datetime";

const NOW = new Date("2026-03-11T09:00:00.000Z");
/** Generous for a loaded machine; the quadratic parser needed seconds at these lengths. */
const BUDGET_MS = 1000;

function elapsedMs(parse: () => unknown): number {
  const started = performance.now();
  try {
    parse();
  } catch {
    // Not understood is a fine answer; only the time counts here.
  }
  return performance.now() - started;
}

const parsers: Array<[string, (text: string) => unknown]> = [
  ["parseGermanDate", (text) => parseGermanDate(text, NOW)],
  ["parseGermanTime", (text) => parseGermanTime(text)],
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

describe("German parsers: time budget on hostile input", () => {
  for (const [name, parse] of parsers) {
    it(`${name}: 80,000 dots followed by a letter`, () => {
      expect(elapsedMs(() => parse(`9${".".repeat(80_000)}x`))).toBeLessThan(BUDGET_MS);
    });

    it(`${name}: any text up to 100,000 characters`, () => {
      fc.assert(
        fc.property(hostileText, (text) => elapsedMs(() => parse(text)) < BUDGET_MS),
        { numRuns: 40, endOnFailure: true },
      );
    });
  }
});
