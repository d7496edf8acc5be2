import { expect, test } from "@playwright/test";
import { expectNoPageOverflow, logIn, shot } from "./helpers";

const ADMIN_SECTIONS = ["Retell-Konfiguration", "Funktionen", "Agenten & Nummern", "API-Tokens", "Protokoll", "Webhook-Ereignisse", "Einstellungen"];
const STAFF_SECTIONS = ["Übersicht", "Termine", "Anrufe", "Rückrufe", "Kunden", "Wissen", "Warteschlange"];

test("staff see no admin sections and get 'Keine Berechtigung' on /einstellungen", async ({ page }) => {
  await logIn(page, "staff");
  await expect(page.getByTestId("user-role")).toHaveText("Team");

  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link")).toHaveText(STAFF_SECTIONS);
  for (const name of ADMIN_SECTIONS) await expect(nav.getByRole("link", { name })).toHaveCount(0);

  await page.goto("/einstellungen");
  await expect(page.getByRole("heading", { name: "Keine Berechtigung" })).toBeVisible();
  await expect(page.getByText("Buchungsregeln: Taktung")).toHaveCount(0);
  await shot(page, "keine-berechtigung");

  await page.goto("/api-tokens");
  await expect(page.getByRole("heading", { name: "Keine Berechtigung" })).toBeVisible();
});

test("admins open every section; each shows its heading and real figures or an honest empty state", async ({ page }) => {
  await logIn(page, "admin");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });

  const expectations: Array<[string, string, RegExp | null]> = [
    ["Termine", "/termine", null],
    ["Anrufe", "/anrufe", null],
    ["Retell-Konfiguration", "/retell", /Ein Verbindungstest mit Statuscode/],
    ["Funktionen", "/funktionen", /Noch keine eigenen Funktionen angelegt\./],
    ["Agenten & Nummern", "/agenten", null],
    ["API-Tokens", "/api-tokens", /Noch keine API-Tokens angelegt\./],
    ["Wissen", "/wissen", null],
    ["Warteschlange", "/warteschlange", null],
    ["Einstellungen", "/einstellungen", /Buchungsregeln: Taktung/],
  ];
  for (const [title, path, text] of expectations) {
    await nav.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(nav.getByRole("link", { name: title })).toHaveAttribute("aria-current", "page");
    if (text) await expect(page.getByText(text)).toBeVisible();
    await shot(page, path.slice(1));
  }
  // Seeded: three knowledge entries and the demo phone number bound to an agent.
  await page.goto("/wissen");
  await expect(page.getByTestId("stat-Aktive Einträge")).toHaveText("3");
  await page.goto("/agenten");
  await expect(page.getByTestId("stat-Mit Agent verbunden")).toHaveText("1");
});

test("on a tablet the navigation opens as a drawer", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "admin");
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeHidden();
  await expect(page.getByRole("table", { name: "Nächste Termine" })).toBeVisible();
  await expectNoPageOverflow(page, "page wider than the tablet screen");
  const table = page.getByRole("table", { name: "Nächste Termine" });
  const headerCells = await table.locator("thead th:visible").count();
  expect(await table.locator("tbody tr").first().locator("td:visible").count()).toBe(headerCells);
  await shot(page, "tablet-uebersicht");

  await page.getByRole("button", { name: "Navigation öffnen" }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("link", { name: "Anrufe" })).toBeVisible();
  await shot(page, "tablet-navigation");
  await drawer.getByRole("link", { name: "Anrufe" }).click();
  await expect(page).toHaveURL(/\/anrufe$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
