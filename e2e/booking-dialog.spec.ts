import { expect, test } from "@playwright/test";
import { APPOINTMENT_DETAIL_URL, berlinDayAhead, firstFreeHerrenhaarschnitt, logIn, shot } from "./helpers";

// The booking is cancelled again at the end, so other specs find the seeded figures (9 upcoming, 6 customers).

const LIST = "/termine/liste";

test("booking: the number typed shows who it is, a different name asks which applies, and the toast opens the appointment three weeks out", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto(LIST);
  await page.getByRole("button", { name: "Termin anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Termin anlegen" });

  // Three weeks ahead: beyond the list's 14 days.
  const day = berlinDayAhead(21, (weekday) => weekday >= 1 && weekday <= 5);
  const firstFree = await firstFreeHerrenhaarschnitt(page, dialog, day);
  const time = (await firstFree.getAttribute("value"))!;
  await firstFree.check();

  // Maria's number as callers say it: the dialog knows her and fills in her name.
  await dialog.getByLabel("Telefonnummer").pressSequentially("0171 1234 5670", { delay: 40 });
  const summary = dialog.getByTestId("customer-lookup");
  await expect(summary).toContainText("Bekannte Kundschaft: Maria Müller");
  const name = dialog.getByLabel("Name der Kundschaft");
  await expect(name).toHaveValue("Maria Müller");

  // Another name for the same number: a choice, required before booking.
  await name.fill("Maria Schulz");
  const keep = dialog.getByRole("radio", { name: "Gespeicherten Namen behalten: Maria Müller" });
  await expect(keep).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "Namen ändern auf: Maria Schulz" })).toBeVisible();
  await dialog.getByRole("button", { name: "Termin buchen" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "Bitte wählen Sie, welcher Name gelten soll." })).toBeVisible();
  await shot(page, "termin-anlegen-name-weicht-ab");
  await keep.check();
  await dialog.getByRole("button", { name: "Termin buchen" }).click();

  const [d, m, y] = day.split(".");
  const weekday = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", weekday: "long" }).format(new Date(`${y}-${m}-${d}T12:00:00Z`));
  await expect(page.getByText(`Termin gebucht: ${weekday.slice(0, 2)}., ${day} ${time}`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page).toHaveURL(APPOINTMENT_DETAIL_URL);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`Herrenhaarschnitt am ${day} um ${time} Uhr`);
  // The stored name was kept.
  await expect(page.getByRole("definition").filter({ hasText: "Maria Müller" }).first()).toBeVisible();
  await expect(page.getByText("Maria Schulz")).toHaveCount(0);

  // Cancelled again.
  await page.getByRole("button", { name: "Stornieren" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Termin stornieren?" });
  await confirm.getByRole("button", { name: "Termin stornieren" }).click();
  await expect(page.getByTestId("appointment-status")).toHaveText("Storniert");
});
