/**
 * The Kalender grid's arithmetic: rows every 15 minutes of wall-clock time, which row a time or
 * an instant falls in, and what a cell is (free, break, absence, closed, outside the working
 * hours). Wall-clock based, so a DST day has the same rows as any other day.
 */
import type { RouterOutputs } from "@/components/trpc/provider";

export type CalendarData = RouterOutputs["appointments"]["calendar"];
export type CalendarDay = CalendarData["days"][number];
export type StaffDay = CalendarData["staff"][number]["days"][number];
export type CalendarAppointment = CalendarData["appointments"][number];

export const STEP_MINUTES = 15;

/** "HH:mm" (or "24:00") → minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The start times of the grid's rows, from `hours.start` up to (not including) `hours.end`. */
export function gridRows(hours: { start: string; end: string }): string[] {
  const rows: string[] = [];
  for (let m = minutesOf(hours.start); m < minutesOf(hours.end); m += STEP_MINUTES) rows.push(timeOf(m));
  return rows;
}

/** The row (0-based) a wall-clock time falls in. */
export function rowOf(time: string, hours: { start: string }): number {
  return Math.floor((minutesOf(time) - minutesOf(hours.start)) / STEP_MINUTES);
}

/** First row and number of rows an appointment covers, clipped to the grid; null when it lies outside. */
export function rowSpan(start: string, end: string, hours: { start: string; end: string }): { row: number; span: number } | null {
  const total = gridRows(hours).length;
  const first = Math.max(0, rowOf(start, hours));
  const last = Math.min(total, Math.ceil((minutesOf(end) - minutesOf(hours.start)) / STEP_MINUTES));
  if (first >= total || last <= 0) return null;
  return { row: first, span: Math.max(1, last - first) };
}

const wallFormat = (tz: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Day (YYYY-MM-DD) and time (HH:mm) an instant shows on the wall clock of `tz`. */
export function wallClock(instant: Date | string, tz: string): { date: string; time: string } {
  const parts = Object.fromEntries(wallFormat(tz).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Where the "now" line sits on `date`'s grid, in rows (fractional); null on another day or outside the grid. */
export function nowPosition(now: Date, date: string, tz: string, hours: { start: string; end: string }): number | null {
  const wall = wallClock(now, tz);
  if (wall.date !== date) return null;
  const m = minutesOf(wall.time);
  if (m < minutesOf(hours.start) || m >= minutesOf(hours.end)) return null;
  return (m - minutesOf(hours.start)) / STEP_MINUTES;
}

export type CellKind = "free" | "break" | "absent" | "closed" | "outside";

export const CELL_WORDS: Record<CellKind, string> = {
  free: "frei",
  break: "Pause",
  absent: "abwesend",
  closed: "geschlossen",
  outside: "nicht im Dienst",
};

const overlaps = (intervals: ReadonlyArray<{ start: string; end: string }>, from: number, to: number) =>
  intervals.some((i) => minutesOf(i.start) < to && from < minutesOf(i.end));

/** What the 15 minutes from `time` are for one staff member on one day. */
export function cellKind(day: CalendarDay, staffDay: StaffDay | undefined, time: string): CellKind {
  const from = minutesOf(time);
  const to = from + STEP_MINUTES;
  if (day.closed) return "closed";
  if (staffDay && overlaps(staffDay.absences, from, to)) return "absent";
  if (overlaps(day.breaks, from, to)) return "break";
  if (staffDay?.working.some((w) => minutesOf(w.start) <= from && to <= minutesOf(w.end))) return "free";
  return "outside";
}

/** Whether an appointment of the staff member covers part of the 15 minutes from `time`. */
export function isBooked(appointments: readonly CalendarAppointment[], staffId: string | null, date: string, time: string): boolean {
  const from = minutesOf(time);
  return appointments.some((a) => a.staff_id === staffId && a.date === date && minutesOf(a.start_time) < from + STEP_MINUTES && from < minutesOf(a.end_time));
}
