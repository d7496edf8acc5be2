import { expect, test, type Page } from "@playwright/test";
import { expectNoPageOverflow, logIn, shot } from "./helpers";

// Names unique per run, in case the server (and its database) is reused between runs.
const RUN = Date.now().toString(36).slice(-5);
const MITTE = "Salon Schönschnitt Mitte";

async function openTab(page: Page, name: string, bereich: string) {
  await page.getByRole("tab", { name }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]bereich=${bereich}`));
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

test("Firma: name, contact and booking rules; a wrong value is marked in German", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/einstellungen");
  await expect(page.getByRole("heading", { level: 1, name: "Einstellungen" })).toBeVisible();
  await expect(page.getByLabel("Firmenname")).toHaveValue("Salon Schönschnitt");
  await expect(page.getByText(/Buchungsregeln: Taktung/)).toBeVisible();

  const rules = page.getByRole("form", { name: "Buchungsregeln" });
  await rules.getByLabel("Taktung (Minuten)").fill("2");
  await rules.getByRole("button", { name: "Speichern" }).click();
  await expect(rules.getByLabel("Taktung (Minuten)")).toHaveAttribute("aria-invalid", "true");
  await expect(rules.getByRole("alert")).toContainText(/5/);

  await rules.getByLabel("Taktung (Minuten)").fill("15");
  await rules.getByLabel("Stornobedingungen").fill("Absagen bis 24 Stunden vorher sind kostenlos.");
  await rules.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Die Buchungsregeln wurden gespeichert.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Stornobedingungen")).toHaveValue("Absagen bis 24 Stunden vorher sind kostenlos.");
  await shot(page, "einstellungen-firma");

  // The seeded text again (the assistant reads it when a caller cancels).
  await page.getByLabel("Stornobedingungen").fill("Stornierungen bis 24 Stunden vorher sind kostenlos.");
  await page.getByRole("form", { name: "Buchungsregeln" }).getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Die Buchungsregeln wurden gespeichert.")).toBeVisible();
});

test("Filialen: close Saturday, kept after a reload; end before start is refused inline and nothing is saved", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/einstellungen");
  await openTab(page, "Filialen", "filialen");
  const row = page.getByTestId(`branch-${MITTE}`);
  await expect(row.getByTestId("opening-hours")).toContainText("Sa 09:00–14:00");
  await shot(page, "einstellungen-filialen");

  // An invalid range: the method's schema answers in German under the exact input.
  await row.getByRole("button", { name: `Filiale „${MITTE}“ bearbeiten` }).click();
  let dialog = page.getByRole("dialog", { name: "Filiale bearbeiten" });
  const hours = dialog.getByRole("group", { name: "Öffnungszeiten" });
  await hours.getByLabel("Montag, Öffnungszeit 1 bis").fill("08:00");
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(hours.getByLabel("Montag, Öffnungszeit 1 bis")).toHaveAttribute("aria-invalid", "true");
  await expect(hours.getByText("Das Ende muss nach dem Beginn liegen.")).toBeVisible();
  await hours.getByLabel("Montag, Öffnungszeit 1 von").scrollIntoViewIfNeeded();
  await shot(page, "einstellungen-filiale-fehler");
  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByTestId(`branch-${MITTE}`).getByTestId("opening-hours")).toContainText("Mo–Mi 09:00–18:00");

  // Close Saturday.
  await page.getByRole("button", { name: `Filiale „${MITTE}“ bearbeiten` }).click();
  dialog = page.getByRole("dialog", { name: "Filiale bearbeiten" });
  await dialog.getByRole("group", { name: "Öffnungszeiten" }).getByRole("checkbox", { name: "Samstag" }).click();
  await expect(dialog.getByTestId("branch-hours-6")).toContainText("Geschlossen");
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText(`„${MITTE}“ wurde gespeichert.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`branch-${MITTE}`).getByTestId("opening-hours")).not.toContainText("Sa");

  await page.reload();
  await expect(page.getByRole("tab", { name: "Filialen" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId(`branch-${MITTE}`).getByTestId("opening-hours")).not.toContainText("Sa");
  await page.getByRole("button", { name: `Filiale „${MITTE}“ bearbeiten` }).click();
  dialog = page.getByRole("dialog", { name: "Filiale bearbeiten" });
  const saturday = dialog.getByRole("group", { name: "Öffnungszeiten" }).getByRole("checkbox", { name: "Samstag" });
  await expect(saturday).not.toBeChecked();
  await shot(page, "einstellungen-filiale-bearbeiten");

  // Open again as seeded (other specs book on Saturdays).
  await saturday.click();
  await dialog.getByLabel("Samstag, Öffnungszeit 1 bis").fill("14:00");
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`branch-${MITTE}`).getByTestId("opening-hours")).toContainText("Sa 09:00–14:00");
});

