import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/server/seed/demo";
import { createTestDb, type TestDb } from "@/server/testing/test-db";

const rowCounts = async (db: TestDb) => {
  const { rows } = await db.pglite.query<{ table: string; n: number }>(`
    SELECT c.relname AS table, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text::int AS n
      FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND c.relname <> '_prisma_migrations'`);
  return rows.filter((r) => r.n > 0);
};

// Other files in this worker may have left databases behind: taking two first (the most kept)
// means the one this file closes is the one it gets back.
let other: TestDb;
let mine: TestDb;
beforeAll(async () => {
  other = await createTestDb();
  mine = await createTestDb();
});
afterAll(() => other.close());

describe("test databases", () => {
  it("start migrated and empty", async () => {
    expect(await rowCounts(mine)).toEqual([]);
    const migrations = await mine.pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    expect(migrations.rows[0]!.n).toBeGreaterThan(0);
  });

  it("come back to the next file emptied: no rows, default settings, no locks held", async () => {
    await seedDemo(mine.prisma, {});
    expect((await rowCounts(mine)).length).toBeGreaterThan(3);
    // A timeout no real read meets and a far zone: neither may keep the database from coming back.
    await mine.pglite.exec(`SELECT pg_advisory_lock(42); SET TimeZone = 'Pacific/Kiritimati'; SET statement_timeout = '1ms'`);
    const used = mine.pglite;
    await mine.close();

    mine = await createTestDb();
    expect(mine.pglite === used, "the emptied database is handed out again").toBe(true);
    expect(await rowCounts(mine)).toEqual([]);
    expect((await mine.pglite.query<{ statement_timeout: string }>(`SHOW statement_timeout`)).rows[0]!.statement_timeout).toBe("0");
    expect((await mine.pglite.query<{ TimeZone: string }>(`SHOW TimeZone`)).rows[0]!.TimeZone).not.toBe("Pacific/Kiritimati");
    expect((await mine.pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`)).rows[0]!.n).toBe(0);
    // And it works as a fresh one does.
    await seedDemo(mine.prisma, {});
    expect(await mine.prisma.company.count()).toBe(1);
  });

  it("are not handed out again once a client closed with them wrote to them afterwards", async () => {
    const { prisma: closedClient, pglite: used } = mine;
    await mine.close();
    // The old client reconnects by itself: a row written behind reached the next file this way.
    await seedDemo(closedClient, {});
    mine = await createTestDb();
    expect(mine.pglite).not.toBe(used);
    expect(used.closed).toBe(true);
    expect(await rowCounts(mine)).toEqual([]);
  });

  it("are not handed out again once a test changed their schema", async () => {
    await mine.pglite.exec(`ALTER TABLE branches ADD COLUMN left_behind text`);
    const altered = mine.pglite;
    await mine.close();
    expect(altered.closed).toBe(true);
    mine = await createTestDb();
    expect(mine.pglite).not.toBe(altered);
    const columns = await mine.pglite.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'branches' AND column_name = 'left_behind'`);
    expect(columns.rows).toEqual([]);
  });

  it("are not handed out again once a test changed their migration record", async () => {
    await mine.pglite.exec(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`);
    const altered = mine.pglite;
    await mine.close();
    expect(altered.closed).toBe(true);
    mine = await createTestDb();
    const rolledBack = await mine.pglite.query(`SELECT 1 FROM "_prisma_migrations" WHERE rolled_back_at IS NOT NULL`);
    expect(rolledBack.rows).toEqual([]);
  });

  it("are not handed out again once a test closed them itself", async () => {
    const shut = mine.pglite;
    await shut.close();
    await mine.close();
    mine = await createTestDb();
    expect(mine.pglite).not.toBe(shut);
    expect(mine.pglite.closed).toBe(false);
    await mine.close();
  });

  it("open at the same time are separate databases", async () => {
    const [a, b] = await Promise.all([createTestDb(), createTestDb()]);
    try {
      expect(a.pglite).not.toBe(b.pglite);
      await seedDemo(a.prisma, {});
      expect(await b.prisma.company.count()).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
