/** `npm run db:seed`: seeds the demo companies into the configured database (once). */
import { closeDb, getDb } from "@/server/db";
import { seedDemoData } from "@/server/seed";
import { DEMO_COMPANY_SLUG } from "@/server/seed/demo";

async function main() {
  const prisma = await getDb();
  if (await prisma.company.findUnique({ where: { slug: DEMO_COMPANY_SLUG } })) {
    console.log(`Company '${DEMO_COMPANY_SLUG}' exists already; nothing seeded.`);
    return;
  }
  await seedDemoData(prisma);
  console.log("Demo companies seeded (logins in README).");
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(closeDb);
