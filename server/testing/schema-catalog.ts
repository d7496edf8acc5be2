/**
 * A comparable description of a PostgreSQL schema: tables, columns (type, nullability,
 * default), indexes, constraints and enums. Used to prove migrations equal schema.prisma.
 */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

const queries = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  constraints: `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS def
                FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
                JOIN pg_namespace ns ON ns.oid = rel.relnamespace
                WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'
                  AND con.contype <> 'n' -- PostgreSQL 18 (PGlite) also lists NOT NULL here; columns cover it
                ORDER BY rel.relname, con.conname`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          JOIN pg_namespace ns ON ns.oid = t.typnamespace WHERE ns.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
};

export async function describeSchema(query: Query) {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [name, sql] of Object.entries(queries)) out[name] = await query(sql);
  return out;
}
