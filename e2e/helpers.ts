import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signRetell } from "../server/integrations/retell/signature";
import { DEMO_USERS as SALON_USERS, OTHER_DEMO_USERS } from "../server/seed/logins";

/** The seeded logins: the salon's admin and staff user, and the admin of the second company. */
export const DEMO_USERS = { ...SALON_USERS, ...OTHER_DEMO_USERS };

/** Keeps a full-page screenshot of what the test saw, under test-results/screenshots/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export async function logIn(page: Page, who: keyof typeof DEMO_USERS, path = "/login"): Promise<void> {
  const user = DEMO_USERS[who];
  await page.goto(path);
  await page.getByLabel("E-Mail").fill(user.email);
  await page.getByLabel("Passwort").fill(user.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  // Generous: the first login of a fresh server also opens the embedded database.
  await expect(page.getByTestId("user-name")).toHaveText(user.name, { timeout: 30_000 });
}

/**
 * A day `minDaysAhead` or more days after today in Berlin whose Berlin weekday passes `ok`
 * (0 = Sunday), as dd.MM.yyyy. Counted on Berlin's calendar, so a run near midnight UTC does
 * not land on the neighbouring weekday.
 */
export function berlinDayAhead(minDaysAhead: number, ok: (weekday: number) => boolean): string {
  const berlin = (d: Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", ...opts }).format(d);
  const [m, d, y] = berlin(new Date(), { year: "numeric", month: "2-digit", day: "2-digit" }).split("/").map(Number);
  // Noon UTC of Berlin's today: adding whole days never crosses into another Berlin date by the offset.
  const day = new Date(Date.UTC(y!, m! - 1, d! + minDaysAhead, 12));
  while (!ok(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
  return `${String(day.getUTCDate()).padStart(2, "0")}.${String(day.getUTCMonth() + 1).padStart(2, "0")}.${day.getUTCFullYear()}`;
}

/** dd.MM.yyyy → YYYY-MM-DD */
export const iso = (german: string) => german.split(".").reverse().join("-");

/** An appointment's detail page (/termine/<id>); the list at /termine/liste would match a looser pattern before the click has navigated. */
export const APPOINTMENT_DETAIL_URL = /\/termine\/(?!liste$)[^/?]+$/;

/** A tRPC call as the logged-in browser makes it (superjson envelope). */
export async function trpc(request: APIRequestContext, path: string, input: unknown, mutation = false) {
  const payload = { json: input };
  const res = mutation
    ? await request.post(`/api/trpc/${path}`, { data: payload, headers: { origin: new URL(test.info().project.use.baseURL!).origin } })
    : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(payload))}`);
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string } } };
  return { status: res.status(), data: body.result?.data.json as Record<string, unknown> | undefined, error: body.error?.json };
}

/** A staff member and a service of the demo data, by name. */
export async function staffAndService(request: APIRequestContext, staffName: string, serviceName: string) {
  const staff = (await trpc(request, "staff.list", {})).data as { staff: Array<{ id: string; name: string; branch_id: string }> };
  const services = (await trpc(request, "service.list", {})).data as { services: Array<{ id: string; name: string }> };
  return { staff: staff.staff.find((s) => s.name === staffName)!, service: services.services.find((s) => s.name === serviceName)! };
}

const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
/** The demo salon's number callers dial. */
export const SALON_NUMBER = "+49301234567";

/** Posts a webhook body signed with the demo Retell key, as Retell does. */
export async function postSignedRetell(path: string, body: unknown): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(`${APP}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-retell-signature": signRetell(raw, "demo-retell-key", Date.now()) },
    body: raw,
  });
}

/**
 * Picks an option of a labelled select (Radix: the options open in a layer of their own). A click
 * that lands while the list is still opening can be lost (seen in CI: the list stayed open), so
 * the option is clicked until the list has closed.
 */
export async function choose(page: Page, scope: Page | ReturnType<Page["getByRole"]>, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  const item = page.getByRole("option", { name: option, exact: true });
  await expect(async () => {
    if (await item.isVisible()) await item.click({ timeout: 2_000 });
    await expect(page.getByRole("listbox")).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/**
 * In the open "Termin anlegen" dialog: a Herrenhaarschnitt with Jonas Wagner (Mitte) on `day`
 * (dd.MM.yyyy, typed like a person); returns the first free time once it shows.
 */
export async function firstFreeHerrenhaarschnitt(page: Page, dialog: ReturnType<Page["getByRole"]>, day: string) {
  await choose(page, dialog, "Filiale", "Salon Schönschnitt Mitte");
  const datum = dialog.getByLabel("Datum", { exact: true });
  await datum.click();
  await datum.press("ControlOrMeta+a");
  await datum.pressSequentially(day, { delay: 40 });
  await datum.press("Enter");
  await choose(page, dialog, "Leistung", "Herrenhaarschnitt (30 Min.)");
  await choose(page, dialog, "Mitarbeitende", "Jonas Wagner");
  const firstFree = dialog.getByTestId("free-slots").getByRole("radio").first();
  await expect(firstFree).toBeVisible();
  return firstFree;
}

/**
 * The page is no wider than the screen once the layout has settled: after a resize the content's
 * padding follows the sidebar with a 200 ms transition, and a measurement inside it can be a pixel off.
 */
export async function expectNoPageOverflow(page: Page, message = "page wider than the screen"): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message })
    .toBeLessThanOrEqual(0);
}
