import { expect, type Page } from "@playwright/test";
import { DEMO_USERS as SALON_USERS, OTHER_DEMO_USERS } from "../server/seed/logins";

/** The seeded logins: the salon's admin and staff user, and the admin of the second company. */
export const DEMO_USERS = { ...SALON_USERS, ...OTHER_DEMO_USERS };

/** Keeps a full-page screenshot of what the test saw, under test-results/screenshots/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export async function logIn(page: Page, who: keyof typeof DEMO_USERS, path = "/login"): Promise<void> {
  const user = DEMO_USERS[who];
  await page.goto(path);
  await page.getByLabel("E-Mail").fill(user.email);
  await page.getByLabel("Passwort").fill(user.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  // Generous: the first login of a fresh server also opens the embedded database.
  await expect(page.getByTestId("user-name")).toHaveText(user.name, { timeout: 30_000 });
}
