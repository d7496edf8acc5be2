import { env } from "@/server/platform/env";
import type { ServiceContext } from "@/server/core/types";

/** The Retell agents answering the company's numbers: where webhooks and tools are pushed. */
export async function companyAgentIds(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db.phoneNumber.findMany({
    where: { companyId: ctx.companyId, isActive: true, retellAgentId: { not: null } },
    select: { retellAgentId: true },
    distinct: ["retellAgentId"],
    orderBy: { retellAgentId: "asc" },
  });
  return rows.map((r) => r.retellAgentId!);
}

/** Public address of one of our endpoints (APP_URL + path). */
export function appUrl(path: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}${path}`;
}
