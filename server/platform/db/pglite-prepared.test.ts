import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/server/generated/prisma/client";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { pgliteAdapter, preparedStatementClient } from "./pglite-prepared";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await db.pglite.exec(`CREATE TABLE prep_items (id int PRIMARY KEY, label text, at timestamptz, amount numeric)`);
});
afterAll(() => db.close());

const prepared = async (text: string) =>
  (await db.pglite.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [text])).rows;

describe("the embedded database's prepared statements", () => {
  it("answer as PGlite's own query does: rows, types, nulls and counts", async () => {
    const client = preparedStatementClient(db.pglite);
    const insert = `INSERT INTO prep_items (id, label, at, amount) VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)`;
    const written = await client.query(insert, [1, "Anna", new Date("2026-03-16T09:00:00Z"), "12.50", 2, null, null, null]);
    expect(written.affectedRows).toBe(2);
    const select = `SELECT id, label, at, amount FROM prep_items WHERE id >= $1 ORDER BY id`;
    for (const rowMode of ["array", "object"] as const) {
      const ours = await client.query(select, [1], { rowMode });
      const theirs = await db.pglite.query(select, [1], { rowMode });
      expect(ours.rows).toEqual(theirs.rows);
      expect(ours.fields).toEqual(theirs.fields);
    }
    expect((await client.query(`UPDATE prep_items SET label = $1 WHERE id = $2`, ["Ben", 2])).affectedRows).toBe(1);
  });

  it("let the event loop turn before each statement, so a chain of statements cannot hold off waiting requests", async () => {
    const client = preparedStatementClient(db.pglite);
    let turns = 0;
    let chainDone = false;
    const turn = () => {
      turns++;
      if (!chainDone) setImmediate(turn);
    };
    setImmediate(turn);
    // One request's statements, each sent once the last is answered.
    for (let i = 0; i < 20; i++) await client.query(`SELECT $1::int AS n`, [i]);
    chainDone = true;
    expect(turns).toBeGreaterThanOrEqual(20);
  });

  it("parse a SQL text once and run it again by name", async () => {
    const client = preparedStatementClient(db.pglite);
    const text = `SELECT count(*)::int AS n FROM prep_items WHERE id > $1`;
    await client.query(text, [0]);
    const [first] = await prepared(text);
    expect(first).toBeDefined();
    expect((await client.query<[number]>(text, [1], { rowMode: "array" })).rows).toEqual([[1]]);
    expect(await prepared(text)).toEqual([first]);
  });

  it("keep at most the limit, closing the statement unused the longest", async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = await PGlite.create({ loadDataDir: await db.pglite.dumpDataDir("none") });
    try {
      const client = preparedStatementClient(pg, 2);
      const [a, b, c] = ["SELECT 1 AS a", "SELECT 2 AS b", "SELECT 3 AS c"];
      for (const text of [a, b, a, c]) await client.query(text);
      const kept = (await pg.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements ORDER BY statement`)).rows;
      expect(kept.map((row) => row.statement)).toEqual([a, c]);
    } finally {
      await pg.close();
    }
  });

  it("wait for a running transaction instead of joining it; a rolled-back write stays unseen", async () => {
    const client = preparedStatementClient(db.pglite);
    const count = `SELECT count(*)::int AS n FROM prep_items WHERE id = $1`;
    let release!: () => void;
    const started = new Promise<void>((resolve) => {
      void client
        .transaction(async (tx) => {
          await tx.query(`INSERT INTO prep_items (id, label) VALUES ($1, $2)`, [50, "uncommitted"]);
          expect((await tx.query<{ n: number }>(count, [50])).rows[0]!.n).toBe(1);
          resolve();
          await new Promise<void>((done) => (release = done));
          await tx.rollback();
        })
        .catch(() => undefined);
    });
    await started;
    const outside = client.query<{ n: number }>(count, [50]);
    setTimeout(() => release(), 50);
    expect((await outside).rows[0]!.n).toBe(0);
  });

  it("report database errors with their code and keep working; a text that fails to parse is not kept", async () => {
    const client = preparedStatementClient(db.pglite);
    await expect(client.query(`INSERT INTO prep_items (id) VALUES ($1)`, [1])).rejects.toMatchObject({ code: "23505" });
    const broken = `SELECT no_such_column FROM prep_items`;
    await expect(client.query(broken)).rejects.toMatchObject({ code: "42703" });
    expect(await prepared(broken)).toEqual([]);
    expect((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM prep_items`)).rows[0]!.n).toBe(2);
  });

  it("parse values with the query's own parsers first and PGlite's beneath, including array types PGlite adds later", async () => {
    const client = preparedStatementClient(db.pglite);
    const TEXT = 25;
    const upper = { [TEXT]: (value: string) => value.toUpperCase() };
    expect((await client.query<{ label: string; at: Date }>(`SELECT label, at FROM prep_items WHERE id = $1`, [1], { parsers: upper })).rows[0]).toEqual({
      label: "ANNA",
      at: new Date("2026-03-16T09:00:00Z"),
    });
    // A type made after the client's first query: its array parser arrives with refreshArrayTypes.
    await db.pglite.exec(`CREATE TYPE prep_mood AS ENUM ('froh', 'müde')`);
    await db.pglite.refreshArrayTypes();
    const moods = `SELECT ARRAY['froh', 'müde']::prep_mood[] AS moods`;
    expect((await client.query<{ moods: unknown }>(moods, [], { parsers: upper })).rows[0]!.moods).toEqual(["froh", "müde"]);
    expect((await client.query(moods, [], { parsers: upper })).rows).toEqual((await db.pglite.query(moods)).rows);
  });

  it("prepare a statement again when a migration changed its columns", async () => {
    const client = preparedStatementClient(db.pglite);
    const text = `SELECT * FROM prep_items WHERE id = $1`;
    expect(Object.keys((await client.query<Record<string, unknown>>(text, [1])).rows[0]!)).not.toContain("note");
    await db.pglite.exec(`ALTER TABLE prep_items ADD COLUMN note text DEFAULT 'neu'`);
    expect((await client.query<Record<string, unknown>>(text, [1])).rows[0]).toMatchObject({ id: 1, note: "neu" });
  });

  it("keep one set per database when this module is loaded a second time (one copy per bundle)", async () => {
    await preparedStatementClient(db.pglite).query(`SELECT $1::int AS one`, [1]);
    vi.resetModules();
    const again = await import("./pglite-prepared");
    expect(again.preparedStatementClient).not.toBe(preparedStatementClient);
    const second = again.preparedStatementClient(db.pglite);
    expect((await second.query<{ n: number }>(`SELECT $1::int + 1 AS n`, [1])).rows).toEqual([{ n: 2 }]);
  });

  it("serve two Prisma clients on one database without their statement names colliding", async () => {
    const second = new PrismaClient({ adapter: await pgliteAdapter(db.pglite) });
    try {
      const [a, b] = await Promise.all([db.prisma.company.count(), second.company.count()]);
      expect(a).toBe(b);
      expect(await second.company.count()).toBe(a);
    } finally {
      await second.$disconnect();
    }
  });
});
