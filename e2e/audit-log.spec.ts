import { expect, test } from "@playwright/test";
import { APPOINTMENT_DETAIL_URL, berlinDayAhead, choose, firstFreeHerrenhaarschnitt, DEMO_USERS, logIn, shot } from "./helpers";

// Books for a known customer (Maria Müller) and cancels again at the end, so other specs find the seeded figures.

test("Protokoll: the admin's booking shows as „Termin gebucht“ with the admin's name and leads to the appointment", async ({ page }) => {
  const admin = DEMO_USERS.admin;
  await logIn(page, "admin");

  // Book through the dashboard's dialog, a day no other spec books on.
  await page.goto("/termine/liste");
  await page.getByRole("button", { name: "Termin anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Termin anlegen" });
  const day = berlinDayAhead(24, (weekday) => weekday >= 1 && weekday <= 5);
  const firstFree = await firstFreeHerrenhaarschnitt(page, dialog, day);
  await firstFree.check();
  await dialog.getByLabel("Telefonnummer").pressSequentially("0171 1234 5670", { delay: 40 });
  await expect(dialog.getByLabel("Name der Kundschaft")).toHaveValue("Maria Müller");
  await dialog.getByRole("button", { name: "Termin buchen" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page).toHaveURL(APPOINTMENT_DETAIL_URL);
  const appointmentPath = new URL(page.url()).pathname;

  // Protokoll, filtered to appointments and to the admin.
  await page.goto("/protokoll");
  await expect(page.getByRole("heading", { level: 1, name: "Protokoll" })).toBeVisible();
  await choose(page, page, "Bereich", "Termin");
  // "Benutzer" is also one of Bereich's options: wait until that list has closed, then open the user filter.
  await expect(page.getByRole("listbox")).toBeHidden();
  await page.getByRole("combobox", { name: "Benutzer", exact: true }).click();
  await page.getByRole("option", { name: admin.name, exact: true }).click();
  await expect(page).toHaveURL(/benutzer=user%3A.*bereich=appointment/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  // Once the filtered page has arrived, every row left is the admin's.
  await expect.poll(async () => (await rows.allInnerTexts()).every((text) => text.includes(admin.name))).toBe(true);

  const booking = rows.filter({ hasText: "Termin gebucht" }).filter({ has: page.locator(`a[href="${appointmentPath}"]`) });
  await expect(booking).toHaveCount(1);
  await expect(booking).toContainText(admin.name);
  await expect(booking).toContainText("Benutzer");
  await expect(booking).toContainText("Erfolgreich");
  await shot(page, "protokoll-termin-gebucht");

  await booking.getByRole("link", { name: "Termin" }).click();
  await expect(page).toHaveURL(new RegExp(`${appointmentPath}$`));
  await expect(page.getByRole("heading", { level: 2 })).toContainText(`am ${day} um`);

  // Cancelled again.
  await page.getByRole("button", { name: "Stornieren" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Termin stornieren?" });
  await confirm.getByRole("button", { name: "Termin stornieren" }).click();
  await expect(page.getByTestId("appointment-status")).toHaveText("Storniert");
});
