/**
 * npm run db:restore -- <file>
 * Embedded default: restores a backup of `npm run db:backup` into .data/pglite while the app is
 * stopped (refused while it runs); the old folder is kept aside, next to it.
 * With DATABASE_URL: pg_restore --clean of a pg_dump file into that database.
 */
import fs from "node:fs";
import { restorePgliteFolder } from "@/server/platform/db/backup";
import { DatabaseLockedError, lockedMessage, tryAcquire } from "@/server/platform/db/lock";
import { runPgTool } from "@/server/platform/db/pg-tools";
import { env } from "@/server/platform/env";

const USAGE = "Usage: npm run db:restore -- <backup file>";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`${file} does not exist.\n${USAGE}`);
    return 2;
  }
  const e = env();
  if (e.DATABASE_URL) return runPgTool("pg_restore", ["--clean", "--if-exists", "--no-owner", `--dbname=${e.DATABASE_URL}`, file], file);

  const attempt = tryAcquire(e.PGLITE_DATA_DIR, { kind: "tool" });
  if (!("lock" in attempt)) {
    if (!attempt.owner) throw new Error("The database folder is being taken over by another process; try again.");
    throw new DatabaseLockedError(
      attempt.owner,
      lockedMessage(attempt.owner, {
        de: "Eine Sicherung wird nur in die Datenbank der gestoppten App zurückgespielt: App beenden, dann erneut versuchen.",
        en: "A backup is only restored into a stopped app's database: stop the app, then try again.",
      }),
    );
  }
  try {
    const { keptAside } = await restorePgliteFolder(e.PGLITE_DATA_DIR, file);
    console.log(`Restored ${file} into ${e.PGLITE_DATA_DIR}.`);
    if (keptAside) console.log(`The previous database is kept in ${keptAside} (delete it once the app runs well).`);
    console.log("Start the app as usual (npm run dev / npm start).");
    return 0;
  } finally {
    attempt.lock.release();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
