import { describe, expect, it } from "vitest";
import { INVALID_CREDENTIALS_MESSAGE, LOGIN_UNAVAILABLE_MESSAGE, loginErrorFromQuery, throttledMessage } from "./login-messages";

describe("loginErrorFromQuery", () => {
  it("shows our own messages and maps next-auth's codes", () => {
    expect(loginErrorFromQuery(INVALID_CREDENTIALS_MESSAGE)).toBe(INVALID_CREDENTIALS_MESSAGE);
    expect(loginErrorFromQuery("CredentialsSignin")).toBe(INVALID_CREDENTIALS_MESSAGE);
    expect(loginErrorFromQuery(throttledMessage(600))).toBe("Zu viele Anmeldeversuche. Bitte warten Sie 10 Minuten.");
    expect(loginErrorFromQuery(undefined)).toBeUndefined();
  });

  it("never echoes other text from the address bar", () => {
    const injected = "Ihr Konto ist gesperrt. Rufen Sie sofort 0900-123456 an.";
    expect(loginErrorFromQuery(injected)).toBe(LOGIN_UNAVAILABLE_MESSAGE);
    expect(loginErrorFromQuery("Zu viele Anmeldeversuche. Bitte warten Sie 5 Minuten. Oder rufen Sie 0900 an.")).toBe(LOGIN_UNAVAILABLE_MESSAGE);
  });

  it("uses the singular for one minute", () => {
    expect(throttledMessage(30)).toBe("Zu viele Anmeldeversuche. Bitte warten Sie 1 Minute.");
    expect(throttledMessage(61)).toBe("Zu viele Anmeldeversuche. Bitte warten Sie 2 Minuten.");
  });
});
