import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret } from "./crypto";

const k1 = "11".repeat(32);
const k2 = "22".repeat(32);

describe("secret encryption", () => {
  it("round-trips and never stores the clear text", () => {
    const sealed = encryptSecret("cal_live_abcdef123456", undefined, k1);
    expect(sealed).not.toContain("cal_live");
    expect(decryptSecret(sealed, undefined, k1)).toBe("cal_live_abcdef123456");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", undefined, k1)).not.toBe(encryptSecret("same", undefined, k1));
  });

  it("rejects a wrong key and tampered ciphertext", () => {
    const sealed = encryptSecret("secret-value", undefined, k1);
    expect(() => decryptSecret(sealed, undefined, k2)).toThrow();
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3], "base64url");
    flipped[0] ^= 1;
    parts[3] = flipped.toString("base64url");
    expect(() => decryptSecret(parts.join("."), undefined, k1)).toThrow();
    expect(() => decryptSecret("garbage", undefined, k1)).toThrow(/Malformed/);
  });

  it("masks secrets for display", () => {
    expect(maskSecret("key_1234567890abcd")).toBe("key_••••••••abcd");
    expect(maskSecret("short")).toBe("••••••••");
    expect(maskSecret(null)).toBeNull();
  });
});
