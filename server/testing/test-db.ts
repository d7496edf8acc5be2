import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { prismaOnPglite } from "@/server/platform/db/index";
import { migratePglite, readMigrations } from "@/server/platform/db/migrations";
import { openPglite } from "@/server/platform/db/pglite";
import { flushWriteBehind } from "@/server/platform/write-behind";

export interface TestDb {
  prisma: PrismaClient;
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * A migrated, empty in-memory PGlite for a test file. Building one from the migrated template
 * costs about half a second, so the worker process keeps the databases its files have closed:
 * emptied (every table truncated, sequences restarted, session settings and locks dropped) and
 * handed to the next file that asks. A database whose schema or migration record a test changed,
 * that a test closed itself, or that was written to after it was given back, is not kept. Files
 * running at once in other workers never share one: the databases live in their worker's memory.
 */
export async function createTestDb(): Promise<TestDb> {
  const pglite = (await keptAndStillEmpty()) ?? (await fromTemplate());
  const prisma = await prismaOnPglite(pglite);
  let closed = false;
  return {
    prisma,
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      // Rows still waiting to be written in a batch go out while their database is open.
      await flushWriteBehind();
      await prisma.$disconnect();
      await giveBack(pglite);
    },
  };
}

/** Databases kept per worker process; more than this many open at once are closed. */
const KEEP_AT_MOST = 2;

/** What a database fresh from the template looks like, read off the first one this worker makes. */
interface Shape {
  /** The migrated schema and migration record, to tell a database a test altered from one it only filled. */
  schema: string;
  /** Empties every table the migrations made, and restarts their sequences. */
  truncate: string;
  /** Names the tables that hold a row. */
  filled: string;
}

// On globalThis: test files share worker processes, and the kept databases outlive a file.
const g = globalThis as unknown as { __askproTestDbs?: PGlite[]; __askproTestShape?: Promise<Shape> };
const kept = () => (g.__askproTestDbs ??= []);

async function fromTemplate(): Promise<PGlite> {
  const pglite = new PGlite({ loadDataDir: await templateDump() });
  await pglite.waitReady;
  // Read before any test has touched it: every database given back is compared with this one.
  await (g.__askproTestShape ??= shapeOf(pglite));
  return pglite;
}

/**
 * A kept database, unless something wrote to it after it was given back: a client its file had
 * closed reconnects by itself (a row written behind, a late callback). That database is closed
 * with a warning naming the tables, so the next file still starts empty and the leak is seen.
 */
async function keptAndStillEmpty(): Promise<PGlite | undefined> {
  const pglite = kept().pop();
  if (!pglite) return undefined;
  const { filled } = await g.__askproTestShape!;
  const { rows } = await pglite.query<{ name: string }>(filled);
  if (rows.length === 0) return pglite;
  console.warn(`test database written to after it was given back (${rows.map((r) => r.name).join(", ")}): closed instead of handed out`);
  await pglite.close();
  return undefined;
}

async function giveBack(pglite: PGlite): Promise<void> {
  if (pglite.closed) return;
  if (kept().length < KEEP_AT_MOST && (await emptied(pglite))) kept().push(pglite);
  else await pglite.close();
}

/** Back to the migrated template's state; false when the schema differs from it (then it is closed instead). */
async function emptied(pglite: PGlite): Promise<boolean> {
  const { schema, truncate } = await g.__askproTestShape!;
  try {
    // Settings first: a test's statement_timeout or TimeZone would otherwise apply to the schema
    // read (a slow read on a busy machine timed out) and change how its timestamps print.
    await pglite.exec(`RESET ALL`);
    if ((await schemaOf(pglite)) !== schema) return false;
    await pglite.exec(`SELECT pg_advisory_unlock_all(); DISCARD TEMP; ${truncate}`);
    return true;
  } catch (err) {
    console.warn(`test database closed instead of kept: ${(err as Error).message}`);
    return false;
  }
}

async function shapeOf(pg: PGlite): Promise<Shape> {
  const tables = await pg.query<{ name: string; literal: string }>(
    `SELECT quote_ident(tablename) AS name, quote_literal(tablename) AS literal FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  return {
    schema: await schemaOf(pg),
    truncate: `TRUNCATE ${tables.rows.map((t) => t.name).join(", ")} RESTART IDENTITY CASCADE`,
    filled: tables.rows.map((t) => `(SELECT ${t.literal} AS name FROM ${t.name} LIMIT 1)`).join(" UNION ALL "),
  };
}

/** Tables, columns, indexes, constraints, types, functions, triggers, schemas, roles and the migration record, as one text. */
async function schemaOf(pg: PGlite): Promise<string> {
  const { rows } = await pg.query<{ schema: string }>(`
    SELECT string_agg(item, E'\\n' ORDER BY item) AS schema FROM (
      SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
        FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
      UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
      UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace <> 'pg_catalog'::regnamespace
      UNION ALL SELECT 'type ' || typnamespace::regnamespace || '.' || typname FROM pg_type WHERE typnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)
      UNION ALL SELECT 'function ' || oid::regprocedure FROM pg_proc WHERE pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
      UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT 'schema ' || nspname FROM pg_namespace
      UNION ALL SELECT 'role ' || rolname FROM pg_roles
      UNION ALL SELECT 'migration ' || migration_name || ' ' || checksum || ' ' || coalesce(finished_at::text, '-') || ' ' || coalesce(rolled_back_at::text, '-')
        FROM _prisma_migrations
    ) items`);
  return rows[0]?.schema ?? "";
}

/** The migrated cluster as a dump, built once per migration set and kept in the temp folder. */
async function templateDump(): Promise<Blob> {
  return new Blob([fs.readFileSync(await buildTestTemplate())]);
}

/**
 * Builds the migrated template unless it is there, and names its file. The test run's global
 * setup calls it once before the workers start, so they do not all build it at the same time.
 */
export async function buildTestTemplate(): Promise<string> {
  const migrations = readMigrations();
  const key = migrations.map((m) => m.checksum.slice(0, 12)).join("-");
  const file = path.join(os.tmpdir(), "askproai-test-template", `${key.slice(0, 120)}.tar.gz`);
  if (!fs.existsSync(file)) {
    const pg = await openPglite("memory://");
    await migratePglite(pg, migrations);
    const dump = await pg.dumpDataDir("gzip");
    await pg.close();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: parallel test workers never read half a file
  }
  return file;
}
