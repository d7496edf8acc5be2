/** Absences of staff (staff.listAbsences / addAbsence / removeAbsence); the slot engine reads them live. */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { StaffAbsence } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import type * as s from "./schemas";

function toDto(row: StaffAbsence): s.AbsenceDto {
  return { id: row.id, staff_id: row.staffId, starts_at: row.startsAt.toISOString(), ends_at: row.endsAt.toISOString(), reason: row.reason };
}

/** Current and coming absences (ended ones are history), earliest first. */
export async function listAbsences(ctx: ServiceContext, params: z.output<typeof s.listAbsencesParams>): Promise<z.input<typeof s.listAbsencesResult>> {
  const rows = await ctx.db.staffAbsence.findMany({
    where: { staff: { companyId: ctx.companyId }, ...(params.staff_id ? { staffId: params.staff_id } : {}), endsAt: { gt: ctx.now() } },
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  return { absences: rows.map(toDto) };
}

export async function addAbsence(ctx: ServiceContext, params: z.output<typeof s.addAbsenceParams>): Promise<z.input<typeof s.addAbsenceResult>> {
  const person = await ctx.db.staff.findFirst({ where: { id: params.staff_id, companyId: ctx.companyId }, select: { branch: { select: { timeZone: true } } } });
  if (!person) throw new AppError(ErrorCodes.NOT_FOUND, "Die Person wurde nicht gefunden.");
  const tz = person.branch.timeZone;
  const row = await ctx.db.staffAbsence.create({
    data: {
      staffId: params.staff_id,
      startsAt: zonedDateTimeToInstant(params.from_date, params.from_time ?? "00:00", tz),
      endsAt: zonedDateTimeToInstant(params.to_date, params.to_time ?? "24:00", tz),
      reason: params.reason,
    },
  });
  return { absence: toDto(row) };
}

export async function removeAbsence(ctx: ServiceContext, params: z.output<typeof s.removeAbsenceParams>): Promise<z.input<typeof s.removeAbsenceResult>> {
  const { count } = await ctx.db.staffAbsence.deleteMany({ where: { id: params.absence_id, staff: { companyId: ctx.companyId } } });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Die Abwesenheit wurde nicht gefunden.");
  return { removed: true };
}
