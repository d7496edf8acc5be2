import { expect, test } from "@playwright/test";
import { expectNoPageOverflow, logIn, shot } from "./helpers";

test("Übersicht: appointments, recent calls, the 14-day chart, server health, circuit breakers and the error rate", async ({ page }) => {
  await logIn(page, "admin");
  await expect(page).toHaveURL(/\/uebersicht$/);
  await expect(page.getByRole("table", { name: "Nächste Termine" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Letzte Anrufe" })).toBeVisible();
  // Numbers are shown readable (national form), never as +49…, and calls by their title.
  const calls = page.getByRole("table", { name: "Letzte Anrufe" });
  await expect(calls.getByRole("link").first()).toHaveText(/^Anruf (von .+|\(Nummer unterdrückt\))$/);
  await expect(calls).not.toContainText("+49");
  await expect(page.getByRole("table", { name: "Nächste Termine" })).not.toContainText("+49");

  // The chart: an image with its figures in words, and a table of the same figures for screen readers.
  const chart = page.getByRole("img", { name: /^Säulendiagramm der letzten 14 Tage: insgesamt \d+ Anrufe? und \d+ Buchung(en)?\./ });
  await expect(chart).toBeVisible();
  const figures = page.getByRole("table", { name: "Anrufe und Buchungen je Tag" });
  await expect(figures.locator("tbody tr")).toHaveCount(14);
  // Seeded today: the demo appointments count as today's bookings.
  const today = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit" }).format(new Date());
  const todayRow = figures.locator("tbody tr").last();
  await expect(todayRow.locator("th")).toContainText(today);
  expect(Number(await todayRow.locator("td").last().textContent())).toBeGreaterThanOrEqual(9);
  await expect(chart).toHaveAttribute("aria-label", new RegExp(`${today.replaceAll(".", "\\.")}: \\d+ Anrufe?, \\d+ Buchung`));

  // Each dependency in plain words; server names only under "Technische Details".
  const status = page.getByRole("region", { name: "Dienste" });
  await expect(status.getByTestId("server-health-summary")).toHaveText("Alles betriebsbereit.");
  const dependencies = status.getByRole("list", { name: "Zustand der Dienste" });
  await expect(dependencies.getByTestId("health-database")).toContainText("Datenbank");
  await expect(status.getByTestId("health-state-database")).toHaveText("Betriebsbereit");
  await expect(status.getByTestId("health-state-retell")).toHaveText(/^(Betriebsbereit|Nicht eingerichtet)$/);
  await expect(dependencies.getByTestId("health-queue")).toContainText("Warteschlange");
  await expect(dependencies).not.toContainText("retell.config");
  await expect(dependencies).not.toContainText("appointments");
  const details = page.getByTestId("technical-details");
  await expect(details.getByRole("list", { name: "Prüfungen der Server" })).toBeHidden();
  await details.getByText("Technische Details").click();
  await expect(details.getByRole("list", { name: "Prüfungen der Server" })).toContainText("retell.config");
  await expect(details.getByRole("list", { name: "Prüfungen der Server" })).toContainText(/Geprüft um \d{2}:\d{2} Uhr/);
  for (const service of ["calcom", "retell", "external_api"]) await expect(page.getByTestId(`circuit-${service}`)).toHaveText("Normal");

  // The page's own health check went through the service layer, so the hour has calls.
  await expect(page.getByTestId("error-rate")).toHaveText(/^\d+,\d\s%$/);
  await expect(page.getByRole("region", { name: "Fehlerquote" })).toContainText(/\d+ Fehler bei \d+ Aufruf(en)? (seit dem Serverstart um \d{2}:\d{2} Uhr|in der letzten Stunde)\./);
  await expect(page.getByRole("region", { name: "Fehlerquote" })).toContainText("zählen nicht als Fehler");
  await shot(page, "uebersicht-zustand");
});

test("Übersicht: a row of Nächste Termine and of Letzte Anrufe opens its detail, also by keyboard", async ({ page }) => {
  await logIn(page, "staff");
  const appointment = page.getByRole("table", { name: "Nächste Termine" }).getByRole("link").first();
  await expect(appointment).toHaveAccessibleName(/^Termin von .+ am \d{2}\.\d{2}\.\d{4} um \d{2}:\d{2} Uhr öffnen$/);
  await appointment.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/termine\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 2 })).toContainText(/ am \d{2}\.\d{2}\.\d{4} um \d{2}:\d{2} Uhr$/);

  await page.goto("/uebersicht");
  const call = page.getByRole("table", { name: "Letzte Anrufe" }).getByRole("link").first();
  const title = (await call.textContent())!;
  await call.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/anrufe\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(title);

  // The whole row is the click area, not only the link's text.
  await page.goto("/uebersicht");
  // A click on the duration cell, not on the link's text: the link's area covers the row (force: the
  // link, not the cell, takes the click, which is the point).
  await page.getByTestId("recent-call-row").first().getByRole("cell").nth(2).click({ force: true });
  await expect(page).toHaveURL(/\/anrufe\/[^/]+$/);
});

test("Übersicht for staff on a tablet: the same status, no page overflow", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "staff");
  await expect(page.getByRole("img", { name: /^Säulendiagramm/ })).toBeVisible();
  await expect(page.getByTestId("server-health-summary")).toBeVisible();
  await expect(page.getByTestId("error-rate")).toBeVisible();
  await expectNoPageOverflow(page, "page wider than the tablet screen");
  await shot(page, "uebersicht-tablet");
});
