import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/errors";
import type { Branch } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/mcp/types";
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

export async function getBranch(ctx: ServiceContext, params: z.output<typeof s.getParams>): Promise<z.input<typeof s.getResult>> {
  const row = await ctx.db.branch.findFirst({ where: { id: params.branch_id, companyId: ctx.companyId } });
  if (!row) throw new AppError(ErrorCodes.NOT_FOUND, "Die Filiale wurde nicht gefunden.");
  return toDto(row);
}
