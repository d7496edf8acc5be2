/**
 * `npm run db:seed`: seeds the demo companies into the configured database (once); in
 * production only with SEED_DEMO=true. Works while the app runs, through the app.
 */
import { cliMain } from "@/server/doors/cli/run";

const flags = [
  ...(process.env.NODE_ENV === "production" ? ["--production"] : []),
  ...(/^(true|1|yes)$/i.test(process.env.SEED_DEMO ?? "") ? ["--seed-demo"] : []),
];
void cliMain("db:seed", [...process.argv.slice(2), ...flags]);
