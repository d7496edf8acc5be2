/**
 * database.statistics: the company's figures for a range of calendar days in its own time
 * zone. Every query filters by ctx.companyId; the per-day buckets come from one aggregate with
 * fixed SQL (company id and time zone bound as parameters), so a busy year is counted in the
 * database, not in memory.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { addDaysLocal, diffLocalDays } from "@/server/scheduling/local-date";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import type { z } from "zod";
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, type Statistics, type statisticsParams } from "./schemas";

const STATUS_LABELS: Record<string, string> = {
  scheduled: "Geplant",
  completed: "Erledigt",
  cancelled: "Abgesagt",
  no_show: "Nicht erschienen",
};

/** The range's first and last day (inclusive) and the instants bounding it. */
export function statisticsRange(params: { from?: string; to?: string }, now: Date, timeZone: string) {
  const to = params.to ?? (params.from ? addDaysLocal(params.from, DEFAULT_RANGE_DAYS - 1) : instantToLocal(now, timeZone).date);
  const from = params.from ?? addDaysLocal(to, -(DEFAULT_RANGE_DAYS - 1));
  const days = diffLocalDays(from, to) + 1;
  if (days < 1) throw new AppError(ErrorCodes.INVALID_DATE, "Das Enddatum liegt vor dem Anfangsdatum.");
  if (days > MAX_RANGE_DAYS) throw new AppError(ErrorCodes.INVALID_DATE, `Der Zeitraum darf höchstens ${MAX_RANGE_DAYS} Tage umfassen.`);
  return {
    from,
    to,
    days,
    start: zonedDateTimeToInstant(from, "00:00", timeZone),
    end: zonedDateTimeToInstant(addDaysLocal(to, 1), "00:00", timeZone),
  };
}

export async function getStatistics(ctx: ServiceContext, params: z.output<typeof statisticsParams>): Promise<Statistics> {
  const { db, companyId } = ctx;
  const company = await db.company.findUnique({ where: { id: companyId }, select: { timeZone: true } });
  if (!company) throw new AppError(ErrorCodes.COMPANY_NOT_FOUND, "Das Unternehmen wurde nicht gefunden.");
  const range = statisticsRange(params, ctx.now(), company.timeZone);
  const inRange = { companyId, startsAt: { gte: range.start, lt: range.end } };
  // A call counts on the day it started; one Retell sent no start for, on the day it arrived.
  const callsInRange = {
    companyId,
    OR: [{ startedAt: { gte: range.start, lt: range.end } }, { startedAt: null, createdAt: { gte: range.start, lt: range.end } }],
  };

  const [counts, perDay, perStatus, perStaff, perService, callsTotal, callsBooked] = await Promise.all([
    entityCounts(ctx),
    db.$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char("startsAt" AT TIME ZONE ${company.timeZone}, 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM appointments
      WHERE "companyId" = ${companyId} AND "startsAt" >= ${range.start} AND "startsAt" < ${range.end}
      GROUP BY 1`,
    db.appointment.groupBy({ by: ["status"], where: inRange, _count: { _all: true } }),
    db.appointment.groupBy({ by: ["staffId"], where: inRange, _count: { _all: true } }),
    db.appointment.groupBy({ by: ["serviceId"], where: inRange, _count: { _all: true } }),
    db.call.count({ where: callsInRange }),
    db.call.count({ where: { ...callsInRange, outcome: "booked" } }),
  ]);

  const [staffNames, serviceNames] = await Promise.all([
    namesOf(db.staff.findMany({ where: { companyId, id: { in: perStaff.flatMap((r) => (r.staffId ? [r.staffId] : [])) } }, select: { id: true, name: true } })),
    namesOf(db.service.findMany({ where: { companyId, id: { in: perService.map((r) => r.serviceId) } }, select: { id: true, name: true } })),
  ]);
  const byDay = new Map(perDay.map((r) => [r.day, Number(r.count)]));
  const byCount = <T extends { count: number }>(rows: T[]) => rows.sort((a, b) => b.count - a.count);

  return {
    from: range.from,
    to: range.to,
    time_zone: company.timeZone,
    counts,
    appointments: {
      total: perStatus.reduce((sum, r) => sum + r._count._all, 0),
      per_day: Array.from({ length: range.days }, (_, i) => {
        const date = addDaysLocal(range.from, i);
        return { date, count: byDay.get(date) ?? 0 };
      }),
      per_status: byCount(perStatus.map((r) => ({ status: r.status, label: STATUS_LABELS[r.status] ?? r.status, count: r._count._all }))),
      per_staff: byCount(
        perStaff.map((r) => ({
          staff_id: r.staffId,
          name: r.staffId ? (staffNames.get(r.staffId) ?? "Unbekannt") : "Ohne Mitarbeiter/in",
          count: r._count._all,
        })),
      ),
      per_service: byCount(perService.map((r) => ({ service_id: r.serviceId, name: serviceNames.get(r.serviceId) ?? "Unbekannt", count: r._count._all }))),
    },
    calls: {
      total: callsTotal,
      booked: callsBooked,
      booking_rate: callsTotal === 0 ? null : Math.round((callsBooked / callsTotal) * 1000) / 1000,
    },
  };
}

async function namesOf(rows: Promise<{ id: string; name: string }[]>): Promise<Map<string, string>> {
  return new Map((await rows).map((r) => [r.id, r.name]));
}

async function entityCounts({ db, companyId }: ServiceContext): Promise<Statistics["counts"]> {
  const where = { companyId };
  const [customers, appointments, calls, staff, services, branches, messages, tasks, openTasks, knowledge, phoneNumbers, users, payments] =
    await Promise.all([
      db.customer.count({ where }),
      db.appointment.count({ where }),
      db.call.count({ where }),
      db.staff.count({ where }),
      db.service.count({ where }),
      db.branch.count({ where }),
      db.message.count({ where }),
      db.task.count({ where }),
      db.task.count({ where: { companyId, status: "open" } }),
      db.knowledgeEntry.count({ where }),
      db.phoneNumber.count({ where }),
      db.user.count({ where }),
      db.payment.count({ where }),
    ]);
  return {
    customers,
    appointments,
    calls,
    staff,
    services,
    branches,
    messages,
    tasks,
    open_tasks: openTasks,
    knowledge_entries: knowledge,
    phone_numbers: phoneNumbers,
    users,
    payments,
  };
}
