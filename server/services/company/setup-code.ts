import { createHmac, timingSafeEqual } from "node:crypto";

/** Crockford's base-32 alphabet: no I, L, O or U, so a code read from a log is typed without mix-ups. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * The one-time set-up code of an install without companies: derived from the install's session
 * secret, so every instance prints the same code and a stranger who finds /einrichtung first
 * cannot claim the install. It stops working once the first company exists.
 * 15 characters of base 32 = 75 bits; shown as XXXXX-XXXXX-XXXXX.
 */
export function setupCodeFor(secret: string): string {
  const digest = createHmac("sha256", secret).update("askproai:first-company-setup").digest();
  let chars = "";
  for (let i = 0; i < 15; i++) chars += ALPHABET[digest[i] % 32];
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10)}`;
}

/** Compares a typed code with the install's, ignoring case, spaces and dashes, in constant time. */
export function setupCodeMatches(secret: string, typed: string): boolean {
  const canonical = (s: string) => s.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  const expected = Buffer.from(canonical(setupCodeFor(secret)));
  const given = Buffer.from(canonical(typed));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
