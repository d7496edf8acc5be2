import { weekdayOfLocalDate } from "@/server/scheduling/local-date";
import { addDaysLocal, germanWeekdayName, instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import { companyDay } from "./company-day";
import type { DashboardContext } from "./overview";

export const ACTIVITY_DAYS = 14;

export interface ActivityDay {
  /** The company's calendar day, "YYYY-MM-DD". */
  date: string;
  /** "10.03." */
  label: string;
  /** "Dienstag" */
  weekday: string;
  calls: number;
  /** Appointments booked that day (by when they were made, whatever their state now). */
  bookings: number;
}

export interface DailyActivity {
  days: ActivityDay[];
  totals: { calls: number; bookings: number };
}

/**
 * Calls and bookings per calendar day of the company (its time zone, Europe/Berlin by default)
 * for the last `days` days, today included, oldest first. A call counts on the day it started,
 * or was first recorded when its start is not known yet (as the overview's "Anrufe heute").
 */
export async function getDailyActivity(ctx: DashboardContext, opts: { days?: number } = {}): Promise<DailyActivity> {
  const { db, companyId } = ctx;
  const dayCount = opts.days ?? ACTIVITY_DAYS;
  const day = await companyDay(db, companyId, ctx.now());
  const tz = day.timeZone;
  const today = instantToLocal(day.start, tz).date;
  const firstDate = addDaysLocal(today, -(dayCount - 1));
  const range = { gte: zonedDateTimeToInstant(firstDate, "00:00", tz), lt: day.end };

  // Only the timestamps travel: a salon has hundreds of calls in two weeks, not millions.
  const [calls, appointments] = await Promise.all([
    db.call.findMany({
      where: { companyId, OR: [{ startedAt: range }, { startedAt: null, createdAt: range }] },
      select: { startedAt: true, createdAt: true },
    }),
    db.appointment.findMany({ where: { companyId, createdAt: range }, select: { createdAt: true } }),
  ]);

  const days = Array.from({ length: dayCount }, (_, i): ActivityDay => {
    const date = addDaysLocal(firstDate, i);
    const [, month, dayOfMonth] = date.split("-");
    return { date, label: `${dayOfMonth}.${month}.`, weekday: germanWeekdayName(weekdayOfLocalDate(date)), calls: 0, bookings: 0 };
  });
  const byDate = new Map(days.map((d) => [d.date, d]));
  for (const c of calls) {
    const entry = byDate.get(instantToLocal(c.startedAt ?? c.createdAt, tz).date);
    if (entry) entry.calls += 1;
  }
  for (const a of appointments) {
    const entry = byDate.get(instantToLocal(a.createdAt, tz).date);
    if (entry) entry.bookings += 1;
  }
  return {
    days,
    totals: { calls: calls.length, bookings: appointments.length },
  };
}
