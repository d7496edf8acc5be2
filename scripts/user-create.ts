/**
 * npm run user:create -- --company demo --email anna@example.de --name "Anna Beispiel" [--role admin|staff] [--password ...]
 * Without --password a strong one is generated and printed once. Works while the app runs, through the app.
 */
import { cliMain } from "@/server/doors/cli/run";

void cliMain("user:create");
