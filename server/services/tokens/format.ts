import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/server/platform/crypto";

/** Every API token starts with this, so leaked tokens are easy to recognise (secret scanners). */
export const TOKEN_PREFIX = "apk_";
/** Characters kept in clear to identify a token in lists: "apk_" plus 8. */
const VISIBLE_LENGTH = TOKEN_PREFIX.length + 8;

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return sha256Hex(token);
}

export function visiblePrefix(token: string): string {
  return token.slice(0, VISIBLE_LENGTH);
}

/** How a stored token is shown: "apk_abcd1234…". */
export function displayToken(prefix: string): string {
  return `${prefix}…`;
}

/** Cheap shape check before any hashing or database work. */
export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length >= 20 && value.length <= 200 && /^[\w-]+$/.test(value.slice(TOKEN_PREFIX.length));
}
