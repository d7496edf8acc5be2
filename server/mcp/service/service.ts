import type { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/mcp/types";
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
