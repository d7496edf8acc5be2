import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Branch } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import type * as s from "./schemas";

function toDto(b: Branch): s.BranchDto {
  const hours = (b.businessHours ?? {}) as { weekly?: Record<string, never[]>; breaks?: Record<string, never[]> };
  return {
    id: b.id,
    name: b.name,
    street: b.street,
    postal_code: b.postalCode,
    city: b.city,
    state: b.state,
    phone: b.phone,
    email: b.email,
    time_zone: b.timeZone,
    business_hours: { weekly: hours.weekly ?? {}, breaks: hours.breaks ?? {} },
    is_active: b.isActive,
  };
}

export async function listBranches(
  ctx: ServiceContext,
  params: z.output<typeof s.listParams>,
): Promise<z.input<typeof s.listResult>> {
  const rows = await ctx.db.branch.findMany({
    where: { companyId: ctx.companyId, ...(params.include_inactive ? {} : { isActive: true }) },
    orderBy: { name: "asc" },
  });
  return { branches: rows.map(toDto), total: rows.length };
}

/** A branch of the caller's company (for methods that tie something to a branch). */
export async function requireOwnBranch(ctx: Pick<ServiceContext, "db" | "companyId">, branchId: string): Promise<{ id: string; name: string }> {
  const row = await ctx.db.branch.findFirst({ where: { id: branchId, companyId: ctx.companyId }, select: { id: true, name: true } });
  if (!row) throw new AppError(ErrorCodes.NOT_FOUND, "Die Filiale wurde nicht gefunden.");
  return row;
}

export async function getBranch(ctx: ServiceContext, params: z.output<typeof s.getParams>): Promise<z.input<typeof s.getResult>> {
  const row = await ctx.db.branch.findFirst({ where: { id: params.branch_id, companyId: ctx.companyId } });
  if (!row) throw new AppError(ErrorCodes.NOT_FOUND, "Die Filiale wurde nicht gefunden.");
  return toDto(row);
}

type BranchWrite = Partial<z.output<typeof s.createParams>>;

/** Only the fields given: branch.update leaves the others as they are. */
export function toData(p: BranchWrite) {
  return {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.street !== undefined ? { street: p.street } : {}),
    ...(p.postal_code !== undefined ? { postalCode: p.postal_code } : {}),
    ...(p.city !== undefined ? { city: p.city } : {}),
    ...(p.state !== undefined ? { state: p.state } : {}),
    ...(p.phone !== undefined ? { phone: p.phone } : {}),
    ...(p.email !== undefined ? { email: p.email } : {}),
    ...(p.business_hours !== undefined ? { businessHours: p.business_hours } : {}),
    ...(p.is_active !== undefined ? { isActive: p.is_active } : {}),
  };
}

export async function createBranch(ctx: ServiceContext, params: z.output<typeof s.createParams>): Promise<z.input<typeof s.createResult>> {
  const row = await ctx.db.branch.create({ data: { companyId: ctx.companyId, ...toData(params), name: params.name } });
  return { branch: toDto(row) };
}

export async function updateBranch(ctx: ServiceContext, params: z.output<typeof s.updateParams>): Promise<z.input<typeof s.updateResult>> {
  const { branch_id: id, ...fields } = params;
  const { count } = await ctx.db.branch.updateMany({ where: { id, companyId: ctx.companyId }, data: toData(fields) });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Die Filiale wurde nicht gefunden.");
  return { branch: toDto(await ctx.db.branch.findUniqueOrThrow({ where: { id } })) };
}
