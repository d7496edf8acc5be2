import { seedDemoData } from "@/server/seed";
import { DEMO_COMPANY_SLUG } from "@/server/seed/demo";
import type { Operation } from "./types";

/**
 * Demo data goes only where it is asked for: always in development, in production only with
 * SEED_DEMO=true, because the demo logins and the demo Retell key are public.
 */
export function demoSeedAllowed(source: Record<string, string | undefined> = process.env): boolean {
  return source.NODE_ENV !== "production" || /^(true|1|yes)$/i.test(source.SEED_DEMO ?? "");
}

export const FIRST_COMPANY_HELP = [
  "Demo data is not seeded in production (its logins and Retell key are public). To set up the first company and admin:",
  "  SEED_DEMO=true npm run db:seed      seeds the demo companies once; then give them your own data and logins",
  '  npm run user:create -- --company demo --email you@example.de --name "Ihr Name" --role admin',
  "Both work while the app runs.",
].join("\n");

/**
 * `npm run db:seed`: the demo companies, once. `--production` / `--seed-demo` carry the caller's
 * NODE_ENV and SEED_DEMO, so the running app refuses what the caller's environment would.
 */
export const seed: Operation = async ({ db, out }, argv) => {
  const production = argv.includes("--production") || process.env.NODE_ENV === "production";
  if (production && !argv.includes("--seed-demo")) {
    out(FIRST_COMPANY_HELP);
    return 1;
  }
  if (await db.company.findUnique({ where: { slug: DEMO_COMPANY_SLUG }, select: { id: true } })) {
    out(`Company '${DEMO_COMPANY_SLUG}' exists already; nothing seeded.`);
    return 0;
  }
  await seedDemoData(db);
  out("Demo companies seeded (logins in README).");
  return 0;
};
