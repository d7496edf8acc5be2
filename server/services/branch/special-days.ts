/**
 * Special opening days and closures of a branch (branch.listSpecialDays / setSpecialDay /
 * removeSpecialDay). The phone path and the slot engine read them through the cached company
 * data, so every write here drops the `branch` tag (see methods.ts).
 */
import type { z } from "zod";
import { parseSpecialDays } from "@/server/calendar/schedules";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { BranchSpecialDay } from "@/server/generated/prisma/client";
import { instantToLocal } from "@/server/scheduling/time";
import type * as s from "./schemas";
import { requireOwnBranch } from "./service";

/** A DATE column's day: Prisma hands it over as midnight UTC. */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

function toDto(row: BranchSpecialDay, today: string): s.SpecialDayDto {
  const [parsed] = parseSpecialDays([row]);
  return {
    id: row.id,
    branch_id: row.branchId,
    date: dayOf(row.date),
    closed: row.closed,
    hours: parsed ? [...parsed.hours] : [],
    reason: row.reason,
    past: dayOf(row.date) < today,
  };
}

/** Today in the company's zone (Europe/Berlin for German businesses). */
async function today(ctx: ServiceContext): Promise<string> {
  const company = await ctx.db.company.findUnique({ where: { id: ctx.companyId }, select: { timeZone: true } });
  return instantToLocal(ctx.now(), company?.timeZone ?? "Europe/Berlin").date;
}

export async function listSpecialDays(ctx: ServiceContext, params: z.output<typeof s.listSpecialDaysParams>): Promise<z.input<typeof s.listSpecialDaysResult>> {
  const rows = await ctx.db.branchSpecialDay.findMany({
    where: { companyId: ctx.companyId, ...(params.branch_id ? { branchId: params.branch_id } : {}) },
    orderBy: [{ date: "asc" }, { branchId: "asc" }],
    take: 1000,
  });
  const day = await today(ctx);
  return { special_days: rows.map((row) => toDto(row, day)) };
}

/** One special day per branch and date: setting it again replaces it. */
export async function setSpecialDay(ctx: ServiceContext, params: z.output<typeof s.setSpecialDayParams>): Promise<z.input<typeof s.setSpecialDayResult>> {
  const branch = await requireOwnBranch(ctx, params.branch_id);
  const data = { closed: params.closed, hours: params.closed ? [] : params.hours, reason: params.reason };
  const row = await ctx.db.branchSpecialDay.upsert({
    where: { branchId_date: { branchId: branch.id, date: asDate(params.date) } },
    create: { companyId: ctx.companyId, branchId: branch.id, date: asDate(params.date), ...data },
    update: data,
  });
  return { special_day: toDto(row, await today(ctx)) };
}

export async function removeSpecialDay(ctx: ServiceContext, params: z.output<typeof s.removeSpecialDayParams>): Promise<z.input<typeof s.removeSpecialDayResult>> {
  const { count } = await ctx.db.branchSpecialDay.deleteMany({ where: { id: params.special_day_id, companyId: ctx.companyId } });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Der Sondertag wurde nicht gefunden.");
  return { removed: true };
}
