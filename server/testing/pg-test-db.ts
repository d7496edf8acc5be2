import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/server/generated/prisma/client";

export interface PgTestDb {
  prisma: PrismaClient;
  url: string;
  close(): Promise<void>;
}

/**
 * A fresh database on the PostgreSQL server of DATABASE_URL, migrated with `prisma migrate
 * deploy`, for tests that need real concurrency (row locks, SKIP LOCKED, parallel bookings).
 * Dropped again on close. Callers skip (with a printed reason) when DATABASE_URL is unset.
 */
export async function createPgTestDb(opts: { poolSize?: number } = {}): Promise<PgTestDb> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("createPgTestDb needs DATABASE_URL");
  const name = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(baseUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: opts.poolSize ?? 25 }) });
  return {
    prisma,
    url,
    async close() {
      await prisma.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Prints why a PostgreSQL-only test file is skipped. */
export function reportPgSkip(what: string): void {
  if (!process.env.DATABASE_URL) console.log(`[skip] ${what}: DATABASE_URL is not set (CI sets it to the local PostgreSQL).`);
}
