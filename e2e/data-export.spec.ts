import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { choose, logIn, shot } from "./helpers";

test("Daten: figures of the company and its data as JSON and CSV downloads", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/einstellungen?bereich=daten");
  await expect(page.getByRole("tab", { name: "Daten" })).toHaveAttribute("aria-selected", "true");

  const figures = page.getByRole("region", { name: "Kennzahlen" });
  await expect(figures.getByText("Buchungsquote")).toBeVisible();
  await expect(figures.getByRole("list", { name: "Termine je Tag" }).getByRole("listitem")).toHaveCount(30);
  await expect(page.getByRole("region", { name: "Datenbank" }).getByText(/von \d+ angewendet/)).toBeVisible();
  await shot(page, "settings-daten");

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Alles als JSON herunterladen" }).click()]);
  expect(json.suggestedFilename()).toMatch(/^askproai-demo-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(fs.readFileSync((await json.path())!, "utf8")) as { entities: Record<string, unknown[]> };
  expect(doc.entities.customers.length).toBeGreaterThan(0);

  await choose(page, page, "Ein Bereich als CSV (für Excel)", "Termine");
  const csvLink = page.getByRole("link", { name: "CSV herunterladen" });
  await expect(csvLink).toHaveAttribute("href", /entity=appointments/);
  const [csv] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  expect(csv.suggestedFilename()).toMatch(/^askproai-demo-appointments-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await csv.path())!, "utf8");
  expect(text.startsWith("\uFEFFID;Filiale (ID);")).toBe(true);
});

test("Daten: staff do not get the download", async ({ page }) => {
  await logIn(page, "staff");
  const res = await page.request.get("/api/export?format=json");
  expect(res.status()).toBe(403);
});
