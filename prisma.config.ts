import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI runs its WASM schema engine through a driver adapter, so no engine binary is needed:
// a real PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite data folder.
const databaseUrl = process.env.DATABASE_URL;
const pgliteDir = process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (databaseUrl?.startsWith("postgres")) {
      await patchPgNameType();
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: databaseUrl });
    }
    process.env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK ??= "1"; // migrate deploy hangs on PGlite otherwise
    if (!pgliteDir.startsWith("memory://")) {
      await ownFolder(pgliteDir);
      fs.mkdirSync(pgliteDir, { recursive: true });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // The adapter is typed against an older @prisma/driver-adapter-utils; the runtime contract is the same.
    return new PrismaPGlite(new PGlite(pgliteDir)) as unknown as import("@prisma/adapter-pg").PrismaPg;
  },
});

/** The data folder has one owner: while the app runs, Prisma commands on it stop with a message naming it. */
async function ownFolder(dir: string) {
  const { lockedMessage, tryAcquire } = await import("./server/platform/db/lock");
  const attempt = tryAcquire(dir, { kind: "tool" });
  if ("lock" in attempt) return; // released when this command exits
  if (!attempt.owner) throw new Error(`${dir} is being taken over by another process; try again.`);
  throw new Error(
    lockedMessage(attempt.owner, {
      de: "Prisma-Befehle auf diesem Ordner erst nach dem Beenden der App; Migrationen spielt `npm run dev`/`npm start` selbst ein.",
      en: "Run Prisma commands on this folder only once the app is stopped; `npm run dev`/`npm start` apply migrations themselves.",
    }),
  );
}

/**
 * The schema engine's catalog queries return PostgreSQL `name` columns (OID 19), which
 * @prisma/adapter-pg 6.19 cannot deserialize; read them as text (OID 25).
 */
async function patchPgNameType() {
  const { default: Result } = (await import("pg/lib/result.js" as string)) as unknown as {
    default: { prototype: { addFields(fields: { dataTypeID: number }[]): void; __namePatched?: boolean } };
  };
  const proto = Result.prototype;
  if (proto.__namePatched) return;
  const original = proto.addFields;
  proto.addFields = function (fields) {
    for (const f of fields) if (f.dataTypeID === 19) f.dataTypeID = 25;
    return original.call(this, fields);
  };
  proto.__namePatched = true;
}
