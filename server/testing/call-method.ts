import { callMethod } from "@/server/core/dispatch";
import type { Actor } from "@/server/core/types";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { FIXED_NOW } from "./retell";

/**
 * Calls a registered method the way a door does (validation, rules, audit), as `actor` in the
 * seeded company (or `companyId`) at FIXED_NOW; resolves to the method's result.
 */
export function callAs<T>(
  to: { db: { prisma: PrismaClient; companyId: string }; actor: Actor; correlationId: string; companyId?: string },
  method: string,
  params: unknown,
): Promise<T> {
  return callMethod(method, params, {
    companyId: to.companyId ?? to.db.companyId,
    actor: to.actor,
    correlationId: to.correlationId,
    db: to.db.prisma,
    now: () => FIXED_NOW,
  }).then((r) => r.data as T);
}
