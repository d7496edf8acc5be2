import { seedDemoData } from "@/server/seed";
import { DEMO_COMPANY_SLUG } from "@/server/seed/demo";
import type { Operation } from "./types";

/**
 * Demo data goes only where it is asked for: in development unless SEED_DEMO=false, in
 * production only with SEED_DEMO=true, because the demo logins and the demo Retell key are public.
 */
export function demoSeedAllowed(source: Record<string, string | undefined> = process.env): boolean {
  if (/^(false|0|no)$/i.test(source.SEED_DEMO ?? "")) return false;
  return source.NODE_ENV !== "production" || /^(true|1|yes)$/i.test(source.SEED_DEMO ?? "");
}

export const FIRST_COMPANY_HELP = [
  "No demo data (production, or SEED_DEMO=false). To set up the first company and its admin:",
  "  open <APP_URL>/einrichtung and enter the set-up code the app prints in its log at start, or",
  '  npm run company:create -- --name "Salon Müller" --branch "Salon Müller Mitte" --state BY --admin-email you@example.de --admin-name "Ihr Name"',
  "  (SEED_DEMO=true npm run db:seed seeds the public demo companies instead, for trying the product out.)",
  "All of these work while the app runs.",
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
