/**
 * customer.get: everything the Kunden detail shows: contact data and consent, the coming and
 * past appointments (any status, with service and staff) and the calls linked to the customer.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { formatGermanDate, formatGermanTime } from "@/server/scheduling/time";
import type * as s from "./schemas";
import { CUSTOMER_NOT_FOUND, toDto } from "./service";

const PAST_VISITS = 100;
const CALLS = 50;
const UPCOMING_APPOINTMENTS = 10;
const FALLBACK_TZ = "Europe/Berlin";

const visitInclude = {
  service: { select: { name: true } },
  branch: { select: { name: true, timeZone: true } },
  staff: { select: { name: true } },
} as const;

type Visit = z.input<typeof s.customerVisitSchema>;

function toVisit(a: {
  id: string;
  startsAt: Date;
  status: Visit["status"];
  service: { name: string };
  branch: { name: string; timeZone: string };
  staff: { name: string } | null;
}): Visit {
  return {
    id: a.id,
    starts_at: a.startsAt.toISOString(),
    date: formatGermanDate(a.startsAt, a.branch.timeZone),
    time: formatGermanTime(a.startsAt, a.branch.timeZone),
    service: a.service.name,
    staff: a.staff?.name ?? null,
    branch: a.branch.name,
    status: a.status,
  };
}

export async function getCustomer(ctx: ServiceContext, params: z.output<typeof s.getParams>): Promise<z.input<typeof s.getResult>> {
  const now = ctx.now();
  const row = await ctx.db.customer.findFirst({ where: { id: params.customer_id, companyId: ctx.companyId } });
  if (!row) throw new AppError(ErrorCodes.NOT_FOUND, CUSTOMER_NOT_FOUND);
  const mine = { customerId: row.id, companyId: ctx.companyId };
  const [upcoming, past, calls] = await Promise.all([
    ctx.db.appointment.findMany({ where: { ...mine, startsAt: { gte: now } }, orderBy: { startsAt: "asc" }, include: visitInclude }),
    ctx.db.appointment.findMany({ where: { ...mine, startsAt: { lt: now } }, orderBy: { startsAt: "desc" }, take: PAST_VISITS, include: visitInclude }),
    ctx.db.call.findMany({
      where: mine,
      orderBy: [{ startedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: CALLS,
      include: { branch: { select: { timeZone: true } } },
    }),
  ]);
  const upcomingVisits = upcoming.map(toVisit);
  return {
    ...toDto(row),
    upcoming_appointments: upcomingVisits
      .filter((v) => v.status === "scheduled")
      .slice(0, UPCOMING_APPOINTMENTS)
      .map(({ id, starts_at, date, time, service, branch, staff }) => ({ id, starts_at, date, time, service, branch, staff })),
    upcoming_visits: upcomingVisits,
    past_visits: past.map(toVisit),
    calls: calls.map((c) => {
      const at = c.startedAt ?? c.createdAt;
      const tz = c.branch?.timeZone ?? FALLBACK_TZ;
      return {
        id: c.id,
        at: at.toISOString(),
        date: formatGermanDate(at, tz),
        time: formatGermanTime(at, tz),
        summary: c.summary,
        outcome: c.outcome,
        duration_seconds: c.durationMs === null ? null : Math.round(c.durationMs / 1000),
      };
    }),
  };
}
