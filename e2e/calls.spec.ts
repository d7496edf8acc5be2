import { expect, test } from "@playwright/test";
import { expectNoPageOverflow, logIn, shot } from "./helpers";

test("Anrufe lists the seeded calls newest first; filtered by outcome (kept in the URL); the detail shows the transcript and the booked appointment", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto("/anrufe");
  const rows = page.getByTestId("call-row");
  await expect(rows).toHaveCount(10);
  await expect(page.getByTestId("stat-Anrufe insgesamt")).toHaveText("10");
  await expect(page.getByTestId("stat-Erfolgreich abgeschlossen")).toHaveText("7");
  // Yesterday's call: a caller who wanted a service the salon does not offer.
  await expect(rows.first()).toContainText("Rückruf nötig");
  await expect(rows.first()).toContainText("Negativ");
  await expect(rows.first()).toContainText("1:36 Min.");
  // A caller without a customer record: the call is titled by the number, shown readable.
  await expect(rows.first()).toContainText("Anruf von 0172 98765432");
  await expect(rows.first().getByRole("link", { name: /^Anruf / })).toHaveText("Anruf von 0172 98765432");
  await expect(rows.first()).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  await shot(page, "anrufe");

  await page.getByLabel("Ergebnis", { exact: true }).click();
  await page.getByRole("option", { name: "Termin gebucht", exact: true }).click();
  await expect(page).toHaveURL(/\?ergebnis=booked$/);
  await expect(rows).toHaveCount(5);
  await page.reload();
  await expect(rows).toHaveCount(5);
  await expect(page.getByLabel("Ergebnis", { exact: true })).toHaveText("Termin gebucht");

  const maria = rows.filter({ hasText: "Maria Müller" });
  await expect(maria).toHaveCount(1);
  await expect(maria).toContainText("Maria Müller buchte einen Damenhaarschnitt.");
  await maria.getByRole("link", { name: /^Anruf / }).click();
  await expect(page).toHaveURL(/\/anrufe\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Anruf von Maria Müller");
  await expect(page.getByTestId("call-when")).toHaveText(/^\d{2}\.\d{2}\.\d{4} um 10:15 Uhr$/);

  const turns = page.getByTestId("transcript-turn");
  await expect(turns.first()).toContainText("Assistent");
  await expect(turns.first()).toContainText("Salon Schönschnitt, guten Tag!");
  await expect(turns.nth(1)).toContainText("Anrufer");
  await expect(turns.nth(1)).toContainText("Ich hätte gern einen Termin zum Schneiden.");
  expect(await turns.count()).toBeGreaterThanOrEqual(5);
  for (const text of ["2:17 Min.", "0171 12345670", "Salon Schönschnitt Mitte", "Beendet", "Positiv", "Damenhaarschnitt"]) {
    await expect(page.getByRole("definition").filter({ hasText: text }).first()).toBeVisible();
  }
  await shot(page, "anruf-detail");

  const appointment = page.getByRole("link", { name: /^Damenhaarschnitt am \d{2}\.\d{2}\.\d{4} um 10:00 Uhr$/ });
  await appointment.click();
  await expect(page).toHaveURL(/\/termine\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Damenhaarschnitt am");
});

test("another company sees none of the salon's calls: an empty list, and 'Anruf nicht gefunden' by URL", async ({ page, browser }, testInfo) => {
  const salon = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  await logIn(salon, "staff");
  await salon.goto("/anrufe");
  const href = (await salon.getByTestId("call-row").first().getByRole("link", { name: /^Anruf / }).getAttribute("href"))!;
  await salon.context().close();

  await logIn(page, "otherAdmin");
  await page.goto("/anrufe");
  await expect(page.getByText("Noch keine Anrufe.")).toBeVisible();
  await page.goto(href);
  await expect(page.getByRole("heading", { name: "Anruf nicht gefunden" })).toBeVisible();
  await expect(page.getByText("+4917298765432")).toHaveCount(0);
  await expect(page.getByText("0172 98765432")).toHaveCount(0);
  await expect(page.getByTestId("transcript-turn")).toHaveCount(0);
});

test("Anrufe on a tablet: no page overflow, the table scrolls inside its container", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "staff");
  await page.goto("/anrufe");
  await expect(page.getByTestId("call-row")).toHaveCount(10);
  await expectNoPageOverflow(page, "page wider than the tablet screen");
  // What does not fit scrolls sideways inside the table's own container.
  expect(await page.locator('[data-slot="table-container"]').evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
  await shot(page, "anrufe-tablet");
});
