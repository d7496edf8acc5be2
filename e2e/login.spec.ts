import { expect, test } from "@playwright/test";
import { DEMO_USERS, logIn, shot } from "./helpers";

test("admin logs in, sees the overview with figures from the database, and logs out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await expect(page.getByLabel("E-Mail")).toHaveAttribute("autocomplete", "username");
  await expect(page.getByLabel("Passwort")).toHaveAttribute("autocomplete", "current-password");
  await shot(page, "login");

  await logIn(page, "admin");
  await expect(page).toHaveURL(/\/uebersicht$/);
  await expect(page).toHaveTitle("Übersicht · AskProAI");
  await expect(page.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
  await expect(page.getByTestId("company-name")).toHaveText("Salon Schönschnitt");
  await expect(page.getByTestId("user-role")).toHaveText("Administration");

  // The demo seed: six customers and nine appointments on the coming working days.
  await expect(page.getByTestId("stat-Kundschaft")).toHaveText("6");
  await expect(page.getByTestId("stat-Anstehende Termine")).toHaveText("9");
  await expect(page.getByTestId("stat-Termine heute")).toHaveText("0");
  await expect(page.getByTestId("stat-Anrufe heute")).toHaveText("0");

  const rows = page.getByRole("table", { name: "Nächste Termine" }).locator("tbody tr");
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await expect(rows.first()).toContainText(/\d{2}:\d{2}–\d{2}:\d{2}/);
  await expect(rows.first()).toContainText("Maria Müller");
  await expect(rows.first()).toContainText("Damenhaarschnitt");
  await shot(page, "uebersicht");

  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link")).toHaveCount(20); // every section of components/dashboard/nav-items.ts, "Fehler", "Kunden", "Rückrufe", "Protokoll" and "Webhook-Ereignisse" included
  await expect(nav.getByRole("link", { name: "Übersicht" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/uebersicht");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password shows the German error on the form", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-Mail").fill(DEMO_USERS.admin.email);
  await page.getByLabel("Passwort").fill("falsches-passwort");
  await page.getByRole("button", { name: "Anmelden" }).click();
  const error = page.locator("#login-error");
  await expect(error).toHaveText("E-Mail oder Passwort ist falsch.");
  await expect(error).toHaveAttribute("role", "alert");
  await expect(page).toHaveURL(/\/login$/);
  await shot(page, "login-fehler");

  // An unknown address gets exactly the same answer.
  await page.getByLabel("E-Mail").fill("niemand@salon-demo.de");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(error).toHaveText("E-Mail oder Passwort ist falsch.");
});

test("a logged-out visit to /termine leads to the login and back to /termine", async ({ page }) => {
  await page.goto("/termine");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftermine$/);
  await logIn(page, "staff", page.url());
  await expect(page).toHaveURL(/\/termine$/);
  await expect(page.getByRole("heading", { level: 1, name: "Termine" })).toBeVisible();
  await expect(page.getByTestId("stat-Anstehende Termine")).toHaveText("9");
  await shot(page, "termine");

  // A foreign callbackUrl is ignored.
  await page.context().clearCookies();
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await logIn(page, "staff", page.url());
  await expect(page).toHaveURL(/127\.0\.0\.1:3100\/uebersicht$/);
});
