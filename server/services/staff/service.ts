import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { requireOwnBranch } from "@/server/services/branch/service";
import { fieldError } from "@/server/services/company/master-data-fields";
import type { ServiceContext } from "@/server/core/types";
import type * as s from "./schemas";

type StaffRow = Prisma.StaffGetPayload<{ include: { services: { select: { serviceId: true } } } }>;

export function staffToDto(row: StaffRow): s.StaffDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    branch_id: row.branchId,
    working_hours: (row.workingHours ?? {}) as s.StaffDto["working_hours"],
    service_ids: row.services.map((x) => x.serviceId),
    is_active: row.isActive,
  };
}

export async function listStaff(ctx: ServiceContext, params: z.output<typeof s.listParams>): Promise<z.input<typeof s.listResult>> {
  const rows = await ctx.db.staff.findMany({
    where: {
      companyId: ctx.companyId,
      ...(params.branch_id ? { branchId: params.branch_id } : {}),
      ...(params.include_inactive ? {} : { isActive: true }),
    },
    include: { services: { select: { serviceId: true } } },
    orderBy: { name: "asc" },
  });
  return { staff: rows.map(staffToDto), total: rows.length };
}

const withServices = { services: { select: { serviceId: true } } } as const;

/**
 * The chosen services exist in the company and are offered in the branch (or in every
 * branch): otherwise the slot engine could never book this person for them.
 */
async function checkServices(ctx: ServiceContext, serviceIds: readonly string[], branchId: string): Promise<void> {
  if (serviceIds.length === 0) return;
  const rows = await ctx.db.service.findMany({
    where: { id: { in: [...serviceIds] }, companyId: ctx.companyId },
    select: { name: true, branchId: true, branch: { select: { name: true } } },
  });
  if (rows.length !== serviceIds.length) throw new AppError(ErrorCodes.NOT_FOUND, "Eine gewählte Leistung wurde nicht gefunden.");
  const elsewhere = rows.find((r) => r.branchId !== null && r.branchId !== branchId);
  if (elsewhere) {
    throw fieldError("service_ids", `„${elsewhere.name}“ wird nur in der Filiale ${elsewhere.branch?.name ?? ""} angeboten.`, serviceIds);
  }
}

export async function createStaff(ctx: ServiceContext, params: z.output<typeof s.createParams>): Promise<z.input<typeof s.createResult>> {
  await requireOwnBranch(ctx, params.branch_id);
  await checkServices(ctx, params.service_ids, params.branch_id);
  const row = await ctx.db.staff.create({
    data: {
      companyId: ctx.companyId,
      branchId: params.branch_id,
      name: params.name,
      email: params.email,
      workingHours: params.working_hours,
      isActive: params.is_active,
      services: { create: params.service_ids.map((serviceId) => ({ serviceId })) },
    },
    include: withServices,
  });
  return { staff: staffToDto(row) };
}

export async function updateStaff(ctx: ServiceContext, params: z.output<typeof s.updateParams>): Promise<z.input<typeof s.updateResult>> {
  const { staff_id: id, service_ids: serviceIds, ...fields } = params;
  const existing = await ctx.db.staff.findFirst({ where: { id, companyId: ctx.companyId }, include: withServices });
  if (!existing) throw new AppError(ErrorCodes.NOT_FOUND, "Die Person wurde nicht gefunden.");
  const branchId = fields.branch_id ?? existing.branchId;
  if (fields.branch_id !== undefined) await requireOwnBranch(ctx, fields.branch_id);
  // A move to another branch re-checks the services kept as well as newly chosen ones.
  if (serviceIds !== undefined || fields.branch_id !== undefined) {
    await checkServices(ctx, serviceIds ?? existing.services.map((x) => x.serviceId), branchId);
  }
  const row = await ctx.db.$transaction(async (tx) => {
    if (serviceIds !== undefined) {
      await tx.staffService.deleteMany({ where: { staffId: id } });
      await tx.staffService.createMany({ data: serviceIds.map((serviceId) => ({ staffId: id, serviceId })) });
    }
    return tx.staff.update({
      where: { id },
      data: {
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.email !== undefined ? { email: fields.email } : {}),
        ...(fields.branch_id !== undefined ? { branchId: fields.branch_id } : {}),
        ...(fields.working_hours !== undefined ? { workingHours: fields.working_hours } : {}),
        ...(fields.is_active !== undefined ? { isActive: fields.is_active } : {}),
      },
      include: withServices,
    });
  });
  return { staff: staffToDto(row) };
}
