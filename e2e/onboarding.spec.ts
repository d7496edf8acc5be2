import { expect, test, type Page } from "@playwright/test";
import { signRetell } from "../server/integrations/retell/signature";
import { setupCodeFor } from "../server/services/company/setup-code";
import { berlinDayAhead, shot } from "./helpers";

/**
 * From an empty install to a booked call, on a second server of the same build started without
 * demo data and with a Retell workspace of its own (playwright.config.ts): the set-up wizard,
 * "Erste Schritte" through service, staff, Retell key, number import and "Agent einrichten",
 * then a signed custom-function call to the imported number books an appointment.
 */
const APP = process.env.E2E_ONBOARDING_URL!;
const RETELL = process.env.E2E_ONBOARDING_RETELL_URL!;
const RETELL_KEY = process.env.E2E_ONBOARDING_RETELL_KEY!;
const NUMBER = process.env.E2E_ONBOARDING_NUMBER!;
const OWNER = { name: "Nora Lindqvist", email: "nora@salon-nordlicht.de", password: "Nordlicht-Salon-2026" };
const SERVICE = "Skandi-Schnitt";
/** The prompt's rule to read the appointment back and book only after an explicit "ja" (server/services/retell/agent-prompt.ts). */
const READ_BACK_RULE =
  "Lies dem Anrufer vor dem Buchen den gesammelten Termin vollständig vor (Dienstleistung, Datum, Uhrzeit und Name) und frage, ob alles stimmt. Buche erst, wenn der Anrufer ausdrücklich mit „ja“ bestätigt hat.";
const STAFF = "Jonas Berg";

test.describe.configure({ mode: "serial" });

