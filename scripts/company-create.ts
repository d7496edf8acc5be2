/**
 * npm run company:create -- --name "Salon Müller" --branch "Salon Müller Mitte" --state BY \
 *   --admin-email inhaberin@salon-mueller.de --admin-name "Eva Müller"
 * A company with its first branch and admin. Works while the app runs, through the app.
 */
import { cliMain } from "@/server/doors/cli/run";

void cliMain("company:create");
