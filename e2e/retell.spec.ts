import { expect, test, type Page } from "@playwright/test";
import { expectNoPageOverflow, logIn, shot } from "./helpers";

const event = (page: Page, label: string) => page.getByRole("checkbox", { name: new RegExp(`^${label}`) });

async function saveEvents(page: Page) {
  await page.getByRole("button", { name: "Ereignisse speichern" }).click();
  await expect(page.getByText("Die Ereignisse wurden gespeichert.")).toBeVisible();
}

test("Retell-Konfiguration: webhook address, masked key with reveal, events kept after reload, webhook test with status and time", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/retell");
  await expect(page.getByRole("heading", { level: 1, name: "Retell-Konfiguration" })).toBeVisible();
  // APP_URL of the e2e server is the app itself.
  await expect(page.getByRole("textbox", { name: "Webhook-URL" })).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/api\/mcp\/retell\/webhook$/);
  await expect(page.getByRole("button", { name: "Webhook-URL kopieren" })).toBeVisible();
  // 127.0.0.1 over http only works on this machine: the page says so and what to do.
  const warning = page.getByTestId("webhook-address-warning");
  await expect(warning).toContainText("Adresse aus dem Internet nicht erreichbar");
  await expect(warning).toContainText("Retell kann diese Adresse nicht erreichen: 127.0.0.1 ist nur im eigenen Netz erreichbar");
  await expect(warning).toContainText("Tragen Sie die öffentliche Adresse in APP_URL ein");

  // The signing key is the Retell API key: masked, in clear only on an explicit reveal.
  const key = page.getByTestId("signing-key");
  await expect(key).toHaveValue("demo••••••••-key");
  await expect(page.locator("body")).not.toContainText("demo-retell-key");
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(key).toHaveValue("demo-retell-key");
  await page.getByRole("button", { name: "Verbergen" }).click();
  await expect(key).toHaveValue("demo••••••••-key");

  // Events: the defaults, changed, kept after a reload.
  await expect(event(page, "Gesprächsbeginn")).toBeChecked();
  await expect(event(page, "Transkript aktualisiert")).not.toBeChecked();
  await event(page, "Gesprächsbeginn").click();
  await event(page, "Transkript aktualisiert").click();
  await saveEvents(page);
  await page.reload();
  await expect(event(page, "Gesprächsbeginn")).not.toBeChecked();
  await expect(event(page, "Transkript aktualisiert")).toBeChecked();
  await expect(event(page, "Gesprächsende")).toBeChecked();

  // None at all is refused at the field, by updateWebhookSettings' own schema.
  for (const label of ["Transkript aktualisiert", "Gesprächsende", "Gesprächsauswertung"]) await event(page, label).click();
  await page.getByRole("button", { name: "Ereignisse speichern" }).click();
  await expect(page.getByText("Mindestens ein Ereignis auswählen.")).toBeVisible();
  await expect(page.getByRole("group").filter({ has: event(page, "Gesprächsende") })).toHaveAttribute("aria-invalid", "true");

  // Webhook test: a signed test event to the app's own webhook.
  await page.getByRole("button", { name: "Webhook testen" }).click();
  const result = page.getByTestId("webhook-test-result");
  await expect(result).toContainText("Test erfolgreich");
  await expect(result).toContainText("Statuscode: HTTP 200");
  await expect(result).toContainText(/Antwortzeit: \d+ ms/);
  const last = page.getByTestId("last-webhook-test");
  await expect(last).toContainText("Erfolgreich");
  await expect(last).toContainText("HTTP 200");
  await shot(page, "retell-konfiguration");

  await page.reload();
  await expect(page.getByTestId("last-webhook-test")).toContainText(/Zeitpunkt\s*\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  await expect(page.getByTestId("last-webhook-test")).toContainText(/Dauer\s*\d+ ms/);

  // Back to the defaults, through the page: the seeded state stays as other specs expect it.
  await event(page, "Gesprächsbeginn").click();
  await event(page, "Transkript aktualisiert").click();
  await saveEvents(page);
  await page.reload();
  await expect(event(page, "Gesprächsbeginn")).toBeChecked();
  await expect(event(page, "Transkript aktualisiert")).not.toBeChecked();
});

test("Retell-API-Schlüssel: write-only; a key Retell refuses does not replace the stored one", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/retell");
  const card = page.locator("#api-key");
  await expect(card.getByTestId("api-key-status")).toContainText("Verbunden");
  const input = card.getByLabel("Neuer Retell-API-Schlüssel");
  await expect(input).toHaveAttribute("type", "password");
  await expect(input).toHaveValue("");

  await input.fill("kurz");
  await card.getByRole("button", { name: "Schlüssel ersetzen" }).click();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  await input.fill("key_den_retell_nicht_kennt");
  await card.getByRole("button", { name: "Schlüssel ersetzen" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Retell-API-Schlüssel ersetzen?" });
  await expect(confirm).toContainText("demo••••••••-key");
  await confirm.getByRole("button", { name: "Schlüssel ersetzen" }).click();
  await expect(card.getByText("Der Retell-API-Schlüssel ist ungültig.")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("signing-key")).toHaveValue("demo••••••••-key");
  await expect(page.locator("#api-key").getByLabel("Neuer Retell-API-Schlüssel")).toHaveValue("");
});

test("Retell-Konfiguration without a Retell key, on a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "otherAdmin");
  await page.goto("/retell");
  await expect(page.getByText("Noch kein Retell-API-Schlüssel hinterlegt.")).toBeVisible();
  await expect(page.locator("#api-key").getByTestId("api-key-status")).toHaveText("Nicht verbunden");
  await expect(page.getByRole("button", { name: "Webhook testen" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Schlüssel speichern" })).toBeDisabled();
  await expectNoPageOverflow(page, "page wider than the tablet screen");
  await shot(page, "retell-nicht-verbunden-tablet");
});
