/**
 * Absences of staff (staff.listAbsences / addAbsence / removeAbsence / absenceConflicts); the
 * slot engine reads them live. Whole days or hours in the branch's time zone; an absence that
 * overlaps or touches another of the same person is merged with it, so the list never shows
 * the same time twice. Ended absences stay listed (greyed in the dashboard) and removable.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { Prisma, StaffAbsence } from "@/server/generated/prisma/client";
import { formatGermanDate, formatGermanTime, zonedDateTimeToInstant } from "@/server/scheduling/time";
import type * as s from "./schemas";

/** History is long; the list shows the latest this many. */
const LIST_LIMIT = 500;

function toDto(row: StaffAbsence, now: Date): s.AbsenceDto {
  return {
    id: row.id,
    staff_id: row.staffId,
    starts_at: row.startsAt.toISOString(),
    ends_at: row.endsAt.toISOString(),
    reason: row.reason,
    past: row.endsAt.getTime() <= now.getTime(),
  };
}

/** All absences, latest first up to the limit, returned earliest first (ended ones flagged `past`). */
export async function listAbsences(ctx: ServiceContext, params: z.output<typeof s.listAbsencesParams>): Promise<z.input<typeof s.listAbsencesResult>> {
  const rows = await ctx.db.staffAbsence.findMany({
    where: { staff: { companyId: ctx.companyId }, ...(params.staff_id ? { staffId: params.staff_id } : {}) },
    orderBy: { startsAt: "desc" },
    take: LIST_LIMIT,
  });
  return { absences: rows.reverse().map((row) => toDto(row, ctx.now())) };
}

interface Range {
  staffId: string;
  tz: string;
  start: Date;
  end: Date;
}

/** The person (of the caller's company) and the instants the add params name. */
async function rangeOf(ctx: ServiceContext, params: z.output<typeof s.addAbsenceParams>): Promise<Range> {
  const person = await ctx.db.staff.findFirst({ where: { id: params.staff_id, companyId: ctx.companyId }, select: { branch: { select: { timeZone: true } } } });
  if (!person) throw new AppError(ErrorCodes.NOT_FOUND, "Die Person wurde nicht gefunden.");
  const tz = person.branch.timeZone;
  return {
    staffId: params.staff_id,
    tz,
    start: zonedDateTimeToInstant(params.from_date, params.from_time ?? "00:00", tz),
    end: zonedDateTimeToInstant(params.to_date, params.to_time ?? "24:00", tz),
  };
}

export async function addAbsence(ctx: ServiceContext, params: z.output<typeof s.addAbsenceParams>): Promise<z.input<typeof s.addAbsenceResult>> {
  const range = await rangeOf(ctx, params);
  const { row, merged } = await ctx.db.$transaction(async (tx) => {
    // Overlapping or touching absences of the person become one (their reasons kept, without repeats).
    const neighbours = await tx.staffAbsence.findMany({
      where: { staffId: range.staffId, startsAt: { lte: range.end }, endsAt: { gte: range.start } },
      orderBy: { startsAt: "asc" },
    });
    const start = new Date(Math.min(range.start.getTime(), ...neighbours.map((n) => n.startsAt.getTime())));
    const end = new Date(Math.max(range.end.getTime(), ...neighbours.map((n) => n.endsAt.getTime())));
    // A merged absence's reason is a list already ("Urlaub, Fortbildung"): split it before removing repeats.
    const parts = [...neighbours.map((n) => n.reason), params.reason].flatMap((r) => (r ? r.split(", ") : []));
    const reasons = [...new Set(parts.filter(Boolean))];
    if (neighbours.length > 0) await tx.staffAbsence.deleteMany({ where: { id: { in: neighbours.map((n) => n.id) } } });
    const created = await tx.staffAbsence.create({
      data: { staffId: range.staffId, startsAt: start, endsAt: end, reason: reasons.length > 0 ? reasons.join(", ").slice(0, 200) : null },
    });
    return { row: created, merged: neighbours.length };
  });
  const conflicts = await conflictsIn(ctx, { ...range, start: row.startsAt, end: row.endsAt });
  return { absence: toDto(row, ctx.now()), merged, conflicts };
}

export async function removeAbsence(ctx: ServiceContext, params: z.output<typeof s.removeAbsenceParams>): Promise<z.input<typeof s.removeAbsenceResult>> {
  const { count } = await ctx.db.staffAbsence.deleteMany({ where: { id: params.absence_id, staff: { companyId: ctx.companyId } } });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Die Abwesenheit wurde nicht gefunden.");
  return { removed: true };
}

/** The scheduled appointments a saved or a planned absence hits, so each can be moved or cancelled. */
export async function absenceConflicts(ctx: ServiceContext, params: z.output<typeof s.absenceConflictsParams>): Promise<z.input<typeof s.absenceConflictsResult>> {
  if ("absence_id" in params) {
    const absence = await ctx.db.staffAbsence.findFirst({
      where: { id: params.absence_id, staff: { companyId: ctx.companyId } },
      include: { staff: { select: { branch: { select: { timeZone: true } } } } },
    });
    if (!absence) throw new AppError(ErrorCodes.NOT_FOUND, "Die Abwesenheit wurde nicht gefunden.");
    return { conflicts: await conflictsIn(ctx, { staffId: absence.staffId, tz: absence.staff.branch.timeZone, start: absence.startsAt, end: absence.endsAt }) };
  }
  return { conflicts: await conflictsIn(ctx, await rangeOf(ctx, params)) };
}

const conflictInclude = { service: { select: { name: true } }, customer: { select: { name: true, phone: true } }, branch: { select: { timeZone: true } } } satisfies Prisma.AppointmentInclude;

async function conflictsIn(ctx: ServiceContext, range: Range): Promise<s.AbsenceConflictDto[]> {
  const rows = await ctx.db.appointment.findMany({
    where: { companyId: ctx.companyId, staffId: range.staffId, status: "scheduled", startsAt: { lt: range.end }, endsAt: { gt: range.start } },
    include: conflictInclude,
    orderBy: { startsAt: "asc" },
    take: 200,
  });
  return rows.map((a) => ({
    appointment_id: a.id,
    starts_at: a.startsAt.toISOString(),
    ends_at: a.endsAt.toISOString(),
    date: formatGermanDate(a.startsAt, a.branch.timeZone),
    time: formatGermanTime(a.startsAt, a.branch.timeZone),
    service: a.service.name,
    customer_name: a.customer.name,
    customer_phone: a.customer.phone,
  }));
}
