/**
 * The demo logins (README), apart from the seed itself so that the Playwright specs can read
 * them without loading server code.
 */
export const DEMO_USERS = {
  admin: { email: "admin@salon-demo.de", password: "Demo-Admin-2026", name: "Petra Schön", role: "admin" as const },
  staff: { email: "team@salon-demo.de", password: "Demo-Team-2026", name: "Tim Team", role: "staff" as const },
};

export const OTHER_DEMO_USERS = {
  otherAdmin: { email: "admin@physio-demo.de", password: "Demo-Physio-2026", name: "Jan Park", role: "admin" as const },
};
