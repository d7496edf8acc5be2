import { expect, test } from "@playwright/test";
import { expectNoPageOverflow, logIn, shot } from "./helpers";

const PRAXIS = "Praxis Dr. Weber – Rezeption";
const SALON = "Salon Schnitt – Telefon";
const NUMBER = "+49301234567";

test("Agenten & Nummern: agents with versions from Retell; a number is bound to an agent version and stays bound", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/agenten");
  await expect(page.getByRole("heading", { level: 1, name: "Agenten & Nummern" })).toBeVisible();
  await expect(page.getByTestId("stat-Mit Agent verbunden")).toHaveText("1");

  const praxis = page.getByRole("table", { name: `Versionen von ${PRAXIS}` });
  await expect(praxis.getByRole("row", { name: /Version 1/ })).toContainText("veröffentlicht · neueste");
  await expect(praxis.getByRole("row", { name: /Version 2/ })).toContainText("Entwurf");
  const row = page.getByRole("table", { name: "Rufnummern" }).getByTestId(`number-${NUMBER}`);
  await expect(row).toContainText(PRAXIS);
  await expect(row).toContainText("Ihre Nummer");

  // Bind the salon's number to version 1 of the other agent.
  const form = page.getByRole("form", { name: "Rufnummer zuordnen" });
  await expect(form.getByRole("combobox", { name: "Rufnummer" })).toHaveText(NUMBER);
  await form.getByRole("combobox", { name: "Agent" }).click();
  await page.getByRole("option", { name: SALON }).click();
  await form.getByRole("combobox", { name: "Version" }).click();
  await page.getByRole("option", { name: "Version 1", exact: true }).click();
  await form.getByRole("button", { name: "Zuordnen" }).click();
  await expect(page.getByText(`${NUMBER} nimmt Anrufe jetzt mit „${SALON}“ an (Version 1).`)).toBeVisible();
  await expect(row).toContainText(SALON);
  await expect(row).toContainText("Version 1");
  await shot(page, "agenten-nummern");

  await page.reload();
  await expect(row).toContainText(SALON);
  await expect(row).toContainText("Version 1");
  await expect(page.getByTestId("stat-Mit Agent verbunden")).toHaveText("1");

  // Publish a draft after a confirmation: the badge moves.
  await praxis.getByRole("button", { name: `Version 2 von „${PRAXIS}“ veröffentlichen` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByText(`Version 2 von „${PRAXIS}“ ist veröffentlicht.`)).toBeVisible();
  await expect(praxis.getByRole("row", { name: /Version 2/ })).toContainText("veröffentlicht · neueste");
  await expect(praxis.getByRole("row", { name: /Version 1/ })).toContainText("veröffentlicht");
  await expect(praxis.getByRole("row", { name: /Version 1/ })).not.toContainText("neueste");
});

test("Agenten & Nummern without a Retell key: a clear 'nicht verbunden' with the way to the key; fits a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "otherAdmin");
  await page.goto("/agenten");
  const notConnected = page.getByTestId("retell-not-connected");
  await expect(notConnected).toContainText("Retell ist nicht verbunden");
  await expect(notConnected).toContainText("Bitte hinterlegen Sie zuerst den Retell-API-Schlüssel.");
  await expect(page.locator("body")).not.toContainText(/Error:|at \w+ \(/);
  await expectNoPageOverflow(page, "page wider than the tablet screen");
  await shot(page, "agenten-nicht-verbunden");

  await notConnected.getByRole("link", { name: "Retell-API-Schlüssel hinterlegen" }).click();
  await expect(page).toHaveURL(/\/retell#api-key$/);
  await expect(page.locator("#api-key").getByLabel("Retell-API-Schlüssel")).toBeVisible();
});

test("staff are refused the Retell pages", async ({ page }) => {
  await logIn(page, "staff");
  for (const path of ["/retell", "/funktionen", "/agenten"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Keine Berechtigung" })).toBeVisible();
  }
});