async function retellApi<T>(path: string, method = "GET"): Promise<T> {
  const res = await fetch(`${RETELL}${path}`, { method, headers: { authorization: `Bearer ${RETELL_KEY}`, "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });
  expect(res.status, `${method} ${path}`).toBe(200);
  return (await res.json()) as T;
}

async function step(page: Page, title: string) {
  await page.getByRole("navigation", { name: "Schritte der Einrichtung" }).getByRole("button", { name: new RegExp(title) }).click();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^Schritt \\d: ${title}`) })).toBeVisible();
}

test("a new install is set up from the wizard to a booked phone call", async ({ page }) => {
  test.setTimeout(180_000);

  // An install without a company sends visitors to its set-up; a wrong code is refused at its field.
  await page.goto(`${APP}/login`);
  await expect(page).toHaveURL(`${APP}/einrichtung`);
  await expect(page.getByRole("heading", { level: 1, name: /Richten Sie Ihren Betrieb ein/ })).toBeVisible();
  const wizard = page.getByRole("form", { name: "Betrieb einrichten" });
  await wizard.getByLabel("Einrichtungscode", { exact: true }).fill("AAAAA-BBBBB-CCCCC");
  await wizard.getByLabel("Name des Betriebs").fill("Salon Nordlicht");
  await expect(wizard.getByLabel("Kürzel", { exact: true })).toHaveValue("salon-nordlicht");
  await wizard.getByLabel("Straße und Hausnummer").fill("Lange Reihe 12");
  await wizard.getByLabel("PLZ", { exact: true }).fill("20099");
  await wizard.getByLabel("Ort", { exact: true }).fill("Hamburg");
  await wizard.getByRole("combobox", { name: "Bundesland" }).click();
  await page.getByRole("option", { name: "Hamburg" }).click();
  await wizard.getByLabel("Ihr Name", { exact: true }).fill(OWNER.name);
  await wizard.getByLabel("E-Mail", { exact: true }).fill(OWNER.email);
  await wizard.getByLabel("Passwort", { exact: true }).fill(OWNER.password);
  await wizard.getByLabel("Passwort wiederholen").fill(OWNER.password);
  await wizard.getByRole("button", { name: "Betrieb einrichten" }).click();
  await expect(wizard.getByText(/Einrichtungscode stimmt nicht/)).toBeVisible();
  await wizard.getByLabel("Einrichtungscode", { exact: true }).fill(setupCodeFor(process.env.E2E_ONBOARDING_SECRET!));
  await shot(page, "einrichtung-assistent");
  await wizard.getByRole("button", { name: "Betrieb einrichten" }).click();

  // Logged in as the new admin, on "Erste Schritte"; the branch with its opening hours exists.
  await expect(page).toHaveURL(`${APP}/erste-schritte`, { timeout: 30_000 });
  await expect(page.getByTestId("user-name")).toHaveText(OWNER.name);
  await expect(page.getByRole("button", { name: /Filialen und Öffnungszeiten \(erledigt\)/ })).toBeVisible();
  await expect(page.getByText("Salon Nordlicht").first()).toBeVisible();

  await step(page, "Leistungen");
  await page.getByRole("button", { name: "Leistung anlegen" }).click();
  const serviceForm = page.getByRole("dialog", { name: "Leistung anlegen" });
  await serviceForm.getByLabel("Name").fill(SERVICE);
  await serviceForm.getByLabel("Dauer (Minuten)").fill("45");
  await serviceForm.getByLabel("Preis (€)").fill("52,00");
  await serviceForm.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText(`„${SERVICE}“ wurde angelegt.`)).toBeVisible();

  await step(page, "Mitarbeitende");
  await page.getByRole("button", { name: "Person anlegen" }).click();
  const staffForm = page.getByRole("dialog", { name: "Person anlegen" });
  await staffForm.getByLabel("Name").fill(STAFF);
  await staffForm.getByRole("checkbox", { name: SERVICE }).click();
  const hours = staffForm.getByRole("group", { name: "Arbeitszeiten" });
  await hours.getByRole("checkbox", { name: "Dienstag" }).click();
  await hours.getByLabel("Dienstag, Arbeitszeit 1 von").fill("09:00");
  await hours.getByLabel("Dienstag, Arbeitszeit 1 bis").fill("18:00");
  await staffForm.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText(`„${STAFF}“ wurde angelegt.`)).toBeVisible();

  await step(page, "Retell verbinden");
  await page.getByLabel("Retell-API-Schlüssel", { exact: true }).fill(RETELL_KEY);
  await page.getByRole("button", { name: "Schlüssel speichern" }).click();
  await expect(page.getByText(/Der Retell-API-Schlüssel .* ist hinterlegt/)).toBeVisible();

  await step(page, "Rufnummer");
  await page.getByRole("button", { name: "Aus Retell importieren" }).click();
  const importDialog = page.getByRole("dialog");
  await importDialog.getByRole("checkbox", { name: new RegExp(NUMBER.slice(-6)) }).click();
  await importDialog.getByRole("button", { name: "Importieren" }).click();
  await expect(page.getByRole("cell", { name: "+49 40 123456789", exact: true })).toBeVisible();

  await step(page, "Agent einrichten");
  await page.getByRole("checkbox", { name: new RegExp(NUMBER.slice(-6)) }).check();
  await page.getByRole("button", { name: "Agent einrichten", exact: true }).click();
  await expect(page.getByText("Agent eingerichtet")).toBeVisible({ timeout: 30_000 });
  await shot(page, "einrichtung-agent");

  // What the company's Retell workspace received: an LLM with our tools and the German prompt, an agent bound to the number.
  const phone = await retellApi<{ inbound_agents: Array<{ agent_id: string }> | null }>(`/get-phone-number/${encodeURIComponent(NUMBER)}`);
  const agentId = phone.inbound_agents?.[0]?.agent_id;
  expect(agentId).toBeTruthy();
  const agent = await retellApi<{ language: string; webhook_url: string | null; response_engine: { type: string; llm_id: string } }>(`/get-agent/${agentId}`);
  expect(agent.language).toBe("de-DE");
  expect(agent.webhook_url).toBe(`${APP}/api/mcp/retell/webhook`);
  const llm = await retellApi<{ general_prompt: string; general_tools: Array<{ name: string; type: string; url?: string }> }>(`/get-retell-llm/${agent.response_engine.llm_id}`);
  expect(llm.general_prompt).toContain("Salon Nordlicht");
  expect(llm.general_prompt).toContain(SERVICE);
  expect(llm.general_prompt).toContain(READ_BACK_RULE);
  const tools = Object.fromEntries(llm.general_tools.map((t) => [t.name, t]));
  expect(tools.book_appointment).toMatchObject({ type: "custom", url: expect.stringContaining(`${APP}/api/mcp/retell/custom-function`) });
  expect(tools.check_availability).toMatchObject({ type: "custom" });
  expect(tools.end_call).toMatchObject({ type: "end_call" });

  // A call to the new number books through our custom function, signed with the workspace's key.
  const datum = berlinDayAhead(3, (weekday) => weekday === 2); // the staff member works on Tuesdays
  const body = JSON.stringify({
    name: "book_appointment",
    call: { call_id: `call_onboarding_${Date.now()}`, call_type: "phone_call", direction: "inbound", from_number: "+4917655512345", to_number: NUMBER },
    args: { datum, uhrzeit: "10 Uhr", name: "Frida Holm", dienstleistung: SERVICE },
  });
  const res = await fetch(`${APP}/api/mcp/retell/custom-function`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-retell-signature": signRetell(body, RETELL_KEY, Date.now()) },
    body,
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ success: true });

  await page.goto(`${APP}/termine/liste?von=${datum.split(".").reverse().join("-")}&bis=${datum.split(".").reverse().join("-")}`);
  await expect(page.getByText("Frida Holm").first()).toBeVisible();
  await expect(page.getByText(SERVICE).first()).toBeVisible();
  await shot(page, "einrichtung-erster-termin");
});

