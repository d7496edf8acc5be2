/**
 * The rules every new password follows, wherever it is set: the dashboard (Mein Konto, the
 * one-time link), `npm run user:create` and the first admin of a new install. Pure, so the
 * dashboard's forms check the same rules before they send anything.
 */
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads 72 bytes; longer passwords are allowed up to a sane bound. */
export const PASSWORD_MAX_LENGTH = 128;
/** Shorter local parts ("al@…") are too short to be meaningful inside a password; only equality is refused then. */
const LOCAL_PART_MIN_CONTAINED = 3;

export const PASSWORD_MESSAGES = {
  tooShort: `Das Passwort braucht mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`,
  tooLong: `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen haben.`,
  containsEmail: "Das Passwort darf den Namen aus Ihrer E-Mail-Adresse (den Teil vor dem @) nicht enthalten.",
  common: "Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.",
} as const;

/** The part of an e-mail address before the @, in lower case ("" for none). */
export function emailLocalPart(email: string | null | undefined): string {
  const trimmed = (email ?? "").trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  return at === -1 ? trimmed : trimmed.slice(0, at);
}

/**
 * Why `password` is refused for the user with `email`, one German sentence per broken rule,
 * in the order above; empty when it is fine.
 */
export function passwordProblems(password: string, email?: string | null): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(PASSWORD_MESSAGES.tooShort);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(PASSWORD_MESSAGES.tooLong);
  const lower = password.toLowerCase();
  const local = emailLocalPart(email);
  if (local && (lower === local || (local.length >= LOCAL_PART_MIN_CONTAINED && lower.includes(local)))) {
    problems.push(PASSWORD_MESSAGES.containsEmail);
  }
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.trim())) problems.push(PASSWORD_MESSAGES.common);
  return problems;
}
