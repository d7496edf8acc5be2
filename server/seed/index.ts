/** Everything a new demo database gets: used by `npm run dev` / `npm start` on a new embedded database and `npm run db:seed`. */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { seedDemo } from "./demo";
import { seedDemoCalls } from "./demo-calls";
import { seedOtherDemoCompany } from "./other-company";

export async function seedDemoData(prisma: PrismaClient, opts: { now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const demoId = await seedDemo(prisma, { now });
  await seedDemoCalls(prisma, demoId, { now });
  await seedOtherDemoCompany(prisma, { now });
}
