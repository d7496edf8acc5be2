import type { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/mcp/types";
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
