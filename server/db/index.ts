import type { PGlite } from "@electric-sql/pglite";
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/env";

export type Db = PrismaClient;
export type { Prisma } from "@/server/generated/prisma/client";

interface DbHandles {
  prisma: PrismaClient;
  pglite?: PGlite;
}

const g = globalThis as unknown as { __askproDb?: Promise<DbHandles> };

/**
 * The process-wide Prisma client: PostgreSQL when DATABASE_URL is set, else the embedded
 * PGlite data folder (one instance per process; `npm run dev`/`start` migrate and seed it first).
 */
export function getDb(): Promise<PrismaClient> {
  g.__askproDb ??= openDb();
  return g.__askproDb.then((h) => h.prisma);
}

async function openDb(): Promise<DbHandles> {
  const e = env();
  if (e.DATABASE_URL) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return { prisma: new PrismaClient({ adapter: new PrismaPg({ connectionString: e.DATABASE_URL, max: 10 }) }) };
  }
  const { openPglite } = await import("./pglite");
  const pglite = await openPglite(e.PGLITE_DATA_DIR);
  return { prisma: await prismaOnPglite(pglite), pglite };
}

export async function prismaOnPglite(pglite: PGlite): Promise<PrismaClient> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // Typed against an older @prisma/driver-adapter-utils; the runtime contract is the same.
  const adapter = new PrismaPGlite(pglite) as unknown as PrismaPg;
  return new PrismaClient({ adapter });
}

/** Closes the process-wide client (scripts, tests). */
export async function closeDb(): Promise<void> {
  const handles = await g.__askproDb;
  g.__askproDb = undefined;
  if (!handles) return;
  await handles.prisma.$disconnect();
  await handles.pglite?.close();
}
