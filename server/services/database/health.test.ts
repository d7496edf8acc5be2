/**
 * database.health on a migrated PGlite: latency, engine, migrations applied against the
 * migrations folder (a missing one is named as pending), size and tables; admin only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { ErrorCodes } from "@/server/core/errors";
import type { Actor } from "@/server/core/types";
import { readMigrations } from "@/server/platform/db/migrations";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createOtherCompany } from "@/server/testing/tenants";
import type { DatabaseHealth } from "./schemas";

let db: TestDb;
let companyId: string;

function health(actor: Actor = { type: "user", id: "admin-1", role: "admin" }): Promise<DatabaseHealth> {
  return callMethod("database.health", {}, { companyId, actor, correlationId: "health-test", db: db.prisma }).then((r) => r.data as DatabaseHealth);
}

beforeAll(async () => {
  db = await createTestDb();
  companyId = (await createOtherCompany(db.prisma)).companyId;
});

afterAll(async () => {
  await db?.close();
});

describe("database.health", () => {
  it("answers latency, engine, migrations, size and the largest tables", async () => {
    const migrations = readMigrations().map((m) => m.name);
    const result = await health();
    expect(result.engine).toBe("pglite");
    expect(result.engine_label).toBe("Eingebettete Datenbank (PGlite)");
    expect(result.server_version).toMatch(/^\d+/);
    expect(result.latency_ms).toBeGreaterThanOrEqual(0);
    expect(result.migrations).toEqual({
      applied: migrations.length,
      available: migrations.length,
      latest_applied: migrations.at(-1),
      latest_available: migrations.at(-1),
      pending: [],
      up_to_date: true,
    });
    expect(result.size_bytes).toBeGreaterThan(1_000_000);
    expect(result.tables.length).toBeGreaterThan(0);
    expect(result.tables.length).toBeLessThanOrEqual(10);
    const sizes = result.tables.map((t) => t.size_bytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it("names a migration of the folder the database has not applied", async () => {
    const latest = readMigrations().at(-1)!.name;
    await db.prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${latest}`;
    const result = await health();
    expect(result.migrations).toMatchObject({ pending: [latest], up_to_date: false, applied: readMigrations().length - 1 });
    expect(result.migrations.latest_applied).not.toBe(latest);
  });

  it("is refused to staff", async () => {
    const err = await health({ type: "user", id: "staff-1", role: "staff" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCodes.FORBIDDEN });
  });
});
