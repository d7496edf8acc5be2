/**
 * When reminders go out (pure): one per offset before the start, none that would be due already
 * (booked inside the lead time), and SMS never inside the company's quiet hours.
 *
 * An SMS reminder that falls into the quiet hours moves to their end (08:00 with the defaults).
 * When that end is too close to the appointment (less than REMINDER_MIN_BEFORE_START before it,
 * e.g. an appointment at 08:00), it moves to the last minute before the quiet hours begin instead
 * (20:59 the evening before). Two offsets that end up at the same moment give one reminder.
 */
import { addDaysLocal, instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";

/** A reminder due sooner than this after the booking is skipped: the customer has just booked. */
export const REMINDER_MIN_LEAD_MS = 5 * 60_000;
/** A reminder moved behind the quiet hours must still come at least this long before the start. */
export const REMINDER_MIN_BEFORE_START_MS = 30 * 60_000;

export interface QuietHours {
  /** "HH:mm" in the company's time zone; equal values mean no quiet hours. */
  from: string;
  until: string;
}

export interface PlannedReminder {
  offsetMinutes: number;
  runAt: Date;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** Whether `instant` lies inside the quiet hours [from, until) as seen in `tz` (they may wrap midnight). */
export function inQuietHours(instant: Date, quiet: QuietHours, tz: string): boolean {
  const from = minutesOf(quiet.from);
  const until = minutesOf(quiet.until);
  if (from === until) return false;
  const now = minutesOf(instantToLocal(instant, tz).time);
  return from < until ? now >= from && now < until : now >= from || now < until;
}

/** The end of the quiet period `instant` lies in (call only inside quiet hours). */
export function quietPeriodEnd(instant: Date, quiet: QuietHours, tz: string): Date {
  const local = instantToLocal(instant, tz);
  const sameDay = minutesOf(local.time) < minutesOf(quiet.until);
  return zonedDateTimeToInstant(sameDay ? local.date : addDaysLocal(local.date, 1), quiet.until, tz);
}

/** The beginning of the quiet period `instant` lies in (call only inside quiet hours). */
export function quietPeriodStart(instant: Date, quiet: QuietHours, tz: string): Date {
  const local = instantToLocal(instant, tz);
  const sameDay = minutesOf(local.time) >= minutesOf(quiet.from);
  return zonedDateTimeToInstant(sameDay ? local.date : addDaysLocal(local.date, -1), quiet.from, tz);
}

/**
 * Where an SMS due at `runAt` may go out: `runAt` itself outside the quiet hours, else the end of
 * the quiet period, or the minute before it began when the end is too close to `startsAt`.
 */
export function outsideQuietHours(runAt: Date, startsAt: Date, quiet: QuietHours, tz: string): Date {
  if (!inQuietHours(runAt, quiet, tz)) return runAt;
  const end = quietPeriodEnd(runAt, quiet, tz);
  if (end.getTime() <= startsAt.getTime() - REMINDER_MIN_BEFORE_START_MS) return end;
  return new Date(quietPeriodStart(runAt, quiet, tz).getTime() - 60_000);
}

export function planReminders(input: {
  startsAt: Date;
  now: Date;
  offsetsMinutes: readonly number[];
  channel: "email" | "sms";
  quiet: QuietHours;
  timeZone: string;
}): PlannedReminder[] {
  const { startsAt, now, quiet, timeZone } = input;
  const offsets = [...new Set(input.offsetsMinutes)].filter((o) => o > 0).sort((a, b) => b - a);
  const planned: PlannedReminder[] = [];
  for (const offsetMinutes of offsets) {
    let runAt = new Date(startsAt.getTime() - offsetMinutes * 60_000);
    if (input.channel === "sms") runAt = outsideQuietHours(runAt, startsAt, quiet, timeZone);
    if (runAt.getTime() < now.getTime() + REMINDER_MIN_LEAD_MS) continue;
    if (runAt.getTime() >= startsAt.getTime()) continue;
    if (planned.some((p) => p.runAt.getTime() === runAt.getTime())) continue;
    planned.push({ offsetMinutes, runAt });
  }
  return planned;
}
