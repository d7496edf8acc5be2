/**
 * For random clocks and opening hours, every date and time phrase of the corpus is read as a
 * moment that is never in the past and never outside the opening hours without saying so.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError, ErrorCodes } from "@/server/core/errors";
import { isWithinOpeningHours } from "@/server/services/knowledge/opening-hours";
import corpus from "@/server/scheduling/corpus/german-phrases.json";
import { isHoliday } from "@/server/scheduling/holidays";
import { formatLocalTime, weekdayOfLocalDate, type Weekday } from "@/server/scheduling/local-date";
import type { BusinessHours } from "@/server/scheduling/slot-types";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import type { FunctionContext } from "./function-context";
import { readDays, readTimeOn } from "./spoken-moment";

const TZ = "Europe/Berlin";
const cases = corpus.cases as Array<{ cat: string; say: string; date?: string; range?: string[]; times?: string[] }>;
const dayPhrases = [...new Set(cases.filter((c) => c.date !== undefined || c.range !== undefined).map((c) => c.say))];
const timePhrases = [...new Set(cases.filter((c) => c.times !== undefined).map((c) => c.say))];

/**
 * Per weekday closed, or open for 4–14 hours from between 06:00 and 12:00; open on at least one
 * day (a branch without any hours leaves every time to its calendar).
 */
const openingHours: fc.Arbitrary<BusinessHours> = fc
  .array(fc.option(fc.record({ open: fc.integer({ min: 6, max: 12 }), length: fc.integer({ min: 4, max: 14 }) }), { nil: null }), {
    minLength: 7,
    maxLength: 7,
  })
  .filter((days) => days.some((d) => d !== null))
  .map((days) => ({
    weekly: Object.fromEntries(
      days.flatMap((d, weekday) =>
        d ? [[weekday, [{ open: formatLocalTime(d.open * 60), close: formatLocalTime(Math.min(d.open + d.length, 23) * 60 + 59) }]]] : [],
      ),
    ),
    breaks: {},
  }));

/** 2026 to 2030, so year ends, DST changes and Sundays all come up. */
const clock = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2030-12-31T23:59:59Z"), noInvalidDate: true });

function context(now: Date, businessHours: BusinessHours): FunctionContext {
  // The reading needs no database: only the branch's hours, zone and state.
  return { ctx: undefined as never, callId: "property", branch: { id: "b", name: "Filiale", timeZone: TZ, state: "BE", businessHours }, now };
}

function isOpen(hours: BusinessHours, date: string, time: string): boolean {
  return !isHoliday(date, "BE") && isWithinOpeningHours(hours, weekdayOfLocalDate(date) as Weekday, time);
}

/** Runs `read`; an error must be one the agent says (in the past, not understood). */
function saidOrRead<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    expect(isAppError(error) && ([ErrorCodes.DATE_IN_PAST, ErrorCodes.INVALID_DATE] as number[]).includes(error.code)).toBe(true);
    return null;
  }
}

describe("reading a caller's day and time (property)", () => {
  it("never gives a day in the past", () => {
    fc.assert(
      fc.property(clock, openingHours, (now, hours) => {
        const fctx = context(now, hours);
        const today = instantToLocal(now, TZ).date;
        for (const phrase of dayPhrases) {
          const span = saidOrRead(() => readDays(fctx, phrase));
          if (span) expect(span.from >= today && span.to >= span.from, `${phrase} at ${now.toISOString()}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("never gives a time in the past or outside the opening hours without saying so", () => {
    fc.assert(
      fc.property(clock, openingHours, fc.constantFrom(...dayPhrases), (now, hours, dayPhrase) => {
        const fctx = context(now, hours);
        const span = saidOrRead(() => readDays(fctx, dayPhrase));
        if (!span) return;
        for (const phrase of timePhrases) {
          const reading = saidOrRead(() => readTimeOn(fctx, span.from, phrase));
          if (!reading) continue;
          const times = reading.kind === "ask" ? reading.readings : [reading.time];
          for (const time of times) {
            const where = `${dayPhrase} / ${phrase} → ${span.from} ${time} at ${now.toISOString()}`;
            expect(zonedDateTimeToInstant(span.from, time, TZ).getTime() > now.getTime(), where).toBe(true);
            // "closed" is the answer that says so; every other answer is inside the hours.
            if (reading.kind !== "closed") expect(isOpen(hours, span.from, time), where).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
