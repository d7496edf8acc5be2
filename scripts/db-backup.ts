/**
 * npm run db:backup [-- --out file]
 * Embedded default: a consistent copy of .data/pglite (gzip tar), also while the app runs (the
 * running app makes it); default file .data/backups/pglite-<date>-<time>.tar.gz.
 * With DATABASE_URL: pg_dump in its custom format (printed when pg_dump is not installed).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { cliMain } from "@/server/doors/cli/run";
import { runPgTool } from "@/server/platform/db/pg-tools";
import { env } from "@/server/platform/env";

const e = env();
if (e.DATABASE_URL) {
  let values: { out?: string } = {};
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" } } }));
  } catch (err) {
    console.error(`${(err as Error).message}\nUsage: npm run db:backup [-- --out <file>]`);
    process.exit(2);
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const file = path.resolve(values.out ?? path.join(".data", "backups", `postgres-${stamp}.dump`));
  process.exitCode = runPgTool("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, e.DATABASE_URL], file);
} else {
  void cliMain("db:backup");
}
