import path from "node:path";
import { parseArgs } from "node:util";
import { defaultBackupFile, dumpPglite, writeBackupFile } from "@/server/platform/db/backup";
import type { Operation } from "./types";

/** `npm run db:backup [-- --out file]` on the embedded database: a consistent copy, also while the app runs. */
export const backup: Operation = async ({ pglite, cwd, out }, argv) => {
  if (!pglite) {
    out("db:backup here copies the embedded database; with DATABASE_URL it runs pg_dump.");
    return 1;
  }
  let values: { out?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: "string" } } }));
  } catch (err) {
    out(`${(err as Error).message}\nUsage: npm run db:backup [-- --out <file>]`);
    return 2;
  }
  const file = values.out ? path.resolve(cwd, values.out) : defaultBackupFile(pglite.dataDir ?? path.join(cwd, ".data", "pglite"));
  const started = Date.now();
  const bytes = await dumpPglite(pglite);
  writeBackupFile(file, bytes);
  out(`Backup written: ${file} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ${Date.now() - started} ms).`);
  out(`Restore with the app stopped: npm run db:restore -- ${path.relative(cwd, file) || file}`);
  return 0;
};
