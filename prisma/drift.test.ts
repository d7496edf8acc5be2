import { execFileSync } from "node:child_process";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeSchema } from "@/server/testing/schema-catalog";
import { migratePglite, readMigrations } from "@/server/platform/db/migrations";
import { openPglite } from "@/server/platform/db/pglite";

// What schema.prisma says the database must be, computed without any database.
function schemaSql(): string {
  return execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: "memory://" }, stdio: ["ignore", "pipe", "pipe"] },
  );
}

const pgliteQuery = (db: PGlite) => async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows;

let expected: Awaited<ReturnType<typeof describeSchema>>;
let reference: PGlite;

beforeAll(async () => {
  reference = await openPglite("memory://");
  await reference.exec(schemaSql());
  expected = await describeSchema(pgliteQuery(reference));
}, 120_000);

afterAll(async () => {
  await reference?.close();
});

describe("migrations", () => {
  it("has at least one migration and the schema has tables", () => {
    expect(readMigrations().length).toBeGreaterThan(0);
    expect(expected.columns.length).toBeGreaterThan(50);
  });

  it("applied to an empty PGlite give exactly schema.prisma (no drift)", async () => {
    const db = await openPglite("memory://");
    try {
      const applied = await migratePglite(db);
      expect(applied).toEqual(readMigrations().map((m) => m.name));
      expect(await describeSchema(pgliteQuery(db))).toEqual(expected);
      expect(await migratePglite(db)).toEqual([]); // idempotent
    } finally {
      await db.close();
    }
  });

  const url = process.env.DATABASE_URL;
  it.skipIf(!url)("applied by `prisma migrate deploy` to an empty PostgreSQL give exactly schema.prisma", async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `drift_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url!);
    target.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: target.toString() });
    try {
      execFileSync("npx", ["prisma", "migrate", "deploy"], {
        env: { ...process.env, DATABASE_URL: target.toString() },
        stdio: ["ignore", "pipe", "pipe"],
      });
      await client.connect();
      const actual = await describeSchema(async (sql) => (await client.query(sql)).rows);
      expect(actual).toEqual(expected);
    } finally {
      await client.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});

if (!process.env.DATABASE_URL) {
  console.log("[skip] PostgreSQL drift test: DATABASE_URL is not set (CI sets it to the local PostgreSQL).");
}
