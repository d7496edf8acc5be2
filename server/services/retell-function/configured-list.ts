/**
 * The functions a company may run (its own and global ones), cached per company because every
 * live function call needs them. retell.config drops the cache on each change; global
 * functions, which have no editing method, are seen after CONFIGURED_TTL_SECONDS.
 */
import { getCache } from "@/server/platform/cache";
import type { PrismaClient, RetellCustomFunction } from "@/server/generated/prisma/client";

export const CONFIGURED_TTL_SECONDS = 60;

export type ConfiguredFunction = Pick<
  RetellCustomFunction,
  "id" | "companyId" | "name" | "type" | "url" | "method" | "headers" | "parameterSchema" | "timeoutMs" | "isEnabled"
>;

const tag = (companyId: string) => `retell-functions:${companyId}`;

export async function configuredFunctions(db: PrismaClient, companyId: string): Promise<ConfiguredFunction[]> {
  const key = `retell:functions:${companyId}`;
  const hit = await getCache().get<ConfiguredFunction[]>(key);
  if (hit) return hit;
  const rows = await db.retellCustomFunction.findMany({
    where: { OR: [{ companyId }, { companyId: null, isGlobal: true }] },
    select: { id: true, companyId: true, name: true, type: true, url: true, method: true, headers: true, parameterSchema: true, timeoutMs: true, isEnabled: true },
  });
  await getCache().set(key, rows, CONFIGURED_TTL_SECONDS, [tag(companyId)]);
  return rows;
}

export function forgetConfiguredFunctions(companyId: string): Promise<void> {
  return getCache().invalidateTag(tag(companyId));
}
