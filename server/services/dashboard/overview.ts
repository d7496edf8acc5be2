import type { ServiceContext } from "@/server/core/types";
import { formatGermanDate, formatGermanTime, germanWeekdayName } from "@/server/scheduling/time";
import { companyDay } from "./company-day";
import { getRecentCalls, type RecentCall } from "./recent-calls";

export type DashboardContext = Pick<ServiceContext, "db" | "companyId" | "now">;

export interface OverviewAppointment {
  id: string;
  /** dd.MM.yyyy in the company's time zone. */
  date: string;
  weekday: string;
  /** HH:mm */
  startTime: string;
  endTime: string;
  /** Null when the customer gave no name (the row shows the number). */
  customerName: string | null;
  customerPhone: string;
  serviceName: string;
  staffName: string | null;
  branchName: string;
}

export interface DashboardOverview {
  today: { date: string; weekday: string };
  counts: {
    /** Appointments starting today that are not cancelled. */
    appointmentsToday: number;
    /** Scheduled appointments from now on. */
    upcomingAppointments: number;
    customers: number;
    callsToday: number;
    callsTotal: number;
  };
  nextAppointments: OverviewAppointment[];
  /** The latest five calls, newest first. */
  recentCalls: RecentCall[];
  /** Messages to customers of the last 7 days that did not reach them (failed, or not sent for want of a provider). */
  undelivered: { messages: number; noSmsProvider: boolean };
}

/** Not sent for want of a channel ("nicht zugestellt: kein SMS-Anbieter …"); an opt-out is wanted and does not count. */
const NOT_DELIVERED = "nicht zugestellt";
const NO_SMS_PROVIDER = "kein SMS-Anbieter";

/** Figures for the overview page, all for the caller's company and "today" in its time zone. */
export async function getDashboardOverview(ctx: DashboardContext, opts: { limit?: number } = {}): Promise<DashboardOverview> {
  const { db, companyId } = ctx;
  const now = ctx.now();
  const day = await companyDay(db, companyId, now);
  const todayRange = { gte: day.start, lt: day.end };
  const tz = day.timeZone;

  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const undeliveredWhere = {
    companyId,
    createdAt: { gte: weekAgo },
    OR: [{ state: "failed" as const }, { state: "suppressed" as const, error: { startsWith: NOT_DELIVERED } }],
  };
  const [appointmentsToday, upcomingAppointments, customers, callsToday, callsTotal, next, recentCalls, undelivered, noProvider] = await Promise.all([
    db.appointment.count({ where: { companyId, startsAt: todayRange, status: { not: "cancelled" } } }),
    db.appointment.count({ where: { companyId, startsAt: { gte: now }, status: "scheduled" } }),
    db.customer.count({ where: { companyId } }),
    // A call not yet reported as started counts by the time it was first recorded.
    db.call.count({ where: { companyId, OR: [{ startedAt: todayRange }, { startedAt: null, createdAt: todayRange }] } }),
    db.call.count({ where: { companyId } }),
    db.appointment.findMany({
      where: { companyId, startsAt: { gte: now }, status: "scheduled" },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: opts.limit ?? 5,
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        customer: { select: { name: true, phone: true } },
        service: { select: { name: true } },
        staff: { select: { name: true } },
        branch: { select: { name: true } },
      },
    }),
    getRecentCalls({ ...ctx, timeZone: tz }),
    db.message.count({ where: undeliveredWhere }),
    db.message.findFirst({
      where: { companyId, createdAt: { gte: weekAgo }, state: "suppressed", error: { contains: NO_SMS_PROVIDER } },
      select: { id: true },
    }),
  ]);

  return {
    today: { date: formatGermanDate(now, tz), weekday: germanWeekdayName(now, tz) },
    counts: { appointmentsToday, upcomingAppointments, customers, callsToday, callsTotal },
    nextAppointments: next.map((a) => ({
      id: a.id,
      date: formatGermanDate(a.startsAt, tz),
      weekday: germanWeekdayName(a.startsAt, tz),
      startTime: formatGermanTime(a.startsAt, tz),
      endTime: formatGermanTime(a.endsAt, tz),
      customerName: a.customer.name,
      customerPhone: a.customer.phone,
      serviceName: a.service.name,
      staffName: a.staff?.name ?? null,
      branchName: a.branch.name,
    })),
    recentCalls,
    undelivered: { messages: undelivered, noSmsProvider: noProvider !== null },
  };
}
