import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { dropClusterTemplate, keepClusterTemplate, readClusterTemplate } from "./pglite-cluster-template";

/**
 * PostgreSQL's own page cache inside the embedded database. It is WebAssembly memory, touched
 * whole at start and never given back: the resident memory of PGlite alone after opening was
 * about 235 MiB with PGlite's default (128 MB), 138 MiB with 32 MB and 112 MiB with 16 MB. The
 * data files are read through the operating system's file cache anyway, and a query of the phone
 * path touches a few index and table pages, so 16 MB costs no speed (measured with npm run bench).
 */
export const EMBEDDED_SHARED_BUFFERS = "16MB";

const settings = { postgresqlconf: [`shared_buffers=${EMBEDDED_SHARED_BUFFERS}`] };

/**
 * Opens (creating when new) the embedded PostgreSQL in a data folder, or in memory for `memory://`.
 * A new database starts as a copy of the empty cluster the first one on this machine was
 * initialised with (see pglite-cluster-template.ts): PostgreSQL's initdb in WebAssembly costs
 * about 4.5 s of CPU, the copy about 1.5 s.
 */
export async function openPglite(dataDir: string, projectDir = process.cwd()): Promise<PGlite> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  if (!inMemory && fs.readdirSync(dataDir).length > 0) return started(new PGlite(dataDir, settings));

  const template = readClusterTemplate(projectDir);
  if (template) {
    const copy = new PGlite(dataDir, { ...settings, loadDataDir: template });
    try {
      return await started(copy);
    } catch (err) {
      await copy.close().catch(() => undefined);
      // A damaged copy: the folder is emptied and made by initdb as if there were none.
      console.warn(`The cached empty database could not be used (${(err as Error).message}); creating it anew.`);
      dropClusterTemplate(projectDir);
      if (!inMemory) emptyFolder(dataDir);
    }
  }
  const pg = await started(new PGlite(dataDir, settings));
  // Taken before anything is written to it: the copy is the empty cluster initdb made.
  await keepClusterTemplate(projectDir, () => pg.dumpDataDir("none"));
  return pg;
}

async function started(pg: PGlite): Promise<PGlite> {
  await pg.waitReady;
  return pg;
}

function emptyFolder(dir: string): void {
  for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}
