/**
 * Runs before `npm run dev` / `npm start`. On the embedded default: takes the data folder's
 * lock (a second start stops here with a message naming the running app), applies pending
 * migrations and seeds the demo companies into a new database (in production only with
 * SEED_DEMO=true). With DATABASE_URL nothing happens here: migrate with `npm run db:migrate`,
 * seed only on request (`npm run db:seed`).
 */
import "@/server/composition";
import { env, EnvError } from "@/server/platform/env";
import { prismaOnPglite } from "@/server/platform/db";
import { acquireLock, DatabaseLockedError, lockedMessage, secondStartTodo } from "@/server/platform/db/lock";
import { migratePglite } from "@/server/platform/db/migrations";
import { openPglite } from "@/server/platform/db/pglite";
import { demoSeedAllowed, FIRST_COMPANY_HELP } from "@/server/doors/cli/seed";
import { seedDemoData } from "@/server/seed";

async function main() {
  const e = env();
  if (!e.embedded) {
    console.log("DATABASE_URL is set: migrations run with `npm run db:migrate`, demo data with `npm run db:seed`.");
    return;
  }
  const started = Date.now();
  const lock = await acquireLock(e.PGLITE_DATA_DIR, {
    kind: "prepare",
    port: Number(process.env.PORT) || 3000,
    waitFor: ["tool"],
    message: (owner) => lockedMessage(owner, secondStartTodo(owner)),
  });
  const pg = await openPglite(e.PGLITE_DATA_DIR);
  try {
    const applied = await migratePglite(pg);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const { rows } = await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM companies");
    if (rows[0].n === 0 && demoSeedAllowed()) {
      const prisma = await prismaOnPglite(pg);
      await seedDemoData(prisma);
      await prisma.$disconnect();
      console.log("New database: demo companies seeded (logins in README).");
    } else if (rows[0].n === 0) {
      console.log(`New database without companies.\n${FIRST_COMPANY_HELP}`);
    }
    console.log(`Embedded database ready in ${e.PGLITE_DATA_DIR} (${Date.now() - started} ms).`);
  } finally {
    await pg.close();
    lock.release();
  }
}

main().catch((err) => {
  console.error(err instanceof EnvError || err instanceof DatabaseLockedError ? `\n${err.message}\n` : err);
  process.exit(1);
});
