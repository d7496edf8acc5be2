import { expect, test } from "@playwright/test";
import { logIn, shot } from "./helpers";

test("Übersicht: appointments, recent calls, the 14-day chart, server health, circuit breakers and the error rate", async ({ page }) => {
  await logIn(page, "admin");
  await expect(page).toHaveURL(/\/uebersicht$/);
  await expect(page.getByRole("table", { name: "Nächste Termine" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Letzte Anrufe" })).toBeVisible();

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

  const status = page.getByRole("region", { name: "Dienste" });
  await expect(status.getByTestId("server-health-summary")).toHaveText(/^Alle \d+ Dienste sind bereit\.$/);
  await expect(status.getByRole("list", { name: "Zustand der Dienste" })).toContainText("appointments");
  await expect(status.getByRole("list", { name: "Zustand der Dienste" })).toContainText("retell.config");
  for (const service of ["calcom", "retell", "external_api"]) await expect(page.getByTestId(`circuit-${service}`)).toHaveText("Normal");

  // The page's own health check went through the service layer, so the hour has calls.
  await expect(page.getByTestId("error-rate")).toHaveText(/^\d+,\d\s%$/);
  await expect(page.getByRole("region", { name: "Fehlerquote" })).toContainText(/\d+ Fehler bei \d+ Aufruf(en)? (seit dem Serverstart um \d{2}:\d{2} Uhr|in der letzten Stunde)\./);
  await shot(page, "uebersicht-zustand");
});

test("Übersicht for staff on a tablet: the same status, no page overflow", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "staff");
  await expect(page.getByRole("img", { name: /^Säulendiagramm/ })).toBeVisible();
  await expect(page.getByTestId("server-health-summary")).toBeVisible();
  await expect(page.getByTestId("error-rate")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "page wider than the tablet screen").toBeLessThanOrEqual(0);
  await shot(page, "uebersicht-tablet");
});
