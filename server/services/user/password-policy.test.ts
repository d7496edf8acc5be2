/** The password rules: length, the e-mail's name, the list of common passwords; German messages per rule. */
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import { emailLocalPart, PASSWORD_MESSAGES, passwordProblems } from "./password-policy";
import { changeOwnPasswordForm, PASSWORDS_DIFFER, setPasswordForm } from "./schemas";

const EMAIL = "anna.berg@salon-demo.de";

describe("passwordProblems", () => {
  it("accepts a long, uncommon password that does not contain the e-mail's name", () => {
    expect(passwordProblems("Kamm-und-Schere-2026", EMAIL)).toEqual([]);
    expect(passwordProblems("zehn-zeich", EMAIL)).toEqual([]); // exactly 10
  });

  it("refuses fewer than 10 characters", () => {
    expect(passwordProblems("Kurz-123!", EMAIL)).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(PASSWORD_MESSAGES.tooShort).toBe("Das Passwort braucht mindestens 10 Zeichen.");
  });

  it("refuses more than 128 characters", () => {
    expect(passwordProblems("x".repeat(129) + "Q7!", EMAIL)).toEqual([PASSWORD_MESSAGES.tooLong]);
    expect(passwordProblems("Ab3-".repeat(32), EMAIL)).toEqual([]);
  });

  it("refuses the e-mail's local part, equal or contained, in any case", () => {
    expect(passwordProblems("anna.berg", EMAIL)).toContain(PASSWORD_MESSAGES.containsEmail);
    expect(passwordProblems("Anna.Berg-2026!", EMAIL)).toEqual([PASSWORD_MESSAGES.containsEmail]);
    expect(passwordProblems("meinANNA.BERGpasswort", "Anna.Berg@Example.org")).toEqual([PASSWORD_MESSAGES.containsEmail]);
    // Another person's name is fine.
    expect(passwordProblems("Tim.Team-2026!", EMAIL)).toEqual([]);
  });

  it("refuses a very short local part only when the password is exactly it", () => {
    expect(passwordProblems("al-im-salon-2026", "al@salon.de")).toEqual([]);
    expect(passwordProblems("albertinchen-12", "al@salon.de")).toEqual([]);
    expect(passwordProblems("abcdefghijk", "abcdefghijk@salon.de")).toContain(PASSWORD_MESSAGES.containsEmail);
  });

  it.each(["passwort123", "Passwort123", "hallo123", "123456789", "qwertz123", "1234567890", "Sommer2025!", "askproai2026", "willkommen123", "password123", "iloveyou1", "Fussball1!"])(
    "refuses the common password %s",
    (password) => {
      expect(passwordProblems(password, EMAIL)).toContain(PASSWORD_MESSAGES.common);
    },
  );

  it("names every broken rule, in order", () => {
    expect(passwordProblems("hallo123", "hallo@salon.de")).toEqual([PASSWORD_MESSAGES.tooShort, PASSWORD_MESSAGES.containsEmail, PASSWORD_MESSAGES.common]);
  });

  it("bundles a few hundred common passwords, German and international, in lower case", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const p of ["passwort", "hallo123", "schatz", "fussball", "qwertz", "password", "letmein", "123456"]) expect(COMMON_PASSWORDS.has(p), p).toBe(true);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });

  it("reads the local part of an address", () => {
    expect(emailLocalPart(" Anna.Berg@Salon.de ")).toBe("anna.berg");
    expect(emailLocalPart(null)).toBe("");
  });
});

describe("password forms", () => {
  const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    (r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

  it("Mein Konto: puts each rule's message under the new password and a mismatch under the repetition", () => {
    const r = changeOwnPasswordForm(EMAIL).safeParse({ current_password: "", new_password: "hallo123", repeat_password: "hallo1234" });
    expect(issues(r)).toEqual([
      ["current_password", "Bitte das aktuelle Passwort eingeben."],
      ["new_password", PASSWORD_MESSAGES.tooShort],
      ["new_password", PASSWORD_MESSAGES.common],
      ["repeat_password", PASSWORDS_DIFFER],
    ]);
    const ok = changeOwnPasswordForm(EMAIL).safeParse({ current_password: "alt", new_password: "Kamm-und-Schere-2026", repeat_password: "Kamm-und-Schere-2026" });
    expect(ok.data).toEqual({ current_password: "alt", new_password: "Kamm-und-Schere-2026" });
  });

  it("set-password page: checks against the link user's e-mail", () => {
    expect(issues(setPasswordForm(EMAIL).safeParse({ password: "Anna.Berg-2026", repeat_password: "Anna.Berg-2026" }))).toEqual([["password", PASSWORD_MESSAGES.containsEmail]]);
    expect(setPasswordForm(EMAIL).safeParse({ password: "Kamm-und-Schere-2026", repeat_password: "Kamm-und-Schere-2026" }).data).toEqual({ password: "Kamm-und-Schere-2026" });
  });
});
