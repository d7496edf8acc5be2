/**
 * Runs the phrase corpus (corpus/german-phrases.json): German dates and times as callers say
 * them, each with the reference clock it was said at and the result a person would mean.
 */
import { describe, expect, it } from "vitest";
import { ErrorCodes, isAppError } from "@/server/core/errors";
import corpus from "./corpus/german-phrases.json";
import { parseGermanDate, parseGermanDays, germanTimeReadings } from "./german-datetime";
import { instantToLocal } from "./time";

interface CorpusCase {
  cat: string;
  ref: string | null;
  say: string;
  date?: string;
  range?: [string, string];
  times?: string[];
  /** Not understood: asked back (INVALID_DATE). */
  notUnderstood?: boolean;
  timeNotUnderstood?: boolean;
  /** Said of the past ("gestern", "letzten Freitag"): refused (DATE_IN_PAST), never moved forward. */
  past?: boolean;
}

const references = corpus.references as Record<string, { now: string; date: string; note: string }>;
const cases = corpus.cases as CorpusCase[];
const CATEGORIES = [
  "relativ", "wochentag", "bereich", "datum", "feiertag", "uhrzeit", "halb-viertel",
  "tageszeit", "regional", "fuellwoerter", "transkription", "kombiniert", "rueckfrage",
];

function nowOf(c: CorpusCase): Date {
  if (c.ref === null) throw new Error(`"${c.say}" needs a reference clock`);
  return new Date(references[c.ref].now);
}

function failure(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("German phrase corpus", () => {
  it("holds at least 200 phrases, every category and every reference clock", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.cat))).toEqual(new Set(CATEGORIES));
    const used = new Set(cases.map((c) => c.ref).filter((r) => r !== null));
    expect(used).toEqual(new Set(Object.keys(references)));
  });

  it("states each reference clock's local date correctly", () => {
    for (const [name, ref] of Object.entries(references)) {
      expect(instantToLocal(new Date(ref.now), corpus.zone).date, name).toBe(ref.date);
    }
  });

  describe.each(CATEGORIES)("%s", (cat) => {
    const inCategory = cases.filter((c) => c.cat === cat);
    it.each(inCategory.map((c) => [`"${c.say}"${c.ref ? ` (${c.ref})` : ""}`, c] as const))("%s", (_name, c) => {
      if (c.notUnderstood) {
        const error = failure(() => parseGermanDays(c.say, nowOf(c), corpus.zone));
        expect(isAppError(error) && error.code).toBe(ErrorCodes.INVALID_DATE);
        return;
      }
      if (c.past) {
        const error = failure(() => parseGermanDays(c.say, nowOf(c), corpus.zone));
        expect(isAppError(error) && error.code).toBe(ErrorCodes.DATE_IN_PAST);
        return;
      }
      if (c.timeNotUnderstood) {
        const error = failure(() => germanTimeReadings(c.say));
        expect(isAppError(error) && error.code).toBe(ErrorCodes.INVALID_DATE);
        return;
      }
      if (c.date !== undefined) {
        expect(parseGermanDays(c.say, nowOf(c), corpus.zone)).toEqual({ from: c.date, to: c.date });
        expect(parseGermanDate(c.say, nowOf(c), corpus.zone)).toBe(c.date);
        expect(c.date >= references[c.ref!].date, "a phrase never means a day in the past").toBe(true);
      }
      if (c.range !== undefined) {
        expect(parseGermanDays(c.say, nowOf(c), corpus.zone)).toEqual({ from: c.range[0], to: c.range[1] });
        expect(c.range[0] >= references[c.ref!].date).toBe(true);
      }
      if (c.times !== undefined) expect(germanTimeReadings(c.say)).toEqual(c.times);
    });
  });
});
