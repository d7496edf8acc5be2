import { expect, test, type Locator } from "@playwright/test";
import { RAW_ZOD_WORDING } from "../components/forms/plain-messages";
import { logIn } from "./helpers";

/**
 * Real forms submitted empty or with a wrong value: every message under a field is plain German
 * (none of zod's raw wording), and it goes away as soon as the value is right. Nothing is saved:
 * each form is corrected only as far as the message, then left (dialogs closed with Escape).
 */

/** The field messages shown in `scope`: at least one, each plain. */
async function expectPlainMessages(scope: Locator): Promise<void> {
  const messages = scope.locator('[data-slot="form-message"]');
  await expect(messages.first()).toBeVisible();
  for (const text of await messages.allInnerTexts()) {
    expect(text.trim(), "an empty field message").not.toBe("");
    expect(text, `raw wording in „${text}“`).not.toMatch(RAW_ZOD_WORDING);
  }
}

/** `field` is marked after the submit and loses its message once typed right, without another submit. */
async function clearsWhenCorrected(field: Locator, value: string): Promise<void> {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill(value);
  await expect(field).toHaveAttribute("aria-invalid", "false");
}

test("Einstellungen → Firma: an empty company name and a wrong contact e-mail are marked plainly and clear when typed right", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/einstellungen");
  const form = page.getByRole("form", { name: "Firma" });
  const name = form.getByLabel("Firmenname");
  const before = await name.inputValue();
  await name.fill("");
  await form.getByRole("button", { name: "Speichern" }).click();
  await expectPlainMessages(form);
  await expect(form.getByText("Bitte einen Namen angeben.")).toBeVisible();
  await clearsWhenCorrected(name, before);
  await expect(form.locator('[data-slot="form-message"]')).toHaveCount(0);

  const contact = page.getByRole("form", { name: "Kontakt und Bestätigungen" });
  const email = contact.getByLabel("Kontakt-E-Mail");
  const oldEmail = await email.inputValue();
  await email.fill("keine-mail");
  await contact.getByRole("button", { name: "Speichern" }).click();
  await expectPlainMessages(contact);
  await clearsWhenCorrected(email, oldEmail || "info@salon-demo.de");
});

test("Leistung anlegen, empty: plain messages that clear when the field is right", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/einstellungen?bereich=leistungen");
  await page.getByRole("button", { name: "Leistung anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Leistung anlegen" });
  await dialog.getByLabel("Dauer (Minuten)").fill("");
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  await expectPlainMessages(dialog);
  await clearsWhenCorrected(dialog.getByLabel("Name"), "Probe");
  await clearsWhenCorrected(dialog.getByLabel("Dauer (Minuten)"), "30");
  // A price that is no amount is the form's own check, made before the method's rules.
  await dialog.getByLabel("Preis (€)").fill("19,5x");
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  await expectPlainMessages(dialog);
  await clearsWhenCorrected(dialog.getByLabel("Preis (€)"), "19,50");
  await page.keyboard.press("Escape");
});

test("Mitarbeitende: Person anlegen, empty: plain messages that clear when the field is right", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/einstellungen?bereich=mitarbeitende");
  await page.getByRole("button", { name: "Person anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Person anlegen" });
  await dialog.getByLabel("E-Mail (optional)").fill("lina@");
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  await expectPlainMessages(dialog);
  await clearsWhenCorrected(dialog.getByLabel("Name"), "Probe Person");
  await clearsWhenCorrected(dialog.getByLabel("E-Mail (optional)"), "lina@salon-demo.de");
  await page.keyboard.press("Escape");
});

test("Benutzer anlegen, empty and with a bad e-mail: plain messages that clear when the field is right", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/benutzer");
  await page.getByRole("button", { name: "Benutzer anlegen" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  await expectPlainMessages(dialog);
  await dialog.getByLabel("E-Mail").fill("keine-mail");
  await expect(dialog.getByText(/gültige E-Mail-Adresse/)).toBeVisible();
  await expectPlainMessages(dialog);
  await clearsWhenCorrected(dialog.getByLabel("Name"), "Probe Benutzer");
  await clearsWhenCorrected(dialog.getByLabel("E-Mail"), "probe@salon-demo.de");
  await page.keyboard.press("Escape");
});

test("Wissen: Eintrag anlegen, empty: plain messages that clear when the field is right", async ({ page }) => {
  await logIn(page, "admin");
  await page.goto("/wissen");
  await page.getByRole("button", { name: "Eintrag anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Eintrag anlegen" });
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  await expectPlainMessages(dialog);
  await clearsWhenCorrected(dialog.getByLabel("Titel"), "Probe");
  await clearsWhenCorrected(dialog.getByLabel("Antwort"), "Eine Antwort zur Probe.");
  await page.keyboard.press("Escape");
});