test("Leistungen und Mitarbeitende: a new service and a new person offering it are listed", async ({ page }) => {
  const service = `Augenbrauen ${RUN}`;
  const person = `Lina Vogel ${RUN}`;
  await logIn(page, "admin");
  await page.goto("/einstellungen?bereich=leistungen");
  await expect(page.getByRole("table", { name: "Leistungen" })).toBeVisible();

  await page.getByRole("button", { name: "Leistung anlegen" }).click();
  const form = page.getByRole("dialog", { name: "Leistung anlegen" });
  await form.getByLabel("Name").fill("färben");
  await form.getByLabel("Preis (€)").fill("19,5x");
  await form.getByRole("button", { name: "Anlegen" }).click();
  await expect(form.getByText("Bitte einen Betrag wie 49,00 angeben.")).toBeVisible();
  await form.getByLabel("Preis (€)").fill("19,50");
  await form.getByRole("button", { name: "Anlegen" }).click();
  // Unique per company, whatever the case: the service's own message, at the name.
  await expect(form.getByText("Eine Leistung „Färben“ gibt es bereits. Bitte einen anderen Namen wählen.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Name").fill(service);
  await form.getByLabel("Dauer (Minuten)").fill("20");
  await form.getByLabel("Puffer danach (Minuten)").fill("5");
  await form.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText(`„${service}“ wurde angelegt.`)).toBeVisible();
  const serviceRow = page.getByTestId(`service-${service}`);
  await expect(serviceRow).toContainText("20 Min.");
  await expect(serviceRow).toContainText("19,50 €");
  await expect(serviceRow).toContainText("Allen Filialen");
  await shot(page, "einstellungen-leistungen");

  await openTab(page, "Mitarbeitende", "mitarbeitende");
  await page.getByRole("button", { name: "Person anlegen" }).click();
  const staffForm = page.getByRole("dialog", { name: "Person anlegen" });
  await staffForm.getByLabel("Name").fill(person);
  await staffForm.getByLabel("E-Mail (optional)").fill("lina@salon-demo.de");
  await expect(staffForm.getByRole("combobox", { name: "Filiale" })).toHaveText(MITTE);
  await staffForm.getByRole("checkbox", { name: service }).click();
  const hours = staffForm.getByRole("group", { name: "Arbeitszeiten" });
  await hours.getByRole("checkbox", { name: "Dienstag" }).click();
  await hours.getByLabel("Dienstag, Arbeitszeit 1 von").fill("10:00");
  await staffForm.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText(`„${person}“ wurde angelegt.`)).toBeVisible();
  const staffRow = page.getByRole("table", { name: `Mitarbeitende ${MITTE}` }).getByTestId(`staff-${person}`);
  await expect(staffRow).toContainText(service);
  await expect(staffRow).toContainText("Di 10:00–17:00");
  await shot(page, "einstellungen-mitarbeitende");

  // A holiday next summer, listed as German dates, then removed again.
  const year = new Date().getFullYear() + 1;
  await staffRow.getByRole("button", { name: `Abwesenheiten von ${person}` }).click();
  const absences = page.getByRole("dialog", { name: `Abwesenheiten von ${person}` });
  await expect(absences.getByText("Keine Abwesenheiten eingetragen.")).toBeVisible();
  await absences.getByLabel("Von").fill(`${year}-08-03`);
  await absences.getByLabel("Bis einschließlich").fill(`${year}-08-07`);
  await absences.getByLabel("Grund (optional)").fill("Urlaub");
  await absences.getByRole("button", { name: "Eintragen" }).click();
  const entry = absences.getByRole("list", { name: "Eingetragene Abwesenheiten" }).getByRole("listitem");
  await expect(entry).toHaveText(`03.08.${year} – 07.08.${year} · Urlaub`);
  await shot(page, "einstellungen-abwesenheiten");
  await entry.getByRole("button", { name: /entfernen/ }).click();
  await expect(absences.getByText("Keine Abwesenheiten eingetragen.")).toBeVisible();
  await page.keyboard.press("Escape");

  await openTab(page, "Leistungen", "leistungen");
  await expect(serviceRow.getByRole("cell").nth(4)).toHaveText("1");

  // Deactivated again, so other specs see the seeded choices.
  await serviceRow.getByRole("button", { name: `Leistung „${service}“ deaktivieren` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Deaktivieren" }).click();
  await expect(serviceRow).toContainText("Inaktiv");
  await openTab(page, "Mitarbeitende", "mitarbeitende");
  await staffRow.getByRole("button", { name: `${person} deaktivieren` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Deaktivieren" }).click();
  await expect(staffRow).toContainText("Inaktiv");
});

test("Kalender: the built-in calendar tests fine; a Cal.com key against an unreachable address fails fast, in German, and stays hidden", async ({ page }) => {
  const key = `cal_live_e2e_${RUN}_secret`;
  await logIn(page, "admin");
  await page.goto("/einstellungen?bereich=kalender");
  await page.getByRole("button", { name: "Verbindung testen" }).click();
  const result = page.getByTestId("calendar-test-result");
  await expect(result).toContainText("Verbindung erfolgreich");
  await expect(result).toContainText("Der eingebaute Kalender ist aktiv.");
  await shot(page, "einstellungen-kalender");

  await page.getByLabel("Cal.com").check();
  await page.getByLabel("API-Adresse").fill("http://127.0.0.1:9/v2");
  await page.getByLabel("API-Schlüssel").fill(key);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Die Cal.com-Anbindung wurde gespeichert.")).toBeVisible();
  await expect(page.getByLabel("Neuer API-Schlüssel")).toHaveValue("");
  await expect(page.getByText(/Hinterlegt: cal_•+cret/)).toBeVisible();
  expect(await page.content()).not.toContain(key);

  const started = Date.now();
  await page.getByRole("button", { name: "Verbindung testen" }).click();
  await expect(result).toContainText("Verbindung fehlgeschlagen", { timeout: 15_000 });
  expect(Date.now() - started, "the test must not hang").toBeLessThan(15_000);
  await expect(result).toContainText("Der Kalender ist gerade nicht erreichbar.");
  await expect(page.getByTestId("calendar-status")).toContainText("Letzter Test fehlgeschlagen");
  await shot(page, "einstellungen-kalender-calcom-fehler");

  // Back to the built-in calendar: other specs book appointments.
  await page.getByLabel("Eingebauter Kalender").check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Der eingebaute Kalender ist eingestellt.")).toBeVisible();
  await page.getByRole("button", { name: "Verbindung testen" }).click();
  await expect(result).toContainText("Verbindung erfolgreich");
});

test("Retell tab shows the API key card; every tab fits a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "admin");
  await page.goto("/einstellungen?bereich=retell");
  await expect(page.getByRole("heading", { name: "Retell-API-Schlüssel" })).toBeVisible();
  await expect(page.getByTestId("api-key-status")).toContainText("Verbunden");
  await shot(page, "einstellungen-retell");
  for (const [name, bereich] of [
    ["Firma", "firma"],
    ["Filialen", "filialen"],
    ["Leistungen", "leistungen"],
    ["Mitarbeitende", "mitarbeitende"],
    ["Kalender", "kalender"],
    ["Retell", "retell"],
  ] as const) {
    await openTab(page, name, bereich);
    await expectNoPageOverflow(page);
  }
  await openTab(page, "Mitarbeitende", "mitarbeitende");
  await shot(page, "einstellungen-mitarbeitende-tablet");
});
