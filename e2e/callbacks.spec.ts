import { expect, test, type Page } from "@playwright/test";
import { APPOINTMENT_DETAIL_URL, berlinDayAhead, logIn, postSignedRetell, SALON_NUMBER, shot } from "./helpers";

// A call whose wished appointment is taken becomes a callback task (the real way: the agent's
// collect_appointment_data, then Retell's signed call_ended and call_analyzed webhooks). Staff book
// it from /rueckrufe; both appointments made here are cancelled again and no customer is created
// (the callers are seeded customers), so other specs find the seeded figures.

const THOMAS = { name: "Thomas Schneider", phone: "+4915198765432", readable: "01519 8765432" };
const MARIA = { name: "Maria Müller", phone: "+4917112345670" };

const callOf = (callId: string, from: string, extra: Record<string, unknown> = {}) => ({
  call_id: callId,
  call_type: "phone_call",
  direction: "inbound",
  from_number: from,
  to_number: SALON_NUMBER,
  ...extra,
});

async function cancel(page: Page, appointmentId: string) {
  await page.goto(`/termine/${appointmentId}`);
  await page.getByRole("button", { name: "Stornieren" }).click();
  await page.getByRole("alertdialog", { name: "Termin stornieren?" }).getByRole("button", { name: "Termin stornieren" }).click();
  await expect(page.getByTestId("appointment-status")).toHaveText("Storniert");
}

test("Rückrufe: a call that needs a callback is on the list with its number and summary; Termin anlegen is filled from the call, books, and closes the task; the bell shows it", async ({ page }) => {
  const run = Date.now().toString(36);
  const callId = `call_rueckruf_${run}`;
  const summary = `Thomas Schneider möchte Bartpflege, der Termin war vergeben (Lauf ${run}).`;
  // Three weeks ahead: outside the 14 days the lists and figures of other specs count.
  const day = berlinDayAhead(21, (weekday) => weekday >= 1 && weekday <= 5);
  const args = { datum: day, uhrzeit: "11 Uhr", dienstleistung: "Bartpflege" };

  // The caller's wish, as the agent collects it during the call.
  const collected = await postSignedRetell("/api/mcp/retell/custom-function", {
    name: "collect_appointment_data",
    call: callOf(callId, THOMAS.phone),
    args: { ...args, name: THOMAS.name, telefonnummer: THOMAS.readable },
  });
  expect(collected.status).toBe(200);
  // Meanwhile another caller takes that time (Bartpflege in Mitte: only Jonas Wagner offers it).
  const blocking = (await (
    await postSignedRetell("/api/mcp/retell/custom-function", { name: "book_appointment", call: callOf(`call_belegt_${run}`, MARIA.phone), args: { ...args, name: MARIA.name } })
  ).json()) as { success?: boolean; appointment?: { id: string } };
  // The call ends: the collected wish cannot be booked any more and becomes a callback task.
  const start = Date.now() - 90_000;
  const ended = await postSignedRetell("/api/mcp/retell/webhook", { event: "call_ended", call: callOf(callId, THOMAS.phone, { call_status: "ended", start_timestamp: start, end_timestamp: start + 80_000 }) });
  expect(ended.status).toBe(200);
  const analyzed = await postSignedRetell("/api/mcp/retell/webhook", {
    event: "call_analyzed",
    call: callOf(callId, THOMAS.phone, { call_status: "ended", start_timestamp: start, call_analysis: { call_summary: summary, call_successful: false } }),
  });
  expect(analyzed.status).toBe(200);

  await logIn(page, "staff");
  await page.goto("/rueckrufe");
  const card = page.getByTestId("callback").filter({ hasText: summary });
  // The webhooks are worked off by the job queue: the task shows up within seconds.
  await expect(async () => {
    await page.reload();
    await expect(card).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(card.getByTestId("callback-status")).toHaveText("Offen");
  const tel = card.getByRole("link", { name: THOMAS.readable });
  await expect(tel).toHaveAttribute("href", `tel:${THOMAS.phone}`);
  await expect(card).toContainText(`Bartpflege am ${day} um 11:00 Uhr`);

  // The bell knows the new callback.
  const bell = page.getByRole("button", { name: /^Benachrichtigungen \(\d+ neu\)$/ });
  await expect(bell).toBeVisible({ timeout: 20_000 });
  await bell.click();
  const notification = page.getByTestId("notification").filter({ hasText: `Rückruf: Terminwunsch von ${THOMAS.name} (Bartpflege am ${day} um 11:00 Uhr)` });
  await expect(notification.first()).toBeVisible();
  await expect(notification.first()).toContainText("Neu:");
  await shot(page, "benachrichtigungen");
  await page.getByRole("menuitem", { name: "Alle als gelesen markieren" }).click();
  // That item closes the menu; the bell opens it again once it has closed (a click while it was closing was lost in CI).
  await expect(page.getByRole("menu")).toBeHidden();
  await page.getByTestId("notification-bell").click();
  await expect(notification.first()).not.toContainText("Neu:");
  await page.keyboard.press("Escape");
  await shot(page, "rueckrufe");

  // Termin anlegen: the form holds what the caller said.
  await card.getByRole("button", { name: "Termin anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Termin anlegen" });
  await expect(dialog.getByLabel("Telefonnummer")).toHaveValue(THOMAS.readable);
  await expect(dialog.getByLabel("Name der Kundschaft")).toHaveValue(THOMAS.name);
  await expect(dialog.getByLabel("Filiale", { exact: true })).toContainText("Salon Schönschnitt Mitte");
  await expect(dialog.getByLabel("Leistung", { exact: true })).toContainText("Bartpflege (20 Min.)");
  await expect(dialog.getByLabel("Datum", { exact: true })).toHaveValue(day);
  await expect(dialog.getByLabel("Notizen (optional)")).toHaveValue("Wunschzeit laut Anruf: 11:00 Uhr");
  await shot(page, "rueckruf-termin-anlegen");
  const firstFree = dialog.getByTestId("free-slots").getByRole("radio").first();
  await expect(firstFree).toBeVisible();
  const time = (await firstFree.getAttribute("value"))!;
  await firstFree.check();
  await dialog.getByRole("button", { name: "Termin buchen" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Termin angelegt, Rückruf erledigt.")).toBeVisible();

  // Done: off the to-do list, under Erledigt with the staff member's name and the appointment.
  await expect(card).toHaveCount(0);
  await page.getByRole("button", { name: "Erledigte Rückrufe" }).click();
  await expect(card.getByTestId("callback-status")).toHaveText("Erledigt");
  await expect(card).toContainText("Tim Team");
  await card.getByRole("link", { name: "Gebuchter Termin" }).click();
  await expect(page).toHaveURL(APPOINTMENT_DETAIL_URL);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`Bartpflege am ${day} um ${time} Uhr`);
  await expect(page.getByRole("definition").filter({ hasText: THOMAS.name }).first()).toBeVisible();
  const bookedId = page.url().split("/").pop()!;

  // Cancelled again, the blocking one too.
  await cancel(page, bookedId);
  if (blocking.success && blocking.appointment) await cancel(page, blocking.appointment.id);
});
