import { describe, expect, it } from "vitest";
import { signCalcomWebhook, verifyCalcomSignature } from "./webhook-signature";

const SECRET = "whsec_test";
const BODY = '{"triggerEvent":"BOOKING_CREATED"}';
// openssl dgst -sha256 -hmac whsec_test over BODY
const DIGEST = "e53de753539388ffa83aa0b92cf8e44a17242430e2e8640e2d72987ed35b8169";

describe("Cal.com webhook signature", () => {
  it("signs as hex HMAC-SHA256 of the raw body", () => {
    expect(signCalcomWebhook(BODY, SECRET)).toBe(DIGEST);
    expect(signCalcomWebhook(Buffer.from(BODY), SECRET)).toBe(DIGEST);
  });

  it("accepts the matching signature, also in upper case", () => {
    expect(verifyCalcomSignature(BODY, SECRET, DIGEST)).toBe(true);
    expect(verifyCalcomSignature(Buffer.from(BODY), SECRET, DIGEST.toUpperCase())).toBe(true);
  });

  it("rejects a wrong secret, a tampered body and malformed or missing headers", () => {
    expect(verifyCalcomSignature(BODY, "whsec_other", DIGEST)).toBe(false);
    expect(verifyCalcomSignature(BODY.replace("CREATED", "CANCELLED"), SECRET, DIGEST)).toBe(false);
    expect(verifyCalcomSignature(BODY, SECRET, DIGEST.slice(0, 63))).toBe(false);
    expect(verifyCalcomSignature(BODY, SECRET, `sha256=${DIGEST}`)).toBe(false);
    expect(verifyCalcomSignature(BODY, SECRET, "z".repeat(64))).toBe(false);
    expect(verifyCalcomSignature(BODY, SECRET, null)).toBe(false);
    expect(verifyCalcomSignature(BODY, "", signCalcomWebhook(BODY, ""))).toBe(false);
  });
});
