import { expect, test } from "@playwright/test";
import { signRetell } from "../server/integrations/retell/signature";
import { berlinDayAhead, logIn, shot } from "./helpers";

/**
 * Callers hear back: the salon's admin connects an SMS provider (the fake Twilio of the e2e run),
 * sends a test SMS, rewords the confirmation and sees the preview with its length; a phone
 * booking then gets that confirmation by SMS, shown as delivered on the appointment's page.
 */
const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

test("SMS provider, test SMS, template with preview, and a booking's confirmation delivered", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, "admin");
  await page.goto("/nachrichten");
  await expect(page.getByRole("heading", { level: 1, name: "Nachrichten" })).toBeVisible();

  // The provider: Twilio with an account of the fake.
  await page.getByRole("combobox", { name: "SMS-Anbieter" }).click();
  await page.getByRole("option", { name: "Twilio" }).click();
  await page.getByLabel("Account SID").fill("AC00000000000000000000000000000001");
  await page.getByLabel("Auth Token").fill("e2e-twilio-auth-token-0001");
  await page.getByLabel("Absender").fill("Salon");
  await page.getByRole("button", { name: "Speichern" }).first().click();
  await expect(page.getByText(/gespeichert/).first()).toBeVisible();

  await page.getByLabel("Nummer für die Test-SMS").fill("0171 5550101");
  await page.getByRole("button", { name: "Test-SMS senden" }).click();
  await expect(page.getByText(/Test-SMS an \+491715550101 gesendet/)).toBeVisible();
  await shot(page, "nachrichten-sms");

  // The confirmation's wording, with its preview and length.
  await page.getByRole("tab", { name: "Vorlagen" }).click();
  await page.getByRole("combobox", { name: "Art" }).click();
  await page.getByRole("option", { name: "Bestätigung" }).click();
  await page.getByRole("combobox", { name: "Kanal" }).click();
  await page.getByRole("option", { name: "SMS" }).click();
  const text = "Hallo {name}, Ihr Termin bei {betrieb}: {leistung} am {datum} um {uhrzeit}. Bis bald!";
  await page.getByLabel("Text", { exact: true }).fill(text);
  const preview = page.getByRole("region", { name: "Vorschau" });
  await expect(preview).toContainText("Hallo Anna Beispiel, Ihr Termin bei Salon Schönschnitt:");
  await expect(preview).toContainText(/1 SMS/);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText(/gespeichert/).first()).toBeVisible();
  await shot(page, "nachrichten-vorlage");

  // A phone booking without e-mail: its confirmation goes out by SMS and is reported delivered.
  const datum = berlinDayAhead(9, (weekday) => weekday >= 1 && weekday <= 5);
  const body = JSON.stringify({
    name: "book_appointment",
    call: { call_id: `call_sms_${Date.now()}`, call_type: "phone_call", direction: "inbound", from_number: "+4917655577788", to_number: "+49301234567" },
    args: { datum, uhrzeit: "11 Uhr", name: "Svea Nachricht", dienstleistung: "Herrenhaarschnitt" },
  });
  const res = await fetch(`${APP}/api/mcp/retell/custom-function`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-retell-signature": signRetell(body, "demo-retell-key", Date.now()) },
    body,
  });
  const answer = (await res.json()) as { success?: boolean; appointment?: { id: string } };
  expect(answer.success, JSON.stringify(answer)).toBe(true);

  await page.goto(`/termine/${answer.appointment!.id}`);
  const messages = page.getByRole("region", { name: "Nachrichten an die Kundschaft" });
  await expect(async () => {
    await page.reload();
    await expect(messages.getByText("zugestellt")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(messages).toContainText("Bestätigung");
  await expect(messages).toContainText("SMS");
  await shot(page, "termin-nachrichten");
});
