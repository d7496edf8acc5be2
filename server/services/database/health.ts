/**
 * database.health: how the database answers (latency of `SELECT 1`), which engine runs it
 * (embedded PGlite or a PostgreSQL server), the migrations applied against those in
 * prisma/migrations, and its size with the largest tables. Fixed SQL only.
 */
import type { ServiceContext } from "@/server/core/types";
import { readMigrations } from "@/server/platform/db/migrations";
import { pingDatabase } from "@/server/platform/health";
import type { DatabaseHealth } from "./schemas";

const LARGEST_TABLES = 10;

export async function getDatabaseHealth({ db }: ServiceContext): Promise<DatabaseHealth> {
  const latencyMs = await pingDatabase(db);
  const [[info], applied, tables] = await Promise.all([
    db.$queryRaw<{ version: string; server_version: string; size: bigint }[]>`
      SELECT version() AS version, current_setting('server_version') AS server_version, pg_database_size(current_database()) AS size`,
    appliedMigrations(db),
    db.$queryRaw<{ name: string; size: bigint }[]>`
      SELECT c.relname AS name, pg_total_relation_size(c.oid) AS size
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()
      ORDER BY size DESC, name
      LIMIT ${LARGEST_TABLES}`,
  ]);
  const available = readMigrations().map((m) => m.name);
  const done = new Set(applied);
  const pending = available.filter((name) => !done.has(name));
  const pglite = info.version.includes("PGlite");
  return {
    engine: pglite ? "pglite" : "postgresql",
    engine_label: pglite ? "Eingebettete Datenbank (PGlite)" : "PostgreSQL-Server",
    server_version: info.server_version,
    latency_ms: latencyMs,
    migrations: {
      applied: applied.length,
      available: available.length,
      latest_applied: applied.at(-1) ?? null,
      latest_available: available.at(-1) ?? null,
      pending,
      up_to_date: pending.length === 0,
    },
    size_bytes: Number(info.size),
    tables: tables.map((t) => ({ name: t.name, size_bytes: Number(t.size) })),
  };
}

/** Names of the applied migrations in order; none when the bookkeeping table is missing. */
async function appliedMigrations(db: ServiceContext["db"]): Promise<string[]> {
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`;
    return rows.map((r) => r.migration_name);
  } catch {
    return [];
  }
}
