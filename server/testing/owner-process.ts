/**
 * A process owning an embedded data folder the way the app does (signal tests):
 *   PGLITE_DATA_DIR=… node --import tsx server/testing/owner-process.ts [--like-next]
 * With --like-next a SIGTERM/SIGINT handler that exits shortly after is registered first, as
 * Next's server does. Writes a row, prints READY, then serves until signalled.
 */
import "@/server/composition";
import { getDb, getDbHandles } from "@/server/platform/db";
import { becomeDatabaseOwner } from "@/server/doors/cli/app-owner";
import { migratePglite } from "@/server/platform/db/migrations";

if (process.argv.includes("--like-next")) {
  const exitSoon = (code: number) => () => setTimeout(() => process.exit(code), 200);
  process.on("SIGTERM", exitSoon(143));
  process.on("SIGINT", exitSoon(130));
}

async function main() {
  await becomeDatabaseOwner(async () => void process.stdout.write("STOPPING\n"));
  const { pglite } = await getDbHandles();
  await migratePglite(pglite!);
  const db = await getDb();
  await db.company.create({ data: { name: "Vor dem Signal", slug: `vor-${process.pid}` } });
  process.stdout.write("READY\n");
  setInterval(() => {}, 60_000);
}

void main();
