import { expect, test, type APIRequestContext, type Browser, type Page, type TestInfo } from "@playwright/test";
import { APPOINTMENT_DETAIL_URL, expectNoPageOverflow, logIn, shot } from "./helpers";

// Every booking made here is cancelled again, so other specs find the seeded figures (9 upcoming, 6 customers).

const dayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });

/** YYYY-MM-DD in Berlin, `offset` days from today. */
function berlinDay(offset: number): string {
  return dayFmt.format(new Date(Date.now() + offset * 86_400_000));
}

/** The first Monday–Friday at least `offset` days ahead. */
function workdayFrom(offset: number): string {
  for (let i = offset; ; i++) {
    const day = berlinDay(i);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) return day;
  }
}

/** 2026-03-20 → 20.03.2026 */
const german = (day: string) => day.split("-").reverse().join(".");

/** A tRPC call as the logged-in browser makes it (superjson envelope). */
async function trpc(request: APIRequestContext, path: string, input: unknown, mutation = false) {
  const payload = { json: input };
  const res = mutation
    ? // A browser sends its Origin with every POST; the endpoint takes mutations only from this site.
      await request.post(`/api/trpc/${path}`, { data: payload, headers: { origin: new URL(test.info().project.use.baseURL!).origin } })
    : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(payload))}`);
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string } } };
  return { status: res.status(), data: body.result?.data.json, error: body.error?.json };
}

async function pageAs(browser: Browser, testInfo: TestInfo, who: "admin" | "staff"): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: "de-DE", timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  await logIn(page, who);
  return page;
}

/** Picks an option of a labelled select (Radix: the options open in a layer of their own). */
async function choose(page: Page, scope: Page | ReturnType<Page["getByRole"]>, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

test("staff book a free time, find it with the filters (kept in the URL), open it and cancel it with a reason", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto("/termine/liste");
  const rows = page.getByTestId("appointment-row");
  await expect(rows).toHaveCount(9); // the seeded upcoming appointments: today and the next 14 days
  const upcoming = page.getByTestId("stat-Anstehende Termine");
  await expect(upcoming).toHaveText("9");
  await expect(rows.first()).toContainText("Maria Müller");
  await expect(rows.first().getByTestId("appointment-status")).toHaveText("Geplant");
  await shot(page, "termine");

  const day = workdayFrom(8);
  await page.getByRole("button", { name: "Termin anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Termin anlegen" });
  await choose(page, dialog, "Filiale", "Salon Schönschnitt Mitte");
  await dialog.getByLabel("Datum", { exact: true }).fill(day);
  await dialog.getByLabel("Datum", { exact: true }).press("Enter");
  await choose(page, dialog, "Leistung", "Herrenhaarschnitt (30 Min.)");
  await choose(page, dialog, "Mitarbeitende", "Jonas Wagner");
  const firstFree = dialog.getByTestId("free-slots").getByRole("radio").first();
  await expect(firstFree).toBeVisible();
  const time = (await firstFree.getAttribute("value"))!;
  await firstFree.check();
  // An existing customer's number, said the way callers say it.
  await dialog.getByLabel("Name der Kundschaft").fill("Maria Müller");
  await dialog.getByLabel("Telefonnummer").fill("0171 12345670");
  await shot(page, "termin-anlegen");
  await dialog.getByRole("button", { name: "Termin buchen" }).click();
  await expect(page.getByText(`Termin gebucht: `, { exact: false }).first()).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(10);
  await expect(upcoming).toHaveText("10");
  const created = rows.filter({ hasText: german(day) }).filter({ hasText: "Herrenhaarschnitt" }).filter({ hasText: "Maria Müller" });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText(time);

  // Jonas's appointments for Maria, found by her number in another spoken form.
  await choose(page, page, "Mitarbeitende", "Jonas Wagner");
  await page.getByLabel("Kundschaft", { exact: true }).fill("0171 1234 5670");
  await expect(page).toHaveURL(/[?&]suche=0171/);
  await expect(page).toHaveURL(/[?&]mitarbeiter=/);
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel("Mitarbeitende", { exact: true })).toHaveText("Jonas Wagner");
  await expect(page.getByLabel("Kundschaft", { exact: true })).toHaveValue("0171 1234 5670");

  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(APPOINTMENT_DETAIL_URL);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`Herrenhaarschnitt am ${german(day)} um ${time} Uhr`);
  const details = page.getByRole("definition");
  await expect(details.filter({ hasText: "Dashboard" })).toHaveCount(1);
  await expect(page.getByText("Dieser Termin ist nicht aus einem Anruf entstanden.")).toBeVisible();

  await page.goBack();
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("button", { name: /stornieren$/ }).click();
  const confirm = page.getByRole("alertdialog", { name: "Termin stornieren?" });
  await confirm.getByLabel("Grund (optional)").fill("Kundin verhindert");
  await confirm.getByRole("button", { name: "Termin stornieren" }).click();
  await expect(rows.first().getByTestId("appointment-status")).toHaveText("Storniert");
  await expect(page.getByText("Der Termin wurde storniert.")).toBeVisible();
  await expect(upcoming).toHaveText("9");
  await page.reload();
  await expect(rows.first().getByTestId("appointment-status")).toHaveText("Storniert");
  await rows.first().getByRole("link").click();
  await expect(page.getByTestId("appointment-status")).toHaveText("Storniert");
  await expect(page.getByText("Kundin verhindert")).toBeVisible();
  await expect(page.getByRole("button", { name: "Stornieren" })).toHaveCount(0);
});

test("the detail of a phone booking shows customer, times, staff, branch and the call that booked it", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto("/termine/liste?status=scheduled");
  await expect(page.getByLabel("Status", { exact: true })).toHaveText("Geplant");
  const maria = page.getByTestId("appointment-row").filter({ hasText: "Maria Müller" }).filter({ hasText: "Damenhaarschnitt" }).first();
  await maria.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText(/^Damenhaarschnitt am \d{2}\.\d{2}\.\d{4} um 10:00 Uhr$/);
  // The number is shown readable, in national form.
  for (const text of ["Maria Müller", "0171 12345670", "Anna Becker", "Salon Schönschnitt Mitte", "Telefonassistent", "Maria Müller buchte einen Damenhaarschnitt."]) {
    await expect(page.getByRole("definition").filter({ hasText: text }).first()).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Verschieben" })).toBeVisible();
  await shot(page, "termin-detail");
  await page.getByRole("link", { name: "Anruf mit Transkript öffnen" }).click();
  await expect(page).toHaveURL(/\/anrufe\/[^/]+$/);
  await expect(page.getByTestId("transcript-turn").first()).toContainText("Salon Schönschnitt");
});

test("moving to a time taken meanwhile, or to a past day, shows the service's German message", async ({ page, browser }, testInfo) => {
  await logIn(page, "admin");
  const colleague = await pageAs(browser, testInfo, "staff");
  const [branches, staff, services] = await Promise.all(
    ["branch.list", "staff.list", "service.list"].map(async (path) => (await trpc(page.request, path, {})).data),
  );
  const mitte = (branches as { branches: Array<{ id: string; name: string }> }).branches.find((b) => b.name === "Salon Schönschnitt Mitte")!.id;
  const jonas = (staff as { staff: Array<{ id: string; name: string }> }).staff.find((s) => s.name === "Jonas Wagner")!.id;
  const herren = (services as { services: Array<{ id: string; name: string }> }).services.find((s) => s.name === "Herrenhaarschnitt")!.id;
  const slot = { branch_id: mitte, service_id: herren, staff_id: jonas };

  const first = workdayFrom(8);
  const free = await trpc(page.request, "appointments.checkAvailability", { ...slot, date: first });
  const firstTime = (free.data as { slots: Array<{ time: string }> }).slots[0].time;
  const booked = await trpc(page.request, "appointments.book", { ...slot, date: first, time: firstTime, customer_name: "Thomas Schneider", customer_phone: "015198765432" }, true);
  expect(booked.status).toBe(200);
  const id = (booked.data as { appointment: { id: string } }).appointment.id;
  const later = workdayFrom(11);
  let raced: string | undefined;

  try {
    await page.goto(`/termine/${id}`);
    await page.getByRole("button", { name: "Verschieben" }).click();
    const dialog = page.getByRole("dialog", { name: "Termin verschieben" });
    // A typed day applies on Enter or when the field is left.
    await dialog.getByLabel("Neues Datum").fill(later);
    await dialog.getByLabel("Neues Datum").press("Enter");
    const wanted = dialog.getByTestId("free-slots").getByRole("radio").first();
    const time = (await wanted.getAttribute("value"))!;
    await wanted.check();
    // A colleague books exactly that time with Jonas before the form is sent.
    const other = await trpc(colleague.request, "appointments.book", { ...slot, date: later, time, customer_name: "Stefan Wolf", customer_phone: "0170 11122233" }, true);
    expect(other.status).toBe(200);
    raced = (other.data as { appointment: { id: string } }).appointment.id;

    await dialog.getByRole("button", { name: "Termin verschieben" }).click();
    await expect(dialog.getByTestId("form-alert")).toHaveText("Der gewünschte Termin ist nicht verfügbar.");
    await expect(dialog.getByTestId("free-slots").getByRole("radio", { name: time, exact: true })).toHaveCount(0);
    await shot(page, "termin-verschieben-belegt");

    await dialog.getByLabel("Neues Datum").fill(berlinDay(-1));
    await dialog.getByLabel("Neues Datum").press("Enter");
    await expect(dialog.getByRole("alert").filter({ hasText: "Dieser Tag liegt in der Vergangenheit." })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(`Herrenhaarschnitt am ${german(first)} um ${firstTime} Uhr`);
  } finally {
    for (const appointment of [id, raced].filter(Boolean)) await trpc(page.request, "appointments.cancel", { appointment_id: appointment }, true);
    await colleague.context().close();
  }
});

test("another company's admin gets 'Termin nicht gefunden' for the salon's appointment, and tRPC answers 404", async ({ page, browser }, testInfo) => {
  const salon = await pageAs(browser, testInfo, "staff");
  await salon.goto("/termine/liste");
  const href = (await salon.getByTestId("appointment-row").first().getByRole("link").getAttribute("href"))!;
  const id = href.split("/").at(-1)!;
  await salon.context().close();

  await logIn(page, "otherAdmin");
  await page.goto(`/termine/${id}`);
  await expect(page.getByRole("heading", { name: "Termin nicht gefunden" })).toBeVisible();
  for (const secret of ["Maria Müller", "+4917112345670", "0171 12345670", "Damenhaarschnitt", "Anna Becker", "Schönschnitt"]) await expect(page.getByText(secret)).toHaveCount(0);
  await shot(page, "termin-fremd");

  const res = await trpc(page.request, "appointments.get", { appointment_id: id });
  expect(res.status).toBe(404);
  expect(res.error?.message).toBe("Der Termin wurde nicht gefunden.");
  expect(JSON.stringify(res)).not.toContain("Maria");
  expect((await trpc(page.request, "appointments.cancel", { appointment_id: id }, true)).status).toBe(404);

  await page.goto("/termine/liste");
  await expect(page.getByTestId("appointment-row")).toHaveCount(1);
  await expect(page.getByTestId("appointment-row")).toContainText("Hanna Berg");
});

test("Termine on a tablet: filters and table fit, the table scrolls inside its own container", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "admin");
  await page.goto("/termine/liste");
  // Cancelled appointments of the tests above are listed too: nine upcoming ones at least.
  await expect(page.getByTestId("appointment-row").first()).toBeVisible();
  expect(await page.getByTestId("appointment-row").count()).toBeGreaterThanOrEqual(9);
  await expectNoPageOverflow(page, "page wider than the tablet screen");
  // What does not fit scrolls sideways inside the table's own container.
  expect(await page.locator('[data-slot="table-container"]').evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
  await shot(page, "termine-tablet");
});
