import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { berlinDayAhead, iso, logIn, postSignedRetell, SALON_NUMBER, shot, staffAndService, trpc } from "./helpers";

// Datenschutz for one customer (logged in as admin): a customer of this run books and calls in
// (Retell's signed webhooks with a transcript); her data is exported as a JSON file and shown in
// the Druckansicht; then she is erased: the call keeps no transcript and the appointment stays in
// the list, named only "Kunde gelöscht". Her appointment lies five weeks ahead (outside the
// figures other specs count) and her number belongs to this run only.

type Export = { customer: { name: string | null }; calls: Array<{ id: string; retell_call_id: string; transcript: string | null }> };

test("Datenschutz: export a customer's data as JSON and in print, then erase her: the call loses its transcript, the appointment stays anonymised", async ({ page }) => {
  const run = Date.now().toString(36);
  // A mobile number of this run only (0160 and seven digits), apart from the ones other specs derive from the clock.
  const digits = String(Date.now() * 7).slice(-7);
  const customer = { name: `Paula Privat ${run}`, typed: `0160${digits}`, e164: `+49160${digits}` };
  const spoken = `Hier ist Paula Privat, ich möchte meinen Termin bestätigen (Lauf ${run}).`;

  await logIn(page, "admin");
  const { request } = page;

  // Her appointment: Damenhaarschnitt with Anna Becker, five weeks ahead.
  const { staff: anna, service: damen } = await staffAndService(request, "Anna Becker", "Damenhaarschnitt");
  const day = berlinDayAhead(35, (weekday) => weekday >= 2 && weekday <= 4);
  const slot = { branch_id: anna.branch_id, service_id: damen.id, staff_id: anna.id, date: iso(day) };
  const free = (await trpc(request, "appointments.checkAvailability", slot)).data as { slots: Array<{ time: string }> };
  expect(free.slots.length).toBeGreaterThanOrEqual(1);
  const time = free.slots.at(-1)!.time;
  const booked = await trpc(request, "appointments.book", { ...slot, time, customer_name: customer.name, customer_phone: customer.typed }, true);
  expect(booked.status, booked.error?.message).toBe(200);
  const appointment = booked.data!.appointment as { id: string; customer_id: string };

  // She calls in: the call, with its transcript, is linked to her by her number.
  const callId = `call_datenschutz_${run}`;
  const start = Date.now() - 120_000;
  const call = { call_id: callId, call_type: "phone_call", direction: "inbound", from_number: customer.e164, to_number: SALON_NUMBER };
  const transcript = { transcript: `Agent: Salon Schönschnitt, guten Tag!\nUser: ${spoken}`, transcript_object: [{ role: "agent", content: "Salon Schönschnitt, guten Tag!" }, { role: "user", content: spoken }] };
  expect((await postSignedRetell("/api/mcp/retell/webhook", { event: "call_ended", call: { ...call, ...transcript, call_status: "ended", start_timestamp: start, end_timestamp: start + 60_000 } })).status).toBe(200);
  expect(
    (await postSignedRetell("/api/mcp/retell/webhook", { event: "call_analyzed", call: { ...call, call_status: "ended", start_timestamp: start, call_analysis: { call_summary: `Paula Privat bestätigt ihren Termin (Lauf ${run}).`, call_successful: true } } })).status,
  ).toBe(200);
  // The webhooks are worked off by the job queue: the call shows up within seconds.
  let exported: Export | undefined;
  await expect(async () => {
    exported = (await trpc(request, "privacy.exportCustomer", { customer_id: appointment.customer_id })).data as Export;
    expect(exported.calls.find((c) => c.retell_call_id === callId)?.transcript).toContain(spoken);
  }).toPass({ timeout: 45_000 });
  const callDbId = exported!.calls.find((c) => c.retell_call_id === callId)!.id;

  // Export: a JSON file with her name and the call's transcript.
  await page.goto(`/kunden/${appointment.customer_id}`);
  const actions = page.getByRole("group", { name: "Datenschutz" });
  const downloading = page.waitForEvent("download");
  await actions.getByRole("button", { name: "Daten exportieren (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kundendaten-paula-privat-[a-z0-9-]+\.json$/);
  const file = JSON.parse(await readFile((await download.path())!, "utf8")) as Export;
  expect(file.customer.name).toBe(customer.name);
  expect(JSON.stringify(file)).toContain(spoken);

  // Druckansicht: the same data in German sections.
  await actions.getByRole("link", { name: "Druckansicht" }).click();
  await expect(page).toHaveURL(new RegExp(`/kunden/${appointment.customer_id}/daten$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Gespeicherte Daten: ${customer.name}`);
  await expect(page.getByRole("region", { name: "Termine" })).toContainText(`${day} ${time}`);
  await expect(page.getByRole("region", { name: "Anrufe" })).toContainText(spoken);
  await shot(page, "kunde-daten-druck");

  // Erase: the dialog says what goes and what stays, and wants her name typed.
  await page.goto(`/kunden/${appointment.customer_id}`);
  await actions.getByRole("button", { name: "Kunde löschen" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Kundendaten löschen?" });
  await expect(dialog).toContainText("Termine mit Datum, Leistung und Mitarbeitenden, ohne Namen");
  const confirm = dialog.getByRole("button", { name: "Endgültig löschen" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Zur Bestätigung „${customer.name}“ eingeben`).fill(customer.name);
  await shot(page, "kunde-loeschen");
  await confirm.click();
  await expect(page.getByText("Kundendaten gelöscht", { exact: true }).first()).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(actions.getByRole("button", { name: "Kunde löschen" })).toHaveCount(0);

  // The call: no transcript any more.
  await page.goto(`/anrufe/${callDbId}`);
  await expect(page.getByText("Für diesen Anruf liegt kein Transkript vor.")).toBeVisible();
  await expect(page.getByText(spoken)).toHaveCount(0);
  await expect(page.getByTestId("transcript-turn")).toHaveCount(0);

  // The appointment is still in the list, without her name or number.
  await page.goto(`/termine/liste?von=${iso(day)}&bis=${iso(day)}&mitarbeiter=${anna.id}`);
  const row = page.getByTestId("appointment-row").filter({ hasText: time }).filter({ hasText: "Kunde gelöscht" });
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText("Paula");
  await expect(page.getByText(customer.name)).toHaveCount(0);
  await shot(page, "termine-kunde-geloescht");

  // A second erase is refused in plain German.
  const again = await trpc(request, "privacy.eraseCustomer", { customer_id: appointment.customer_id, confirm_name: "LÖSCHEN" }, true);
  expect(again.status).toBe(409);
  expect(again.error?.message).toBe("Die Daten dieses Kunden wurden bereits gelöscht.");
});
