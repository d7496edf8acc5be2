/**
 * Runs before `npm run dev` / `npm start`. On the embedded default: applies pending migrations
 * to the PGlite data folder and seeds the demo company into a new database. With DATABASE_URL
 * nothing happens here: migrate with `npm run db:migrate`, seed only on request (`npm run db:seed`).
 */
import { env, EnvError } from "@/server/env";
import { prismaOnPglite } from "@/server/db";
import { migratePglite } from "@/server/db/migrations";
import { openPglite } from "@/server/db/pglite";
import { seedDemoData } from "@/server/seed";

async function main() {
  const e = env();
  if (!e.embedded) {
    console.log("DATABASE_URL is set: migrations run with `npm run db:migrate`, demo data with `npm run db:seed`.");
    return;
  }
  const started = Date.now();
  const pg = await openPglite(e.PGLITE_DATA_DIR);
  try {
    const applied = await migratePglite(pg);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const { rows } = await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM companies");
    if (rows[0].n === 0) {
      const prisma = await prismaOnPglite(pg);
      await seedDemoData(prisma);
      await prisma.$disconnect();
      console.log("New database: demo companies seeded (logins in README).");
    }
    console.log(`Embedded database ready in ${e.PGLITE_DATA_DIR} (${Date.now() - started} ms).`);
  } finally {
    await pg.close();
  }
}

main().catch((err) => {
  console.error(err instanceof EnvError ? err.message : err);
  process.exit(1);
});
