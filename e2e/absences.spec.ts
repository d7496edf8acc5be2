import { expect, test, type Locator } from "@playwright/test";
import { berlinDayAhead, iso, logIn, shot, staffAndService, trpc } from "./helpers";

// The booking made here is cancelled and the absence removed again, so other specs find the seeded figures.

/** Types a day as text and applies it. */
async function typeDay(field: Locator, text: string) {
  await field.fill(text);
  await field.press("Enter");
  await expect(field).toHaveValue(text);
}

test("enter a vacation over a booked appointment, get the warning with the appointment, move it from there", async ({ page }) => {
  await logIn(page, "admin");
  const { request } = page;
  const { staff: jonas, service: herren } = await staffAndService(request, "Jonas Wagner", "Herrenhaarschnitt");

  // A Tuesday at least 9 days ahead (no seeded appointment of Jonas), booked at his first free time.
  const day = berlinDayAhead(9, (weekday) => weekday === 2);
  const free = (await trpc(request, "appointments.checkAvailability", { branch_id: jonas.branch_id, service_id: herren.id, staff_id: jonas.id, date: iso(day) })).data as {
    slots: Array<{ time: string }>;
  };
  const time = free.slots[0]!.time;
  const booked = await trpc(
    request,
    "appointments.book",
    { branch_id: jonas.branch_id, service_id: herren.id, staff_id: jonas.id, date: iso(day), time, customer_name: "Urlaub Testkunde", customer_phone: "0176 55500011" },
    true,
  );
  expect(booked.status).toBe(200);
  const appointmentId = (booked.data!.appointment as { id: string }).id;

  await page.goto("/einstellungen?bereich=mitarbeitende");
  await page.getByRole("button", { name: "Abwesenheiten von Jonas Wagner" }).click();
  const absences = page.getByRole("dialog", { name: "Abwesenheiten von Jonas Wagner" });
  await typeDay(absences.getByLabel("Von", { exact: true }), day);
  await absences.getByLabel("Grund (optional)").fill("Urlaub");
  // Before saving: the booked appointment in that time is named.
  await expect(absences.getByTestId("planned-conflicts")).toContainText(`${day} ${time} Uhr`);
  await absences.getByRole("button", { name: "Eintragen" }).click();

  const warning = absences.getByTestId("absence-conflicts");
  await expect(warning).toContainText("1 gebuchter Termin fällt in die Abwesenheit von Jonas Wagner");
  const row = warning.getByRole("listitem").filter({ hasText: "Urlaub Testkunde" });
  await expect(row).toContainText(`${day} ${time} Uhr · Herrenhaarschnitt`);
  await shot(page, "abwesenheit-termine");

  // Move it from the warning to a Wednesday, when Jonas is back.
  await row.getByRole("button", { name: "Verschieben" }).click();
  const move = page.getByRole("dialog", { name: "Termin verschieben" });
  const nextDay = berlinDayAhead(10, (weekday) => weekday === 3);
  await typeDay(move.getByLabel("Neues Datum"), nextDay);
  const slot = move.getByTestId("free-slots").getByRole("radio").first();
  await expect(slot).toBeVisible();
  const newTime = (await slot.getAttribute("value"))!;
  await slot.check();
  await move.getByRole("button", { name: "Termin verschieben" }).click();
  await expect(move).toBeHidden();
  await expect(warning).toBeHidden();

  const moved = (await trpc(request, "appointments.get", { appointment_id: appointmentId })).data as { appointment: { date: string; time: string; staff: string } };
  expect(moved.appointment).toMatchObject({ date: nextDay, time: newTime, staff: "Jonas Wagner" });

  // Clean up: the absence and the booking.
  const entry = absences.getByRole("list", { name: "Eingetragene Abwesenheiten" }).getByRole("listitem").filter({ hasText: "Urlaub" });
  await entry.getByRole("button", { name: /entfernen/ }).click();
  await expect(entry).toHaveCount(0);
  await page.keyboard.press("Escape");
  expect((await trpc(request, "appointments.cancel", { appointment_id: appointmentId }, true)).status).toBe(200);
});
