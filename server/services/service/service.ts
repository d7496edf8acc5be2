import type { z } from "zod";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { requireOwnBranch } from "@/server/services/branch/service";
import { fieldError } from "@/server/services/company/master-data-fields";
import type { ServiceContext } from "@/server/core/types";
import type * as s from "./schemas";

type ServiceRow = Prisma.ServiceGetPayload<{ include: { staff: { select: { staffId: true } } } }>;

export function serviceToDto(row: ServiceRow): s.ServiceDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    duration_minutes: row.durationMinutes,
    buffer_minutes: row.bufferMinutes,
    price_cents: row.priceCents,
    deposit_cents: row.depositCents,
    deposit_percent: row.depositPercent,
    branch_id: row.branchId,
    calcom_event_type_id: row.calcomEventTypeId,
    staff_ids: row.staff.map((x) => x.staffId),
    is_active: row.isActive,
  };
}

export async function listServices(ctx: ServiceContext, params: z.output<typeof s.listParams>): Promise<z.input<typeof s.listResult>> {
  const rows = await ctx.db.service.findMany({
    where: { companyId: ctx.companyId, ...(params.include_inactive ? {} : { isActive: true }) },
    include: { staff: { select: { staffId: true } } },
    orderBy: { name: "asc" },
  });
  return { services: rows.map(serviceToDto), total: rows.length };
}

const withStaff = { staff: { select: { staffId: true } } } as const;

type ServiceWrite = Partial<z.output<typeof s.createParams>>;

/** Only the fields given: service.update leaves the others as they are. */
function toData(p: ServiceWrite) {
  return {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    ...(p.duration_minutes !== undefined ? { durationMinutes: p.duration_minutes } : {}),
    ...(p.buffer_minutes !== undefined ? { bufferMinutes: p.buffer_minutes } : {}),
    ...(p.price_cents !== undefined ? { priceCents: p.price_cents } : {}),
    // One rule at a time: setting an amount clears the percentage and the other way round.
    ...(p.deposit_cents !== undefined || p.deposit_percent !== undefined
      ? { depositCents: p.deposit_cents ?? null, depositPercent: p.deposit_cents != null ? null : (p.deposit_percent ?? null) }
      : {}),
    ...(p.branch_id !== undefined ? { branchId: p.branch_id } : {}),
    ...(p.calcom_event_type_id !== undefined ? { calcomEventTypeId: p.calcom_event_type_id } : {}),
    ...(p.is_active !== undefined ? { isActive: p.is_active } : {}),
  };
}

function nameTaken(name: string) {
  return fieldError("name", `Eine Leistung „${name}“ gibt es bereits. Bitte einen anderen Namen wählen.`, name);
}

/** Names are unique per company regardless of case ("Färben" and "färben" would confuse callers). */
async function assertNameFree(ctx: ServiceContext, name: string, exceptId?: string): Promise<void> {
  const clash = await ctx.db.service.findFirst({
    where: { companyId: ctx.companyId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw nameTaken(clash.name);
}

/** Runs the write; a concurrent insert of the same name still ends in the German field error. */
async function guardUnique<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (name !== undefined && isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function createService(ctx: ServiceContext, params: z.output<typeof s.createParams>): Promise<z.input<typeof s.createResult>> {
  if (params.branch_id) await requireOwnBranch(ctx, params.branch_id);
  await assertNameFree(ctx, params.name);
  const row = await guardUnique(params.name, () =>
    ctx.db.service.create({
      data: { companyId: ctx.companyId, ...toData(params), name: params.name, durationMinutes: params.duration_minutes },
      include: withStaff,
    }),
  );
  return { service: serviceToDto(row) };
}

export async function updateService(ctx: ServiceContext, params: z.output<typeof s.updateParams>): Promise<z.input<typeof s.updateResult>> {
  const { service_id: id, ...fields } = params;
  const existing = await ctx.db.service.findFirst({
    where: { id, companyId: ctx.companyId },
    select: { staff: { select: { staff: { select: { name: true, branchId: true } } } } },
  });
  if (!existing) throw new AppError(ErrorCodes.NOT_FOUND, "Die Leistung wurde nicht gefunden.");
  if (fields.branch_id) {
    await requireOwnBranch(ctx, fields.branch_id);
    // Staff of another branch could no longer be booked for it; they are unticked first, on purpose.
    const elsewhere = existing.staff.map((l) => l.staff).filter((st) => st.branchId !== fields.branch_id);
    if (elsewhere.length > 0) {
      const names = elsewhere.map((st) => st.name).join(", ");
      throw fieldError("branch_id", `Diese Leistung bieten auch Mitarbeitende anderer Filialen an (${names}). Bitte sie dort zuerst abwählen.`, fields.branch_id);
    }
  }
  if (fields.name !== undefined) await assertNameFree(ctx, fields.name, id);
  const row = await guardUnique(fields.name, () => ctx.db.service.update({ where: { id }, data: toData(fields), include: withStaff }));
  return { service: serviceToDto(row) };
}
