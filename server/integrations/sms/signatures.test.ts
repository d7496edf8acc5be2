import { describe, expect, it } from "vitest";
import { sevenSignature, verifySevenSignature } from "./seven-signature";
import { twilioSignature, verifyTwilioSignature } from "./twilio-signature";

// Twilio's published example (twilio-node spec/validation.spec.js).
const TOKEN = "12345";
const URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS = { CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" };
const EXPECTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

describe("Twilio signature", () => {
  it("reproduces Twilio's test vector", () => {
    expect(twilioSignature(TOKEN, URL, PARAMS)).toBe(EXPECTED);
  });

  it("sorts the parameters by name, whatever order they arrive in", () => {
    const shuffled = new URLSearchParams([["To", PARAMS.To], ["Digits", PARAMS.Digits], ["CallSid", PARAMS.CallSid], ["From", PARAMS.From], ["Caller", PARAMS.Caller]]);
    expect(verifyTwilioSignature(TOKEN, EXPECTED, URL, shuffled)).toBe(true);
  });

  it("refuses another token, a changed parameter, another URL and a missing signature", () => {
    expect(verifyTwilioSignature("54321", EXPECTED, URL, PARAMS)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, EXPECTED, URL, { ...PARAMS, Digits: "1235" })).toBe(false);
    expect(verifyTwilioSignature(TOKEN, EXPECTED, URL, { ...PARAMS, Extra: "x" })).toBe(false);
    expect(verifyTwilioSignature(TOKEN, EXPECTED, "https://mycompany.com/myapp.php?foo=1&bar=3", PARAMS)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, null, URL, PARAMS)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, "", URL, PARAMS)).toBe(false);
  });

  it("accepts the URL with or without its default port, as Twilio's helper does", () => {
    const withPort = twilioSignature(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS);
    expect(verifyTwilioSignature(TOKEN, withPort, URL, PARAMS)).toBe(true);
    expect(verifyTwilioSignature(TOKEN, EXPECTED, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS)).toBe(true);
    expect(verifyTwilioSignature(TOKEN, EXPECTED, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", PARAMS)).toBe(false);
  });
});

describe("seven.io signature", () => {
  const request = { timestamp: "1767225600", nonce: "abc123", method: "POST", url: "https://app.example/api/sms/seven/status", body: '{"webhook_event":"dlr"}' };
  const now = 1767225600 * 1000;

  it("is hex HMAC-SHA256 over timestamp, nonce, method, URL and the body's MD5", () => {
    // Computed independently: printf '1767225600\nabc123\nPOST\n<url>\n<md5 of body>' | openssl dgst -sha256 -hmac secret
    const signature = sevenSignature("secret", request);
    expect(signature).toBe("d598d3f0eb171c1be73bb4ffc318ffe26b7e8ef06592723a4d38d7e2e029f4be");
    expect(verifySevenSignature("secret", signature, request, now)).toBe(true);
    expect(verifySevenSignature("secret", signature.toUpperCase(), request, now)).toBe(true);
  });

  it("refuses another secret, a changed body, a missing header and an old timestamp", () => {
    const signature = sevenSignature("secret", request);
    expect(verifySevenSignature("other", signature, request, now)).toBe(false);
    expect(verifySevenSignature("secret", signature, { ...request, body: '{"webhook_event":"dlr" }' }, now)).toBe(false);
    expect(verifySevenSignature("secret", signature, { ...request, nonce: null }, now)).toBe(false);
    expect(verifySevenSignature("secret", null, request, now)).toBe(false);
    expect(verifySevenSignature("secret", signature, request, now + 301_000)).toBe(false);
    expect(verifySevenSignature("secret", signature, request, now + 299_000)).toBe(true);
  });
});
