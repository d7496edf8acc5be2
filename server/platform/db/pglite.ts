import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/** Opens (creating when new) the embedded PostgreSQL in a data folder, or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir);
  await pg.waitReady;
  return pg;
}
