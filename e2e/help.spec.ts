import { expect, test } from "@playwright/test";
import { logIn, shot } from "./helpers";

test("the Hilfe menu opens the user guide; Fehlerbehebung explains the error codes", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/retell");
  await expect(page.getByRole("heading", { level: 1, name: "Retell-Konfiguration" })).toBeVisible();

  await page.getByRole("button", { name: "Hilfe" }).click();
  const menu = page.getByRole("menu");
  // Help for the page being looked at comes first.
  await expect(menu.getByRole("menuitem").first()).toHaveText("Hilfe zu dieser Seite: Retell verbinden");
  await menu.getByRole("menuitem", { name: "Fehlerbehebung" }).click();

  await expect(page).toHaveURL(/\/hilfe\/fehlerbehebung$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fehlerbehebung" })).toBeVisible();
  const guideNav = page.getByRole("navigation", { name: "Seiten des Handbuchs" });
  await expect(guideNav.getByRole("link", { name: "Fehlerbehebung" })).toHaveAttribute("aria-current", "page");

  // A code in the overview table leads to its section with the German message and what to do.
  await page.getByRole("link", { name: "3006", exact: true }).click();
  await expect(page).toHaveURL(/#fehler-3006$/);
  const section = page.getByRole("heading", { level: 3, name: "Fehler 3006" });
  await expect(section).toBeVisible();
  await expect(page.getByText("„Für diese Aktion fehlt Ihnen die Berechtigung.“", { exact: false }).first()).toBeVisible();
  await shot(page, "hilfe-fehlerbehebung");

  // Links between guide pages stay inside the dashboard.
  await guideNav.getByRole("link", { name: "Retell verbinden" }).click();
  await expect(page).toHaveURL(/\/hilfe\/retell-verbinden$/);
  await page.getByRole("link", { name: "Fehlerbehebung", exact: true }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Fehlerbehebung" })).toBeVisible();

  // The API page ends with every method of the registry.
  await guideNav.getByRole("link", { name: "Schnittstelle für Entwickler" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Alle Methoden" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Methoden von appointments" }).getByText("appointments.book", { exact: true })).toBeVisible();
});

test("the team reads the guide too; an unknown help page is not found", async ({ page }) => {
  await logIn(page, "staff");
  await page.getByRole("button", { name: "Hilfe" }).click();
  await page.getByRole("menuitem", { name: "Übersicht des Handbuchs" }).click();
  await expect(page).toHaveURL(/\/hilfe$/);
  await expect(page.getByRole("heading", { level: 1, name: "Handbuch für AskProAI" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Erste Schritte" }).first()).toBeVisible();

  await page.goto("/hilfe/gibt-es-nicht");
  await expect(page.getByText("Seite nicht gefunden")).toBeVisible();
});
