/**
 * Weekly hours as the write methods accept them: branch opening hours and breaks
 * (branch.create/update) and staff working hours (staff.create/update). Stored in the shape
 * server/calendar/schedules.ts reads. Messages are German and point at the field
 * ("weekly.6.0.close"), so the dashboard's hours editor marks the exact input.
 */
import { z } from "zod";
import { parseLocalTime } from "@/server/scheduling/local-date";

export const WEEKDAYS = ["0", "1", "2", "3", "4", "5", "6"] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];

/** At most this many ranges per weekday (e.g. split shifts, two breaks). */
const MAX_RANGES_PER_DAY = 6;

export const timeOfDay = z
  .string()
  .refine((v) => parseLocalTime(v) !== null && /^\d{2}:\d{2}$/.test(v), "Bitte eine Uhrzeit im Format HH:mm angeben.");

const openingRange = z.object({ open: timeOfDay, close: timeOfDay });
const timeRange = z.object({ start: timeOfDay, end: timeOfDay });
export type OpeningRange = z.output<typeof openingRange>;
export type TimeRange = z.output<typeof timeRange>;

type Keys = { from: string; to: string };

/** The ranges of one day in minutes; null where a time is malformed (already reported). */
function minutesOf<R extends Record<string, string>>(ranges: readonly R[], keys: Keys): Array<[number, number] | null> {
  return ranges.map((r) => {
    const from = parseLocalTime(r[keys.from] ?? "");
    const to = parseLocalTime(r[keys.to] ?? "");
    return from === null || to === null ? null : [from, to];
  });
}

/** Each range ends after it starts, and no two ranges of the day overlap. */
function checkDay<R extends Record<string, string>>(ranges: readonly R[], keys: Keys, ctx: z.core.$RefinementCtx) {
  const spans = minutesOf(ranges, keys);
  spans.forEach((span, i) => {
    if (span && span[1] <= span[0]) {
      ctx.addIssue({ code: "custom", path: [i, keys.to], message: "Das Ende muss nach dem Beginn liegen.", input: ranges[i] });
    }
  });
  const valid = spans
    .map((span, i) => ({ span, i }))
    .filter((x): x is { span: [number, number]; i: number } => x.span !== null && x.span[1] > x.span[0])
    .sort((a, b) => a.span[0] - b.span[0]);
  for (let k = 1; k < valid.length; k++) {
    const prev = valid[k - 1]!;
    const cur = valid[k]!;
    if (cur.span[0] < prev.span[1]) {
      const other = ranges[prev.i]!;
      ctx.addIssue({
        code: "custom",
        path: [cur.i, keys.from],
        message: `Überschneidet sich mit ${other[keys.from]}–${other[keys.to]} Uhr.`,
        input: ranges[cur.i],
      });
    }
  }
}

function weekly<R extends Record<string, string>>(range: z.ZodType<R>, keys: Keys) {
  const day = z
    .array(range)
    .max(MAX_RANGES_PER_DAY, `Höchstens ${MAX_RANGES_PER_DAY} Zeiträume pro Tag.`)
    .superRefine((ranges, ctx) => checkDay(ranges, keys, ctx));
  const shape = Object.fromEntries(WEEKDAYS.map((d) => [d, day.optional()])) as Record<WeekdayKey, z.ZodOptional<typeof day>>;
  // Closed days are stored as absent, so "closed" has one representation.
  return z
    .strictObject(shape)
    .transform((week) => Object.fromEntries(Object.entries(week).filter(([, ranges]) => ranges && ranges.length > 0)) as Partial<Record<WeekdayKey, R[]>>);
}

/** The opening ranges of one day (a special opening day): each ends after it starts, none overlap. */
export const dayOpeningInput = z
  .array(openingRange)
  .max(MAX_RANGES_PER_DAY, `Höchstens ${MAX_RANGES_PER_DAY} Zeiträume pro Tag.`)
  .superRefine((ranges, ctx) => checkDay(ranges, { from: "open", to: "close" }, ctx));

/** Staff working hours: { "1": [{ start: "09:00", end: "17:00" }] } (0 = Sunday). */
export const workingHoursInput = weekly(timeRange, { from: "start", to: "end" });

/** Branch opening hours and breaks; every break lies within an opening range of its day. */
export const businessHoursInput = z
  .object({
    weekly: weekly(openingRange, { from: "open", to: "close" }).default({}),
    breaks: weekly(timeRange, { from: "start", to: "end" }).default({}),
  })
  .superRefine((hours, ctx) => {
    for (const day of WEEKDAYS) {
      const openings = minutesOf(hours.weekly[day] ?? [], { from: "open", to: "close" });
      // A day whose opening hours are themselves wrong is already reported there.
      if (openings.some((o) => o === null || o[1] <= o[0])) continue;
      const breaks = hours.breaks[day] ?? [];
      minutesOf(breaks, { from: "start", to: "end" }).forEach((span, i) => {
        if (!span) return;
        const inside = openings.some((o) => o !== null && span[0] >= o[0] && span[1] <= o[1]);
        if (!inside) {
          const message = openings.length === 0 ? "An diesem Tag ist geschlossen; bitte die Pause entfernen." : "Die Pause liegt außerhalb der Öffnungszeiten.";
          ctx.addIssue({ code: "custom", path: ["breaks", day, i, "start"], message, input: breaks[i] });
        }
      });
    }
  });
export type BusinessHoursInput = z.output<typeof businessHoursInput>;
