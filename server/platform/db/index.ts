import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/platform/env";
import { flushWriteBehind } from "@/server/platform/write-behind";

export type Db = PrismaClient;
export type { Prisma } from "@/server/generated/prisma/client";

export interface DbHandles {
  prisma: PrismaClient;
  pglite?: PGlite;
}

const g = globalThis as unknown as { __askproDb?: Promise<DbHandles> };

/**
 * The process-wide Prisma client: PostgreSQL when DATABASE_URL is set, else the embedded
 * PGlite data folder (one instance per process; `npm run dev`/`start` migrate and seed it first).
 */
export function getDb(): Promise<PrismaClient> {
  return getDbHandles().then((h) => h.prisma);
}

/** The process-wide client and, on the embedded default, the PGlite instance under it. */
export function getDbHandles(): Promise<DbHandles> {
  g.__askproDb ??= openDb().catch((err: unknown) => {
    g.__askproDb = undefined;
    throw err;
  });
  return g.__askproDb;
}

async function openDb(): Promise<DbHandles> {
  const e = env();
  if (e.DATABASE_URL) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // A connection that cannot be had within 3 s is an outage (answered 503 / 3004), not a hanging request.
    return { prisma: new PrismaClient({ adapter: new PrismaPg({ connectionString: e.DATABASE_URL, max: 10, connectionTimeoutMillis: 3_000 }) }) };
  }
  const { openPglite } = await import("./pglite");
  await ownFolder(e.PGLITE_DATA_DIR);
  const pglite = await openPglite(e.PGLITE_DATA_DIR);
  return { prisma: await prismaOnPglite(pglite), pglite };
}

/**
 * Only the lock's owner opens a data folder: the app takes the lock at start; any other process
 * that gets here takes it too, or stops with a message naming the running app.
 */
async function ownFolder(dataDir: string): Promise<void> {
  const { acquireLock, heldLock, isFolder, lockedMessage } = await import("./lock");
  if (!isFolder(dataDir) || heldLock(dataDir)) return;
  await acquireLock(dataDir, {
    kind: "tool",
    message: (owner) =>
      lockedMessage(owner, {
        de: "Kommandozeilen-Werkzeuge (npm run mcp:token, user:create, db:seed, db:backup) arbeiten über die laufende App; alles andere erst nach dem Beenden der App.",
        en: "Command-line tools (npm run mcp:token, user:create, db:seed, db:backup) work through the running app; anything else only once it is stopped.",
      }),
  });
}

export async function prismaOnPglite(pglite: PGlite): Promise<PrismaClient> {
  const { pgliteAdapter } = await import("./pglite-prepared");
  return new PrismaClient({ adapter: await pgliteAdapter(pglite) });
}

/** Closes the process-wide client (scripts, tests). */
export async function closeDb(): Promise<void> {
  // Rows still waiting to be written in a batch go out before the connections close.
  await flushWriteBehind();
  const handles = await g.__askproDb;
  g.__askproDb = undefined;
  if (!handles) return;
  await handles.prisma.$disconnect();
  await handles.pglite?.close();
  if (handles.pglite?.dataDir) (await import("./lock")).heldLock(handles.pglite.dataDir)?.release();
}
