import { sign as sdkSign, verify as sdkVerify } from "retell-sdk";
import { describe, expect, it } from "vitest";
import { RETELL_SIGNATURE_HEADER, signRetell, verifyRetellSignature } from "./signature";

// Test vector from retell-sdk's own tests (see the Retell fact sheet).
const BODY = '{"event":"call_ended"}';
const KEY = "test-api-key";
const TIMESTAMP = 1700000000000;
const DIGEST = "07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e";
const HEADER = `v=${TIMESTAMP},d=${DIGEST}`;

describe("Retell signature", () => {
  it("reproduces the reference test vector", () => {
    expect(signRetell(BODY, KEY, TIMESTAMP)).toBe(HEADER);
    expect(verifyRetellSignature(BODY, HEADER, KEY, TIMESTAMP)).toBe(true);
  });

  it("accepts what retell-sdk signs", async () => {
    const header = await sdkSign(BODY, KEY);

    expect(verifyRetellSignature(BODY, header, KEY)).toBe(true);
  });

  it("is accepted by retell-sdk's verify, which rejects it once tampered", async () => {
    const header = signRetell(BODY, KEY, Date.now());

    expect(await sdkVerify(BODY, KEY, header)).toBe(true);
    expect(await sdkVerify('{"event":"call_started"}', KEY, header)).toBe(false);
  });

  it("rejects a wrong key and a tampered body", () => {
    expect(verifyRetellSignature(BODY, HEADER, "other-key", TIMESTAMP)).toBe(false);
    expect(verifyRetellSignature('{"event":"call_ended" }', HEADER, KEY, TIMESTAMP)).toBe(false);
    expect(verifyRetellSignature(BODY, HEADER, "", TIMESTAMP)).toBe(false);
  });

  it("accepts up to five minutes of clock skew in either direction, not more", () => {
    const fiveMinutes = 5 * 60 * 1000;
    expect(verifyRetellSignature(BODY, HEADER, KEY, TIMESTAMP + fiveMinutes)).toBe(true);
    expect(verifyRetellSignature(BODY, HEADER, KEY, TIMESTAMP - fiveMinutes)).toBe(true);
    expect(verifyRetellSignature(BODY, HEADER, KEY, TIMESTAMP + fiveMinutes + 1)).toBe(false);
    expect(verifyRetellSignature(BODY, HEADER, KEY, TIMESTAMP - fiveMinutes - 1)).toBe(false);
  });

  it("rejects malformed headers", () => {
    const malformed = [
      null,
      "",
      DIGEST,
      `v=${TIMESTAMP}`,
      `v=${TIMESTAMP},d=${DIGEST.toUpperCase()}`,
      `v=${TIMESTAMP},d=${DIGEST.slice(1)}`,
      `v=${TIMESTAMP},d=${DIGEST}0`,
      `v=-${TIMESTAMP},d=${DIGEST}`,
      `d=${DIGEST},v=${TIMESTAMP}`,
      ` ${HEADER}`,
    ];
    for (const header of malformed) {
      expect(verifyRetellSignature(BODY, header, KEY, TIMESTAMP), String(header)).toBe(false);
    }
  });

  it("reads the header under the name Retell sends it with, X-Retell-Signature", () => {
    const sentByRetell = new Headers({ "X-Retell-Signature": HEADER });

    expect(RETELL_SIGNATURE_HEADER).toBe("x-retell-signature");
    expect(verifyRetellSignature(BODY, sentByRetell.get(RETELL_SIGNATURE_HEADER), KEY, TIMESTAMP)).toBe(true);
  });
});
