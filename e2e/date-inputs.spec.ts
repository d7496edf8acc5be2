import { expect, test, type Locator, type Page } from "@playwright/test";
import { APPOINTMENT_DETAIL_URL, berlinDayAhead, logIn, shot } from "./helpers";

// Every date field of the dashboard, typed key by key as people type (German and ISO forms): the
// field keeps exactly what is typed, applies on Enter or when it is left, never halfway, and
// refuses what is no day with a German message. Nothing here is saved: other specs see the seed.

/** Where the Termine list lives (the Kalender is Termine's first page). */
const LIST = "/termine/liste";
const REFUSAL = "Bitte ein Datum wie 30.11.2026 eingeben.";

/** A day `ahead` days after today in Berlin (a Monday–Friday when `workday`), in every form the fields take. */
function day(ahead: number, workday = false) {
  const german = berlinDayAhead(ahead, (weekday) => !workday || (weekday >= 1 && weekday <= 5));
  const [d, m, y] = german.split(".");
  const iso = `${y}-${m}-${d}`;
  const weekday = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", weekday: "long" }).format(new Date(`${iso}T12:00:00Z`));
  return {
    german,
    iso,
    /** 3.12.26: no leading zeros, two-digit year. */
    short: `${Number(d)}.${Number(m)}.${y!.slice(2)}`,
    /** "Donnerstag, 03.12.2026", as the field's hint names the applied day. */
    words: `${weekday}, ${german}`,
  };
}

/**
 * Clears the field and types `text` key by key; while typing, the field holds exactly the
 * keys typed so far (nothing reformatted or reset). Then Enter or Tab applies it.
 */
async function typeDay(field: Locator, text: string, commit: "Enter" | "Tab") {
  await field.click();
  await field.press("ControlOrMeta+a");
  await field.press("Backspace");
  const half = Math.ceil(text.length / 2);
  await field.pressSequentially(text.slice(0, half), { delay: 50 });
  await expect(field).toHaveValue(text.slice(0, half));
  await field.pressSequentially(text.slice(half), { delay: 50 });
  await expect(field).toHaveValue(text);
  await field.press(commit);
}

function filterField(page: Page, label: "Von" | "Bis") {
  return page.getByRole("search", { name: "Termine filtern" }).getByLabel(label, { exact: true });
}

test("Termine list: Von and Bis apply typed German, short and ISO days on Enter or Tab, never while typing, and refuse others", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto(LIST);
  const von = filterField(page, "Von");
  const bis = filterField(page, "Bis");
  const range = page.getByTestId("list-range");
  const today = day(0);
  await expect(von).toHaveValue(today.german);
  await expect(range).toContainText(`Termine vom ${today.german} bis ${day(14).german}`);

  const from = day(3);
  const to = day(20);

  // German, Enter: the URL stays as it was until Enter.
  await von.click();
  await von.press("ControlOrMeta+a");
  await von.press("Backspace");
  await von.pressSequentially(from.german.slice(0, 5), { delay: 50 });
  await expect(von).toHaveValue(from.german.slice(0, 5));
  await von.pressSequentially(from.german.slice(5), { delay: 50 });
  await expect(von).toHaveValue(from.german);
  expect(page.url()).not.toContain("von=");
  await von.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]von=${from.iso}`));
  await expect(von).toHaveValue(from.german);
  await expect(page.getByText(from.words)).toBeVisible();
  await expect(range).toContainText(`Termine vom ${from.german} bis ${day(14).german}`);

  // ISO, Tab: shown as a German day once applied.
  await typeDay(bis, to.iso, "Tab");
  await expect(page).toHaveURL(new RegExp(`[?&]bis=${to.iso}`));
  await expect(bis).toHaveValue(to.german);
  await expect(range).toContainText(`Termine vom ${from.german} bis ${to.german}`);

  // Short year without leading zeros.
  const other = day(5);
  await typeDay(von, other.short, "Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]von=${other.iso}`));
  await expect(von).toHaveValue(other.german);
  await expect(range).toContainText(`Termine vom ${other.german} bis ${to.german}`);

  // The US form and an impossible day are refused: message under the field, list and URL unchanged.
  const applied = page.url();
  const year = Number(other.iso.slice(0, 4)) + 1;
  for (const wrong of [`11/30/${year}`, `31.02.${year}`, `2026-13-01`]) {
    await typeDay(von, wrong, "Enter");
    await expect(page.getByRole("search", { name: "Termine filtern" }).getByRole("alert")).toHaveText(REFUSAL);
    await expect(von).toHaveValue(wrong);
    expect(page.url()).toBe(applied);
    await expect(range).toContainText(`Termine vom ${other.german} bis ${to.german}`);
  }
  await shot(page, "termine-datum-abgelehnt");

  // "Von" after "Bis" is refused with the other day named.
  const late = day(30);
  await typeDay(von, late.german, "Tab");
  await expect(page.getByRole("search", { name: "Termine filtern" }).getByRole("alert")).toContainText(`„Von“ liegt nach „Bis“ (${to.german})`);
  expect(page.url()).toBe(applied);

  // A right day clears the message; a reload shows the applied range again.
  await typeDay(von, from.german, "Enter");
  await expect(page.getByRole("search", { name: "Termine filtern" }).getByRole("alert")).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`[?&]von=${from.iso}`));
  await page.reload();
  await expect(von).toHaveValue(from.german);
  await expect(bis).toHaveValue(to.german);
  await expect(range).toContainText(`Termine vom ${from.german} bis ${to.german}`);
});

