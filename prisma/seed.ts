/** `npm run db:seed`: seeds the demo company into the configured database (once). */
import { closeDb, getDb } from "@/server/db";
import { DEMO_COMPANY_SLUG, seedDemo } from "@/server/seed/demo";

async function main() {
  const prisma = await getDb();
  if (await prisma.company.findUnique({ where: { slug: DEMO_COMPANY_SLUG } })) {
    console.log(`Company '${DEMO_COMPANY_SLUG}' exists already; nothing seeded.`);
    return;
  }
  await seedDemo(prisma);
  console.log(`Demo company '${DEMO_COMPANY_SLUG}' seeded.`);
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(closeDb);
