/** appointments.calendar: what the Kalender grid shows for one branch and one or seven days. */
import type { z } from "zod";
import { parseSpecialDays } from "@/server/calendar/schedules";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { addDaysLocal } from "@/server/scheduling/local-date";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import { branchDays, staffDays, visibleHours } from "./calendar-days";
import { masterData, requireDate } from "./resolve";
import type * as s from "./schemas";

export async function calendarView(
  ctx: ServiceContext,
  params: z.output<typeof s.calendarParams>,
): Promise<z.input<typeof s.calendarResult>> {
  const from = requireDate(params.date);
  const to = addDaysLocal(from, params.days - 1);
  const data = await masterData(ctx);
  const branch = params.branch_id ? data.branches.find((b) => b.id === params.branch_id) : data.branches[0];
  if (!branch) throw new AppError(ErrorCodes.BRANCH_NOT_RESOLVED, "Die Filiale wurde nicht gefunden.");
  const tz = branch.timeZone;
  const staff = data.staff.filter((m) => m.branchId === branch.id);
  const windowStart = zonedDateTimeToInstant(from, "00:00", tz);
  const windowEnd = zonedDateTimeToInstant(addDaysLocal(to, 1), "00:00", tz);

  const [appointments, absences, specialDays] = await Promise.all([
    ctx.db.appointment.findMany({
      where: {
        companyId: ctx.companyId,
        branchId: branch.id,
        status: { not: "cancelled" },
        startsAt: { lt: windowEnd },
        endsAt: { gt: windowStart },
      },
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        status: true,
        source: true,
        staffId: true,
        service: { select: { name: true } },
        customer: { select: { name: true } },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
    ctx.db.staffAbsence.findMany({
      where: { staff: { companyId: ctx.companyId, branchId: branch.id }, startsAt: { lt: windowEnd }, endsAt: { gt: windowStart } },
      select: { staffId: true, startsAt: true, endsAt: true, reason: true },
      orderBy: { startsAt: "asc" },
    }),
    // From the table rather than the cached master data: past days too, and a change shows at once.
    ctx.db.branchSpecialDay.findMany({
      where: { companyId: ctx.companyId, branchId: branch.id, date: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
      select: { date: true, closed: true, hours: true, reason: true },
    }),
  ]);

  const frames = branchDays(branch, from, params.days, parseSpecialDays(specialDays));
  const columns = staff.map((member) => ({
    id: member.id,
    name: member.name,
    service_ids: member.serviceIds,
    days: staffDays(branch, frames, member, absences),
  }));
  const rows = appointments.map((a) => {
    const start = instantToLocal(a.startsAt, tz);
    const end = instantToLocal(a.endsAt, tz);
    return {
      id: a.id,
      starts_at: a.startsAt.toISOString(),
      ends_at: a.endsAt.toISOString(),
      date: start.date,
      start_time: start.time,
      // An appointment past midnight ends at the end of its first day on the grid.
      end_time: end.date > start.date ? "24:00" : end.time,
      status: a.status,
      service: a.service.name,
      customer_name: a.customer.name,
      staff_id: a.staffId,
      source: a.source,
    };
  });
  const opening = frames.flatMap((f) => f.day.opening);
  const shown = opening.length > 0 ? opening : columns.flatMap((c) => c.days.flatMap((d) => d.working));

  return {
    branch: { id: branch.id, name: branch.name, time_zone: tz },
    hours: visibleHours([...shown, ...rows.map((r) => ({ start: r.start_time, end: r.end_time }))]),
    days: frames.map((f) => f.day),
    staff: columns,
    appointments: rows,
  };
}
