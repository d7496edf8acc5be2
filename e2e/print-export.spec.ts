import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { berlinDayAhead, logIn, shot } from "./helpers";

const LIST = "/termine/liste";

test("CSV exportieren: every appointment of the current filters, UTF-8 with BOM, ';' and German columns", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto(`${LIST}?status=scheduled`);
  const rows = page.getByTestId("appointment-row");
  await expect(rows.first()).toBeVisible();
  const total = Number((await page.getByTestId("list-range").textContent())!.match(/· (\d+) Termin/)![1]);
  expect(total).toBe(await rows.count());
  // The second page shows none of them: the export still holds all, not only the page shown.
  await page.goto(`${LIST}?status=scheduled&seite=2`);
  await expect(page.getByTestId("list-range")).toContainText(`· ${total} Termine`);
  await expect(rows).toHaveCount(0);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV exportieren" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^termine-\d{4}-\d{2}-\d{2}-bis-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("Datum;Wochentag;Beginn;Ende;Kundschaft;Telefon;Leistung;Mitarbeitende;Filiale;Status;Gebucht über;Notizen");
  expect(lines).toHaveLength(total + 1);
  for (const line of lines.slice(1)) {
    expect(line).toMatch(/^\d{2}\.\d{2}\.\d{4};(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag);\d{2}:\d{2};\d{2}:\d{2};/);
    expect(line).toContain(";Geplant;");
  }
  expect(text).toContain("Maria Müller;+4917112345670;Damenhaarschnitt");
  await expect(page.getByText(`${total} Termine als CSV exportiert.`)).toBeVisible();
});

test("Tagesplan: one section per staff member with time, customer, service and phone; printing shows only the plan", async ({ page }) => {
  await logIn(page, "staff");
  // The seed's first workday after today: Anna Becker, Jonas Wagner and a third colleague have appointments.
  const german = berlinDayAhead(1, (weekday) => weekday >= 1 && weekday <= 5);
  const iso = german.split(".").reverse().join("-");
  await page.goto(`/termine/druck?datum=${iso}`);
  const sections = page.getByTestId("day-plan-staff");
  await expect(sections.first()).toBeVisible();
  expect(await sections.count()).toBeGreaterThanOrEqual(3);
  const anna = page.getByRole("region", { name: "Anna Becker" });
  await expect(anna.getByRole("row").filter({ hasText: "Maria Müller" })).toContainText("10:00–");
  await expect(anna.getByRole("row").filter({ hasText: "Maria Müller" })).toContainText("Damenhaarschnitt");
  await expect(anna.getByRole("row").filter({ hasText: "Maria Müller" })).toContainText("0171 12345670");
  for (const column of ["Zeit", "Kundschaft", "Leistung", "Telefon", "Notizen"]) await expect(anna.getByRole("columnheader", { name: column })).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Drucken" })).toBeHidden();
  await expect(page.locator("aside")).toBeHidden();
  await expect(page.getByTestId("user-name")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Tagesplan`);
  await expect(sections.first()).toBeVisible();
  await shot(page, "tagesplan-druck");
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("button", { name: "Drucken" })).toBeVisible();
});
