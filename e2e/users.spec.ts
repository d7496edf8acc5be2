import { expect, test, type Page } from "@playwright/test";
import { logIn, shot } from "./helpers";

// The e2e database lives for the whole run: a fresh address per run keeps reruns against a kept server apart.
const stamp = Date.now().toString(36);
const NEW_USER = { name: "Svea Sommerfeld", email: `svea.${stamp}@salon-demo.de` };
const FIRST_PASSWORD = "Lavendel-am-Morgen-26";
const SECOND_PASSWORD = "Rosmarin-am-Abend-27";

async function logInWith(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-Mail").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

test("admin adds a staff user, who sets a password through the one-time link, changes it under Mein Konto and is logged out at once when deactivated", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  const staffContext = await browser.newContext();
  const otherDeviceContext = await browser.newContext();
  try {
    // The admin opens "Benutzer" and sees the own account.
    const admin = await adminContext.newPage();
    await logIn(admin, "admin");
    await admin.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Benutzer" }).click();
    await expect(admin).toHaveURL(/\/benutzer$/);
    await expect(admin.getByRole("heading", { level: 1, name: "Benutzer" })).toBeVisible();
    await expect(admin.getByTestId("user-admin@salon-demo.de")).toContainText("Sie");

    // "Benutzer anlegen": name, e-mail, role Team (the default); the one-time link is shown once.
    await admin.getByRole("button", { name: "Benutzer anlegen" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Name").fill(NEW_USER.name);
    await dialog.getByLabel("E-Mail").fill(NEW_USER.email);
    await expect(dialog.getByRole("combobox")).toContainText("Team");
    await dialog.getByRole("button", { name: "Anlegen" }).click();
    await expect(dialog.getByText("Nur jetzt sichtbar")).toBeVisible();
    const linkField = dialog.getByLabel("Link zum Festlegen des Passworts");
    await expect(linkField).toHaveValue(/\/passwort-setzen\/[A-Za-z0-9_-]{43}$/);
    const link = await linkField.inputValue();
    await expect(dialog.getByRole("button", { name: "Kopieren" })).toBeVisible();
    // The e2e server has no SMTP_URL: the dialog says the link must be passed on by hand.
    await expect(dialog.getByTestId("link-mail-note")).toContainText("kein E-Mail-Versand eingerichtet");
    await shot(admin, "benutzer-link");
    await dialog.getByRole("button", { name: "Fertig" }).click();
    await expect(admin.getByRole("dialog")).toHaveCount(0);
    const row = admin.getByTestId(`user-${NEW_USER.email}`);
    await expect(row).toContainText(NEW_USER.name);
    await expect(row).toContainText("Team");
    await expect(row).toContainText("Link offen bis");
    await shot(admin, "benutzer");

    // The new user opens the link without a session and sets a password; the rules answer under the field.
    const staff = await staffContext.newPage();
    await staff.goto(link);
    await expect(staff.getByRole("heading", { name: "Passwort festlegen" })).toBeVisible();
    await expect(staff.getByText(NEW_USER.email)).toBeVisible();
    await staff.getByLabel("Neues Passwort").fill("passwort123");
    await staff.getByLabel("Passwort wiederholen").fill("passwort123");
    await staff.getByRole("button", { name: "Passwort speichern" }).click();
    await expect(staff.getByText("Dieses Passwort ist zu verbreitet und leicht zu erraten.")).toBeVisible();
    await staff.getByLabel("Neues Passwort").fill(FIRST_PASSWORD);
    await staff.getByLabel("Passwort wiederholen").fill(FIRST_PASSWORD);
    await staff.getByRole("button", { name: "Passwort speichern" }).click();
    await expect(staff).toHaveURL(/\/login\?passwort=gesetzt$/);
    await expect(staff.getByTestId("password-set-notice")).toBeVisible();

    // The link works only once.
    const again = await otherDeviceContext.newPage();
    await again.goto(link);
    await expect(again.getByText("Dieser Link ist ungültig oder wurde bereits benutzt.")).toBeVisible();

    // The staff user logs in and sees no admin section.
    await logInWith(staff, NEW_USER.email, FIRST_PASSWORD);
    await expect(staff.getByTestId("user-name")).toHaveText(NEW_USER.name, { timeout: 30_000 });
    await expect(staff.getByTestId("user-role")).toHaveText("Team");
    await expect(staff.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Benutzer" })).toHaveCount(0);
    await staff.goto("/benutzer");
    await expect(staff.getByRole("heading", { name: "Keine Berechtigung" })).toBeVisible();

    // A second device of the same user, logged in with the first password.
    await again.goto("/login");
    await logInWith(again, NEW_USER.email, FIRST_PASSWORD);
    await expect(again.getByTestId("user-name")).toHaveText(NEW_USER.name, { timeout: 30_000 });

    // "Mein Konto": the rules' messages under the fields, a wrong current password under its field, then the change.
    await staff.getByRole("link", { name: "Mein Konto" }).click();
    await expect(staff).toHaveURL(/\/konto$/);
    await expect(staff.getByRole("heading", { level: 1, name: "Mein Konto" })).toBeVisible();
    const current = staff.getByLabel("Aktuelles Passwort");
    const fresh = staff.getByLabel("Neues Passwort", { exact: true });
    const repeat = staff.getByLabel("Neues Passwort wiederholen");
    const change = staff.getByRole("button", { name: "Passwort ändern" });
    await current.fill(FIRST_PASSWORD);
    await fresh.fill("kurz");
    await repeat.fill("anders");
    await change.click();
    await expect(staff.getByText("Das Passwort braucht mindestens 10 Zeichen.")).toBeVisible();
    await expect(staff.getByText("Die beiden Passwörter stimmen nicht überein.")).toBeVisible();
    await current.fill("Nicht-mein-Passwort-1");
    await fresh.fill(SECOND_PASSWORD);
    await repeat.fill(SECOND_PASSWORD);
    await change.click();
    await expect(staff.getByText("Das aktuelle Passwort stimmt nicht.")).toBeVisible();
    await current.fill(FIRST_PASSWORD);
    await change.click();
    await expect(staff.getByText("Ihr Passwort wurde geändert. Andere Geräte wurden abgemeldet.")).toBeVisible();
    await expect(current).toHaveValue("");
    await shot(staff, "mein-konto");

    // This browser stays logged in; the other device's next page is the login.
    await staff.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Termine" }).click();
    await expect(staff).toHaveURL(/\/termine$/);
    await expect(staff.getByRole("heading", { level: 1, name: "Termine" })).toBeVisible();
    await again.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Anrufe" }).click();
    await expect(again).toHaveURL(/\/login/);
    await expect(again.getByRole("button", { name: "Anmelden" })).toBeVisible();

    // The admin deactivates the user.
    await admin.reload();
    await expect(row).toContainText("Aktiv");
    await row.getByRole("button", { name: `„${NEW_USER.name}“ deaktivieren` }).click();
    const confirm = admin.getByRole("alertdialog");
    await expect(confirm).toContainText("wird sofort abgemeldet");
    await confirm.getByRole("button", { name: "Deaktivieren" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toContainText("Deaktiviert");

    // The staff's very next navigation lands on the login, and the login is refused.
    await staff.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Anrufe" }).click();
    await expect(staff).toHaveURL(/\/login/);
    await expect(staff.getByRole("button", { name: "Anmelden" })).toBeVisible();
    await logInWith(staff, NEW_USER.email, SECOND_PASSWORD);
    await expect(staff.locator("#login-error")).toHaveText("E-Mail oder Passwort ist falsch.");
    await shot(staff, "deaktiviert-login");
  } finally {
    await adminContext.close();
    await staffContext.close();
    await otherDeviceContext.close();
  }
});
