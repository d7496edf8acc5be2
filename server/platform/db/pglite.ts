import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/**
 * PostgreSQL's own page cache inside the embedded database. PGlite's default (128 MB) is all
 * WebAssembly memory, which never shrinks: it was the largest single part of the server's
 * resident memory. The data files are read through the operating system's file cache anyway, and
 * a salon's database is far smaller than this, so 32 MB costs no speed (measured with npm run bench).
 */
export const EMBEDDED_SHARED_BUFFERS = "32MB";

/** Opens (creating when new) the embedded PostgreSQL in a data folder, or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { postgresqlconf: [`shared_buffers=${EMBEDDED_SHARED_BUFFERS}`] });
  await pg.waitReady;
  return pg;
}
