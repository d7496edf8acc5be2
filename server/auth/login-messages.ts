export const INVALID_CREDENTIALS_MESSAGE = "E-Mail oder Passwort ist falsch.";
export const LOGIN_UNAVAILABLE_MESSAGE = "Die Anmeldung ist gerade nicht möglich. Bitte versuchen Sie es später erneut.";

export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Zu viele Anmeldeversuche. Bitte warten Sie ${minutes} ${minutes === 1 ? "Minute" : "Minuten"}.`;
}

const THROTTLED = /^Zu viele Anmeldeversuche\. Bitte warten Sie \d{1,3} Minuten?\.$/;

/**
 * The message for an `?error=` on the login page (next-auth redirects there without JavaScript).
 * Only our own messages and next-auth's codes are shown; any other text in the URL is not echoed.
 */
export function loginErrorFromQuery(error: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error === INVALID_CREDENTIALS_MESSAGE || error === "CredentialsSignin") return INVALID_CREDENTIALS_MESSAGE;
  if (THROTTLED.test(error)) return error;
  if (error === "SessionRequired") return undefined;
  return LOGIN_UNAVAILABLE_MESSAGE;
}
