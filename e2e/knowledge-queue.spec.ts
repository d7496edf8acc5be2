import { expect, test, type Page } from "@playwright/test";
import { expectNoPageOverflow, logIn, shot } from "./helpers";

async function ask(page: Page, question: string) {
  await page.getByLabel("Frage an die Wissensbasis").fill(question);
  await page.getByRole("button", { name: "Suchen" }).click();
  return page.getByTestId("knowledge-search-results");
}

test("Wissen: the search finds a seeded entry; an admin creates, finds and deletes an entry", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/wissen");
  await expect(page.getByRole("heading", { level: 1, name: "Wissen" })).toBeVisible();
  await expect(page.getByTestId("stat-Aktive Einträge")).toHaveText("3");
  await expect(page.getByTestId("knowledge-entry")).toHaveCount(3);

  const parking = await ask(page, "Wo kann ich parken?");
  await expect(parking.getByText("Antwort des Assistenten")).toBeVisible();
  await expect(parking.getByText("Kostenlose Parkplätze gibt es im Hof, Einfahrt über die Friedrichstraße 120.").first()).toBeVisible();
  await expect(parking.getByRole("list", { name: "Treffer" }).getByRole("listitem").first()).toContainText("Parken");

  await page.getByRole("button", { name: "Eintrag anlegen" }).click();
  const form = page.getByRole("dialog", { name: "Eintrag anlegen" });
  await form.getByRole("button", { name: "Anlegen" }).click();
  // Checked with knowledge.upsert's own schema: title and answer are required.
  await expect(form.getByLabel("Titel")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Antwort")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Bitte einen Titel angeben.")).toBeVisible();

  await form.getByLabel("Titel").fill("Hunde im Salon");
  await form.getByLabel("Antwort").fill("Gut erzogene Hunde sind bei uns herzlich willkommen.");
  await form.getByLabel("Kategorie").fill("service");
  await form.getByLabel("Stichwörter").fill("hund, hunde, haustier");
  await form.getByRole("combobox", { name: "Gilt für" }).click();
  await page.getByRole("option", { name: "Salon Schönschnitt Mitte" }).click();
  await shot(page, "wissen-eintrag-anlegen");
  await form.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText("„Hunde im Salon“ wurde angelegt.")).toBeVisible();
  await expect(page.getByTestId("stat-Aktive Einträge")).toHaveText("4");
  const card = page.getByTestId("knowledge-entry").filter({ hasText: "Hunde im Salon" });
  await expect(card).toContainText("Salon Schönschnitt Mitte");
  await expect(card).toContainText("haustier");

  const dogs = await ask(page, "Darf ich meinen Hund mitbringen?");
  await expect(dogs.getByText("Gut erzogene Hunde sind bei uns herzlich willkommen.").first()).toBeVisible();
  await shot(page, "wissen-suche");

  // Cleaned up again, through the page: the seeded state stays as other specs expect it.
  await card.getByRole("button", { name: "„Hunde im Salon“ löschen" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Löschen" }).click();
  await expect(page.getByText("„Hunde im Salon“ wurde gelöscht.")).toBeVisible();
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId("stat-Aktive Einträge")).toHaveText("3");
});

test("Wissen for staff on a tablet: reading and searching, no editing", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "staff");
  await page.goto("/wissen");
  await expect(page.getByTestId("knowledge-entry")).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Eintrag anlegen" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /bearbeiten|löschen/ })).toHaveCount(0);
  const found = await ask(page, "Kann ich mit Karte zahlen?");
  await expect(found.getByText("Sie können bar, mit EC-Karte oder mit Kreditkarte bezahlen.").first()).toBeVisible();
  await expectNoPageOverflow(page);
});

test("Warteschlange: counts on top, jobs by state in tabs that agree with them; fits a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await logIn(page, "admin");
  await page.goto("/warteschlange");
  await expect(page.getByRole("heading", { level: 1, name: "Warteschlange" })).toBeVisible();
  for (const label of ["Wartend", "In Bearbeitung", "Fehlgeschlagen", "Erledigt", "Abgebrochen"]) {
    await expect(page.getByTestId(`stat-${label}`)).toHaveText(/^\d+$/);
  }
  const tabs = page.getByRole("tablist", { name: "Aufträge nach Zustand" });
  await expect(tabs.getByRole("tab")).toHaveText([/^Alle \(\d+\)$/, /^Wartend/, /^In Bearbeitung/, /^Fehlgeschlagen/, /^Erledigt/, /^Abgebrochen/]);

  // Whatever earlier tests left: each tab lists exactly as many jobs as its count says (up to a page), or says it is empty.
  for (const [tab, empty] of [
    ["Alle", "Noch keine Hintergrundaufträge."],
    ["Erledigt", "Keine Aufträge im Zustand „Erledigt“."],
    ["Fehlgeschlagen", "Keine Aufträge im Zustand „Fehlgeschlagen“."],
  ] as const) {
    const trigger = tabs.getByRole("tab", { name: new RegExp(`^${tab} \\(`) });
    await trigger.click();
    await expect(trigger).toHaveAttribute("aria-selected", "true");
    const count = Number(/\((\d+)\)/.exec((await trigger.textContent()) ?? "")![1]);
    const panel = page.getByRole("tabpanel");
    if (count === 0) await expect(panel.getByText(empty)).toBeVisible();
    else await expect(panel.getByTestId("queue-job")).toHaveCount(Math.min(count, 25));
  }
  await tabs.getByRole("tab", { name: /^Alle/ }).click();
  await expectNoPageOverflow(page);
  await shot(page, "warteschlange-tablet");
});

test("Warteschlange for staff: no retry or cancel buttons", async ({ page }) => {
  await logIn(page, "staff");
  await page.goto("/warteschlange");
  await expect(page.getByTestId("stat-Wartend")).toBeVisible();
  await expect(page.getByRole("button", { name: /wiederholen|abbrechen/ })).toHaveCount(0);
});
