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

/**
 * A day `minDaysAhead` or more days after today in Berlin whose Berlin weekday passes `ok`
 * (0 = Sunday), as dd.MM.yyyy. Counted on Berlin's calendar, so a run near midnight UTC does
 * not land on the neighbouring weekday.
 */
export function berlinDayAhead(minDaysAhead: number, ok: (weekday: number) => boolean): string {
  const berlin = (d: Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", ...opts }).format(d);
  const [m, d, y] = berlin(new Date(), { year: "numeric", month: "2-digit", day: "2-digit" }).split("/").map(Number);
  // Noon UTC of Berlin's today: adding whole days never crosses into another Berlin date by the offset.
  const day = new Date(Date.UTC(y!, m! - 1, d! + minDaysAhead, 12));
  while (!ok(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
  return `${String(day.getUTCDate()).padStart(2, "0")}.${String(day.getUTCMonth() + 1).padStart(2, "0")}.${day.getUTCFullYear()}`;
}
