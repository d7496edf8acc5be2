import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { berlinDayAhead, expectNoPageOverflow, logIn, shot } from "./helpers";

// The appointment booked here is cancelled again at the end, so other specs find the seeded figures
// (9 upcoming, 6 customers: it is booked for Julia Meyer, a seeded customer).

const MON_TO_FRI = (weekday: number) => weekday >= 1 && weekday <= 5;
/** 02.12.2026 → 2026-12-02 */
const iso = (german: string) => german.split(".").reverse().join("-");
/** 02.12.2026 → "Mi., 02.12.2026" */
function shortDay(german: string): string {
  const weekday = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", weekday: "long" }).format(new Date(`${iso(german)}T12:00:00Z`));
  return `${weekday.slice(0, 2)}., ${german}`;
}

/** A tRPC mutation as the logged-in browser makes it (superjson envelope). */
async function mutate(request: APIRequestContext, path: string, input: unknown) {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: new URL(test.info().project.use.baseURL!).origin } });
  return res.status();
}

/** Picks an option of a labelled select (Radix: the options open in a layer of their own). */
async function choose(page: Page, scope: ReturnType<Page["getByRole"]>, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** A cell of the day grid by its label, e.g. "13:00, Jonas Wagner, Pause". */
const cell = (page: Page, label: string) => page.locator(`[aria-label="${label}"]`);

test("Kalender: tomorrow's grid has a column per staff member of the branch, the lunch break shaded, and survives a reload", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto("/termine");
  await expect(page.getByRole("heading", { level: 1, name: "Termine" })).toBeVisible();
  await expect(page.getByTestId("calendar-grid")).toBeVisible();

  const tomorrow = berlinDayAhead(1, () => true);
  const weekday = new Date(`${iso(tomorrow)}T12:00:00Z`).getUTCDay();
  await page.getByRole("button", { name: "Morgen" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]datum=${iso(tomorrow)}`));
  await expect(page.getByTestId("calendar-title")).toContainText(tomorrow);
  const columns = page.getByTestId("calendar-column");
  for (const name of ["Anna Becker", "Jonas Wagner", "Leonie Schmidt"]) await expect(columns.filter({ hasText: name })).toBeVisible();
  // Staff of the other branch have no column here.
  await expect(columns.filter({ hasText: "Mehmet Yilmaz" })).toHaveCount(0);

  if (MON_TO_FRI(weekday)) {
    await expect(cell(page, "13:00, Anna Becker, Pause")).toBeVisible();
    await expect(page.getByRole("button", { name: "09:00, Anna Becker, frei" }).or(cell(page, "09:00, Anna Becker, belegt"))).toBeVisible();
    // Leonie starts at 12:00.
    await expect(cell(page, "10:00, Leonie Schmidt, nicht im Dienst")).toBeVisible();
    // The seed books the next workday: tomorrow, Maria Müller at 10:00 with Anna.
    await expect(page.getByRole("link", { name: "10:00–10:45, Maria Müller, Damenhaarschnitt, Geplant" })).toBeVisible();
  } else if (weekday === 0) {
    await expect(page.getByText("An diesem Tag geschlossen.")).toBeVisible();
    await expect(cell(page, "10:00, Anna Becker, geschlossen")).toBeVisible();
  } else {
    await expect(cell(page, "10:00, Anna Becker, nicht im Dienst")).toBeVisible(); // Saturday: only Jonas works
    await expect(page.getByRole("button", { name: "10:00, Jonas Wagner, frei" })).toBeVisible();
  }

  await page.reload();
  await expect(page.getByTestId("calendar-title")).toContainText(tomorrow);
  await expect(page.getByTestId("calendar-column").filter({ hasText: "Jonas Wagner" })).toBeVisible();
  await shot(page, "kalender-morgen");

  // The week view of the same week, also kept in the URL.
  await page.getByRole("tab", { name: "Woche" }).click();
  await expect(page).toHaveURL(/[?&]ansicht=woche/);
  await expect(page.getByTestId("calendar-week")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Leonie Schmidt" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("calendar-week")).toBeVisible();
});

test("Kalender: book into a free cell, drag the appointment to another staff member and time, and a break refuses with the phone's message", async ({ page }, testInfo) => {
  await logIn(page, "staff");
  // Beyond the seeded appointments (the next six workdays), on a weekday with the 13:00 break.
  const day = berlinDayAhead(10, MON_TO_FRI);
  await page.goto(`/termine?datum=${iso(day)}`);
  await expect(page.getByTestId("calendar-title")).toContainText(day);
  let id: string | undefined;

  try {
    // 1. Book: the free cell opens the form with branch, staff, day and time chosen.
    await page.getByRole("button", { name: "14:00, Leonie Schmidt, frei" }).click();
    const dialog = page.getByRole("dialog", { name: "Termin anlegen" });
    await expect(dialog.getByLabel("Mitarbeitende", { exact: true })).toHaveText("Leonie Schmidt");
    await expect(dialog.getByLabel("Filiale", { exact: true })).toHaveText("Salon Schönschnitt Mitte");
    await choose(page, dialog, "Leistung", "Herrenhaarschnitt (30 Min.)");
    await expect(dialog.getByLabel("Mitarbeitende", { exact: true })).toHaveText("Leonie Schmidt");
    await expect(dialog.getByTestId("free-slots").getByRole("radio", { name: "14:00", exact: true })).toBeChecked();
    // Julia Meyer's number: the dialog knows her and fills in her name.
    await dialog.getByLabel("Telefonnummer").pressSequentially("030 987654321", { delay: 30 });
    await expect(dialog.getByLabel("Name der Kundschaft")).toHaveValue("Julia Meyer");
    await dialog.getByRole("button", { name: "Termin buchen" }).click();
    await expect(page.getByText(`Termin gebucht: ${shortDay(day)} 14:00`)).toBeVisible();
    await expect(dialog).toBeHidden();

    const booked = page.getByRole("link", { name: "14:00–14:30, Julia Meyer, Herrenhaarschnitt, Geplant" });
    await expect(booked).toBeVisible();
    id = (await booked.getAttribute("href"))!.split("/").at(-1);
    await expect(cell(page, "14:00, Leonie Schmidt, belegt")).toHaveCount(1);

    // 2. Drag it to Jonas at 15:30: asked first, then moved; still there after a reload.
    await booked.dragTo(page.getByRole("button", { name: "15:30, Jonas Wagner, frei" }));
    const confirm = page.getByRole("alertdialog", { name: "Termin verschieben?" });
    await expect(confirm).toContainText(`Termin von Julia Meyer auf ${shortDay(day)} 15:30 bei Jonas Wagner verschieben?`);
    await shot(page, "kalender-verschieben-frage");
    await confirm.getByRole("button", { name: "Verschieben" }).click();
    await expect(page.getByText(`Termin verschoben auf ${shortDay(day)} 15:30`)).toBeVisible();
    await expect(confirm).toBeHidden();
    await page.reload();
    const moved = page.getByRole("link", { name: "15:30–16:00, Julia Meyer, Herrenhaarschnitt, Geplant" });
    await expect(moved).toBeVisible();
    await expect(cell(page, "15:30, Jonas Wagner, belegt")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "14:00, Leonie Schmidt, frei" })).toBeVisible();

    // 3. Onto Jonas's lunch break: the same refusal the phone gets, and nothing moves.
    await moved.dragTo(cell(page, "13:00, Jonas Wagner, Pause"));
    await expect(confirm).toContainText(`auf ${shortDay(day)} 13:00 bei Jonas Wagner verschieben?`);
    await confirm.getByRole("button", { name: "Verschieben" }).click();
    await expect(confirm.getByTestId("form-alert")).toHaveText("Der gewünschte Termin ist nicht verfügbar.");
    await shot(page, "kalender-pause-abgelehnt");
    await confirm.getByRole("button", { name: "Abbrechen" }).click();
    await page.reload();
    await expect(page.getByRole("link", { name: "15:30–16:00, Julia Meyer, Herrenhaarschnitt, Geplant" })).toBeVisible();

    // 4. The appointment opens its detail.
    await page.getByRole("link", { name: "15:30–16:00, Julia Meyer, Herrenhaarschnitt, Geplant" }).click();
    await expect(page).toHaveURL(new RegExp(`/termine/${id}$`));
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(`Herrenhaarschnitt am ${day} um 15:30 Uhr`);
    await expect(page.getByRole("definition").filter({ hasText: "Jonas Wagner" }).first()).toBeVisible();

    // 5. Screenshots of the grid with the appointment: desktop and tablet.
    for (const [width, height] of [
      [1440, 1000],
      [820, 1180],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`/termine?datum=${iso(day)}`);
      await expect(page.getByRole("link", { name: "15:30–16:00, Julia Meyer, Herrenhaarschnitt, Geplant" })).toBeVisible();
      await expectNoPageOverflow(page, `page wider than ${width} px`);
      await page.screenshot({ path: testInfo.outputPath(`kalender-${width}.png`), fullPage: true });
      await shot(page, `kalender-${width}`);
    }
  } finally {
    if (id) expect(await mutate(page.request, "appointments.cancel", { appointment_id: id })).toBe(200);
  }
});

test("Kalender: a past appointment marked 'Nicht erschienen' on its detail shows in the no-show colour and counts on the customer", async ({ page }) => {
  await logIn(page, "staff");
  // Seeded six days ago: Michael Weber's Herrenhaarschnitt with Jonas at 12:00, completed.
  const day = berlinDayAhead(-6, () => true);
  await page.goto(`/termine?datum=${iso(day)}`);
  const done = page.getByRole("link", { name: "12:00–12:30, Michael Weber, Herrenhaarschnitt, Erledigt" });
  await expect(done).toBeVisible();
  const id = (await done.getAttribute("href"))!.split("/").at(-1)!;
  await done.click();
  await expect(page).toHaveURL(new RegExp(`/termine/${id}$`));

  try {
    await page.getByRole("button", { name: "Nicht erledigt" }).click();
    await page.getByRole("button", { name: "Nicht erschienen", exact: true }).click();
    await expect(page.getByTestId("appointment-status")).toHaveText("Nicht erschienen");

    await page.goto(`/termine?datum=${iso(day)}`);
    await expect(page.getByRole("link", { name: "12:00–12:30, Michael Weber, Herrenhaarschnitt, Nicht erschienen" })).toBeVisible();
    await shot(page, "kalender-nicht-erschienen");
    // The count on the customer, as the booking form's look-up of his number shows it.
    await page.getByRole("button", { name: "Termin anlegen" }).click();
    const dialog = page.getByRole("dialog", { name: "Termin anlegen" });
    await dialog.getByLabel("Telefonnummer").pressSequentially("0176 55544433", { delay: 30 });
    const lookup = dialog.getByTestId("customer-lookup");
    await expect(lookup).toContainText("Bekannte Kundschaft: Michael Weber");
    await expect(lookup).toContainText("1× nicht erschienen");
    await page.keyboard.press("Escape");
  } finally {
    // Back to Erledigt, as seeded (undoing the no-show takes the count back).
    expect(await mutate(page.request, "appointments.setStatus", { appointment_id: id, status: "scheduled" })).toBe(200);
    expect(await mutate(page.request, "appointments.setStatus", { appointment_id: id, status: "completed" })).toBe(200);
  }
});
