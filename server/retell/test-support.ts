/** Test fixtures shared by the Retell modules' tests: a seeded database and a service context. */
import { logger } from "@/server/logger";
import { createTestDb, type TestDb } from "@/server/db/test-db";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Actor, ServiceContext } from "@/server/mcp/types";
import { seedDemo } from "@/server/seed/demo";

/** Wednesday 11 March 2026, 10:00 in Berlin. */
export const FIXED_NOW = new Date("2026-03-11T09:00:00.000Z");
export const DEMO_KEY = "demo-retell-key";

export async function seededTestDb(now = FIXED_NOW): Promise<TestDb & { companyId: string }> {
  const db = await createTestDb();
  const companyId = await seedDemo(db.prisma, { now, retellApiKey: DEMO_KEY });
  return { ...db, companyId };
}

export function testContext(
  db: PrismaClient,
  companyId: string,
  opts: { actor?: Actor; now?: Date | (() => Date) } = {},
): ServiceContext {
  const now = opts.now ?? FIXED_NOW;
  return {
    companyId,
    actor: opts.actor ?? { type: "user", id: null, role: "admin" },
    db,
    log: logger,
    now: typeof now === "function" ? now : () => now,
    correlationId: "test",
  };
}
