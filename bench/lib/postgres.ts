import { randomBytes } from "node:crypto";
import pg from "pg";
import { Redis } from "ioredis";
import { runOrThrow } from "./app-server";
import { TSX_NODE_ARGS } from "@/server/testing/run-script";

/**
 * The PostgreSQL + Redis side of `npm run bench -- --db postgres`: a database of its own on the
 * server of DATABASE_URL (default the local one), migrated and seeded like a production
 * install, and a Redis database of REDIS_URL (default db 6 of the local Redis) emptied first.
 */
export interface PostgresBench {
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

const DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres";
const DEFAULT_REDIS = "redis://127.0.0.1:6379/6";

export async function preparePostgres(base: NodeJS.ProcessEnv): Promise<PostgresBench> {
  const server = new URL(process.env.DATABASE_URL ?? DEFAULT_PG);
  const name = `askpro_bench_${process.pid}`;
  const adminUrl = new URL(server);
  adminUrl.pathname = "/postgres";
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const databaseUrl = new URL(server);
  databaseUrl.pathname = `/${name}`;
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  redis.disconnect();

  const env: NodeJS.ProcessEnv = {
    ...base,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    // A production start on PostgreSQL needs its own secrets; this database lives for one run.
    AUTH_SECRET: base.AUTH_SECRET ?? randomBytes(32).toString("hex"),
    ENCRYPTION_KEY: base.ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
  };
  delete env.PGLITE_DATA_DIR;
  runOrThrow("npx", ["--no-install", "prisma", "migrate", "deploy"], env, "prisma migrate deploy");
  runOrThrow(process.execPath, [...TSX_NODE_ARGS, "prisma/seed.ts"], env, "db:seed");
  return { env, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** An API token of the demo company on the database of `env`. */
export function createToken(env: NodeJS.ProcessEnv): string {
  const out = runOrThrow(process.execPath, [...TSX_NODE_ARGS, "scripts/mcp-token.ts", "--company", "demo", "--name", "Benchmark", "--servers", "all"], env, "token creation");
  const token = out.trim().split("\n").at(-1)!;
  if (!token.startsWith("apk_")) throw new Error(`Unexpected token output:\n${out}`);
  return token;
}
