/** Header values of configured functions are stored encrypted: they usually carry API keys. */
import { decryptSecret, encryptSecret, maskSecret } from "@/server/crypto";

export function sealHeaders(plain: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(plain).map(([name, value]) => [name, encryptSecret(value)]));
}

export function openHeaders(stored: unknown): Record<string, string> {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([name, sealed]) => [name, decryptSecret(sealed)]),
  );
}

/** For display: header names with masked values. */
export function maskedHeaders(stored: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(openHeaders(stored)).map(([name, value]) => [name, maskSecret(value) ?? ""]));
}