test("Termine list: a day typed the moment the page appears is applied, not lost to the page coming alive", async ({ page }) => {
  await logIn(page, "staff");
  const from = day(2);
  await page.goto(LIST, { waitUntil: "commit" });
  const von = filterField(page, "Von");
  await typeDay(von, from.german, "Tab");
  await expect(page).toHaveURL(new RegExp(`[?&]von=${from.iso}`));
  await expect(von).toHaveValue(from.german);
  await expect(page.getByTestId("list-range")).toContainText(`Termine vom ${from.german}`);
});

test("the way back from an appointment keeps the list's filters", async ({ page }) => {
  await logIn(page, "staff");
  const to = day(20);
  await page.goto(`${LIST}?status=scheduled`);
  await typeDay(filterField(page, "Bis"), to.german, "Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]bis=${to.iso}`));
  await page.getByTestId("appointment-row").first().getByRole("link").click();
  await expect(page).toHaveURL(APPOINTMENT_DETAIL_URL);
  await page.getByRole("link", { name: "Zurück zu den Terminen" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]bis=${to.iso}`));
  await expect(page).toHaveURL(/[?&]status=scheduled/);
  await expect(filterField(page, "Bis")).toHaveValue(to.german);
  await expect(page.getByTestId("list-range")).toContainText(`bis ${to.german}`);
});

test("booking dialog and move dialog: Datum and Neues Datum apply typed days and refuse others", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto(LIST);
  await page.getByRole("button", { name: "Termin anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Termin anlegen" });
  const datum = dialog.getByLabel("Datum", { exact: true });
  const workday = day(9, true);
  const later = day(12, true);

  await typeDay(datum, workday.german, "Enter");
  await expect(datum).toHaveValue(workday.german);
  await expect(dialog.getByText(workday.words)).toBeVisible();
  // Enter applied the day and did not send the form.
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("alert")).toHaveCount(0);

  await typeDay(datum, later.iso, "Tab");
  await expect(datum).toHaveValue(later.german);
  await expect(dialog.getByText(later.words)).toBeVisible();

  await typeDay(datum, later.short, "Enter");
  await expect(datum).toHaveValue(later.german);

  await typeDay(datum, "11/30/2026", "Tab");
  await expect(dialog.getByRole("alert").filter({ hasText: REFUSAL })).toBeVisible();
  // Sending now does not book the day shown before: the refusal stands.
  await dialog.getByRole("button", { name: "Termin buchen" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: REFUSAL })).toBeVisible();
  await shot(page, "termin-anlegen-datum-abgelehnt");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The move dialog of a planned appointment.
  await page.goto(`${LIST}?status=scheduled`);
  await page.getByTestId("appointment-row").first().getByRole("link").click();
  await page.getByRole("button", { name: "Verschieben" }).click();
  const move = page.getByRole("dialog", { name: "Termin verschieben" });
  const neues = move.getByLabel("Neues Datum");
  await typeDay(neues, later.german, "Enter");
  await expect(neues).toHaveValue(later.german);
  await expect(move.getByText(later.words)).toBeVisible();
  await typeDay(neues, workday.iso, "Tab");
  await expect(neues).toHaveValue(workday.german);
  await expect(move.getByText(workday.words)).toBeVisible();
  await typeDay(neues, "29.02.2027", "Enter"); // 2027 is no leap year
  await expect(move.getByRole("alert").filter({ hasText: REFUSAL })).toBeVisible();
  await page.keyboard.press("Escape");
});

test("Einstellungen → Mitarbeitende: the absence's Von and Bis apply typed days and refuse others", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/einstellungen?bereich=mitarbeitende");
  await page.getByRole("button", { name: "Abwesenheiten von Jonas Wagner" }).click();
  const absences = page.getByRole("dialog", { name: "Abwesenheiten von Jonas Wagner" });
  const von = absences.getByLabel("Von", { exact: true });
  const bis = absences.getByLabel("Bis einschließlich");
  const first = day(200);
  const last = day(204);

  await typeDay(von, first.german, "Tab");
  await expect(von).toHaveValue(first.german);
  await expect(absences.getByText(first.words)).toBeVisible();
  await typeDay(bis, last.iso, "Enter");
  await expect(bis).toHaveValue(last.german);
  await expect(absences.getByText(last.words)).toBeVisible();
  await typeDay(bis, last.short, "Tab");
  await expect(bis).toHaveValue(last.german);

  await typeDay(von, "31.04.2027", "Enter");
  await expect(absences.getByRole("alert").filter({ hasText: REFUSAL })).toBeVisible();
  await expect(absences.getByText(first.words)).toHaveCount(0);
  await page.keyboard.press("Escape");
});

test("Tagesplan: the day typed into Tag is the day printed, per staff member", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto(LIST);
  await page.getByRole("link", { name: "Tagesplan drucken" }).click();
  await expect(page).toHaveURL(/\/termine\/druck\?datum=\d{4}-\d{2}-\d{2}/);
  const tag = page.getByLabel("Tag", { exact: true });
  const workday = day(1, true);
  await typeDay(tag, workday.german, "Enter");
  await expect(page).toHaveURL(new RegExp(`datum=${workday.iso}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Tagesplan ${workday.words}`);
  // The seed books the next workday for Anna Becker, Jonas Wagner and a third colleague.
  await expect(page.getByTestId("day-plan-staff").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Drucken" })).toBeVisible();
  await shot(page, "tagesplan");

  const next = day(2, true);
  await typeDay(tag, next.iso, "Tab");
  await expect(page).toHaveURL(new RegExp(`datum=${next.iso}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Tagesplan ${next.words}`);
  await typeDay(tag, "2.30.2027", "Enter");
  await expect(page.getByRole("alert").filter({ hasText: REFUSAL })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`datum=${next.iso}`));
});

test("Kalender: Datum applies typed German, short and ISO days and refuses others", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto("/termine");
  const toolbar = page.getByRole("toolbar", { name: "Kalender" });
  const datum = toolbar.getByLabel("Datum", { exact: true });
  await expect(datum).toHaveValue(day(0).german);

  const first = day(4);
  await typeDay(datum, first.german, "Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]datum=${first.iso}`));
  await expect(datum).toHaveValue(first.german);

  const second = day(6);
  await typeDay(datum, second.iso, "Tab");
  await expect(page).toHaveURL(new RegExp(`[?&]datum=${second.iso}`));
  await expect(datum).toHaveValue(second.german);

  const third = day(9);
  await typeDay(datum, third.short, "Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]datum=${third.iso}`));

  await typeDay(datum, "12/24/2027", "Enter");
  await expect(toolbar.getByRole("alert")).toHaveText(REFUSAL);
  await expect(page).toHaveURL(new RegExp(`[?&]datum=${third.iso}`));
});
