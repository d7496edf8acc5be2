import { expect, test } from "@playwright/test";
import { logIn, shot } from "./helpers";

/**
 * The Fehler page without Sentry configured (the e2e run sets no SENTRY_* variables): admins see
 * the app's own error store named as the source; staff have no entry and no access.
 */
test("admins see recent errors from the app's own store; staff may not", async ({ page }) => {
  await logIn(page, "admin");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await nav.getByRole("link", { name: "Fehler" }).click();
  await expect(page).toHaveURL(/\/fehler$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fehler" })).toBeVisible();
  await expect(page.getByTestId("error-source")).toContainText("Quelle: Protokoll der App");
  await expect(page.getByRole("table", { name: "Fehler" }).or(page.getByText("Keine Fehler in diesem Zeitraum."))).toBeVisible();
  await shot(page, "fehler");
});

test("staff get 'Keine Berechtigung' on /fehler", async ({ page }) => {
  await logIn(page, "staff");
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Fehler" })).toHaveCount(0);
  await page.goto("/fehler");
  await expect(page.getByRole("heading", { name: "Keine Berechtigung" })).toBeVisible();
});
