import { expect, test } from "@playwright/test";
import { signCalcomWebhook, CALCOM_SIGNATURE_HEADER } from "../server/integrations/calcom/webhook-signature";
import { logIn, shot } from "./helpers";

// Unique per run, in case the server (and its database) is reused between runs.
const RUN = Date.now().toString(36).slice(-5);
const EVENT_TYPE = 900_000 + (Date.now() % 90_000);
const SECRET = `whsec_e2e_webhooks_${RUN}_0123456789`;
const SERVICE = `Webhook-Test ${RUN}`;

/**
 * A Cal.com booking for an event type no service is mapped to fails, visibly; once a service is
 * mapped to it, "Erneut verarbeiten" mirrors the booking and the event reads verarbeitet.
 */
test("Webhook-Ereignisse: a failed Cal.com booking is listed with its error, replayed after the fix, and then verarbeitet", async ({ page }) => {
  await logIn(page, "admin");

  // The company's Cal.com webhook secret (entered with Cal.com chosen), then back to the built-in calendar other specs book with.
  await page.goto("/einstellungen?bereich=kalender");
  await page.getByLabel("Cal.com").check();
  await page.getByLabel("API-Adresse").fill("http://127.0.0.1:9/v2");
  await page.getByLabel(/API-Schlüssel/).fill(`cal_e2e_webhooks_${RUN}_key`);
  await page.getByLabel(/Webhook-Geheimnis/).fill(SECRET);
  const webhookUrl = (await page.locator("code").filter({ hasText: "/api/mcp/calcom/webhook" }).textContent())!.trim();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Die Cal.com-Anbindung wurde gespeichert.")).toBeVisible();
  await page.getByLabel("Eingebauter Kalender").check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Der eingebaute Kalender ist eingestellt.")).toBeVisible();

  // Cal.com posts a booking (03:00 at night, a year ahead: in nobody's way) for an event type no service has.
  const start = new Date(Date.now() + 400 * 86_400_000);
  start.setUTCHours(2, 0, 0, 0);
  const raw = JSON.stringify({
    triggerEvent: "BOOKING_CREATED",
    createdAt: new Date().toISOString(),
    payload: {
      uid: `e2e-webhook-${RUN}`,
      eventTypeId: EVENT_TYPE,
      title: "Webhook-Test",
      startTime: start.toISOString(),
      endTime: new Date(start.getTime() + 30 * 60_000).toISOString(),
      attendees: [{ name: `Wera Webhook ${RUN}`, email: `wera.${RUN}@example.de`, phoneNumber: "+4917655544433" }],
    },
  });
  const delivered = await page.request.post(webhookUrl, { data: raw, headers: { "content-type": "application/json", [CALCOM_SIGNATURE_HEADER]: signCalcomWebhook(raw, SECRET) } });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toMatchObject({ received: true, outcome: "failed" });

  // Listed as fehlgeschlagen with its error in German.
  await page.goto("/webhook-ereignisse");
  await expect(page.getByRole("heading", { level: 1, name: "Webhook-Ereignisse" })).toBeVisible();
  const error = `Terminart ${EVENT_TYPE} ist keiner Leistung zugeordnet`;
  const row = page.getByTestId("webhook-event-row").filter({ hasText: error });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Cal.com");
  await expect(row).toContainText("Buchung angelegt");
  await expect(row).toContainText("fehlgeschlagen");
  await expect(row.getByRole("cell").last()).toHaveText("1");
  await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  const eventId = await row.getAttribute("data-event-id");
  expect(eventId).toBeTruthy();

  // The filter for failed ones keeps it; the detail shows the payload as received.
  await page.getByLabel("Status", { exact: true }).click();
  await page.getByRole("option", { name: "fehlgeschlagen", exact: true }).click();
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId("webhook-event-row").filter({ hasNotText: "fehlgeschlagen" })).toHaveCount(0);
  await row.getByRole("button", { name: /öffnen$/ }).click();
  const detail = page.getByRole("dialog");
  await expect(detail).toContainText(error);
  await expect(detail.getByTestId("webhook-payload")).toContainText(`e2e-webhook-${RUN}`);
  await expect(detail.getByTestId("webhook-payload")).toContainText("+4917655544433");
  await expect(page).toHaveURL(new RegExp(`[?&]id=${eventId}`));
  await shot(page, "webhook-ereignisse-fehlgeschlagen");

  // The fix: a service (inactive, so nobody books it) mapped to the event type.
  await page.goto("/einstellungen?bereich=leistungen");
  await page.getByRole("button", { name: "Leistung anlegen" }).click();
  const form = page.getByRole("dialog", { name: "Leistung anlegen" });
  await form.getByLabel("Name").fill(SERVICE);
  await form.getByLabel("Dauer (Minuten)").fill("30");
  await form.getByLabel(/Cal.com-Terminart-ID/).fill(String(EVENT_TYPE));
  await form.getByLabel("Aktiv", { exact: true }).uncheck();
  await form.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText(`„${SERVICE}“ wurde angelegt.`)).toBeVisible();

  // The deep link opens the event; "Erneut verarbeiten" runs it again, now successfully.
  await page.goto(`/webhook-ereignisse?id=${eventId}`);
  const opened = page.getByRole("dialog");
  await expect(opened.getByText("fehlgeschlagen", { exact: true })).toBeVisible();
  await opened.getByRole("button", { name: "Erneut verarbeiten" }).click();
  await expect(page.getByText("Das Ereignis wurde erfolgreich verarbeitet.")).toBeVisible();
  await expect(opened.getByText("verarbeitet", { exact: true })).toBeVisible();
  await expect(opened.getByText("fehlgeschlagen", { exact: true })).toHaveCount(0);
  await expect(opened).not.toContainText(error);
  await expect(opened.getByRole("button", { name: "Erneut verarbeiten" })).toHaveCount(0);
  await shot(page, "webhook-ereignisse-verarbeitet");

  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/[?&]id=/);
  const replayed = page.locator(`[data-testid="webhook-event-row"][data-event-id="${eventId}"]`);
  await expect(replayed.getByText("verarbeitet", { exact: true })).toBeVisible();
  await expect(replayed).not.toContainText("fehlgeschlagen");
  await expect(replayed.getByRole("cell").last()).toHaveText("2");
});
