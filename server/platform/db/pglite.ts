import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/**
 * PostgreSQL's own page cache inside the embedded database. It is WebAssembly memory, touched
 * whole at start and never given back: the resident memory of PGlite alone after opening was
 * about 235 MiB with PGlite's default (128 MB), 138 MiB with 32 MB and 112 MiB with 16 MB. The
 * data files are read through the operating system's file cache anyway, and a query of the phone
 * path touches a few index and table pages, so 16 MB costs no speed (measured with npm run bench).
 */
export const EMBEDDED_SHARED_BUFFERS = "16MB";

/** Opens (creating when new) the embedded PostgreSQL in a data folder, or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { postgresqlconf: [`shared_buffers=${EMBEDDED_SHARED_BUFFERS}`] });
  await pg.waitReady;
  return pg;
}
