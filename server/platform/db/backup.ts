import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * A consistent copy of a running embedded database: a checkpoint, then PGlite's data-folder
 * dump (gzip tar), taken while no other query runs. Restored by `restorePgliteFolder`.
 */
export async function dumpPglite(pg: PGlite): Promise<Uint8Array> {
  await pg.exec("CHECKPOINT");
  const dump = await pg.dumpDataDir("gzip");
  return new Uint8Array(await dump.arrayBuffer());
}

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

/** `.data/backups/pglite-20261128-142300.tar.gz` next to the data folder. */
export function defaultBackupFile(dataDir: string, now = new Date()): string {
  const abs = path.resolve(dataDir);
  return path.join(path.dirname(abs), "backups", `${path.basename(abs)}-${stamp(now)}.tar.gz`);
}

/** Writes the file completely or not at all, readable by its owner only (it holds password hashes). */
export function writeBackupFile(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Restores a backup into a data folder no process has open: the dump is unpacked into a new
 * folder and opened once to prove it is a working database with migrations; only then the old
 * folder is moved aside (returned) and the new one takes its name.
 */
export async function restorePgliteFolder(dataDir: string, file: string, now = new Date()): Promise<{ keptAside: string | null }> {
  const target = path.resolve(dataDir);
  const bytes = fs.readFileSync(file);
  const fresh = `${target}.restoring-${stamp(now)}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh, { recursive: true });
  try {
    const pg = new PGlite(fresh, { loadDataDir: new Blob([bytes]) });
    try {
      await pg.waitReady;
      await pg.query(`SELECT count(*) FROM "_prisma_migrations"`);
    } finally {
      await pg.close();
    }
  } catch (err) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw new Error(`${file} is not a backup of this app's embedded database: ${(err as Error).message}`);
  }
  let keptAside: string | null = null;
  if (fs.existsSync(target)) {
    keptAside = `${target}.before-restore-${stamp(now)}`;
    fs.renameSync(target, keptAside);
  }
  fs.renameSync(fresh, target);
  return { keptAside };
}
