/** Header values of configured functions are stored encrypted: they usually carry API keys. */
import { decryptSecret, encryptSecret, maskSecret, type SecretBinding } from "@/server/platform/crypto";

/** Header values are bound to the function's company (null: a global function). */
export const headerBinding = (companyId: string | null): SecretBinding => ({ companyId, column: "retell_custom_functions.headers" });

export function sealHeaders(plain: Record<string, string>, companyId: string | null): Record<string, string> {
  return Object.fromEntries(Object.entries(plain).map(([name, value]) => [name, encryptSecret(value, headerBinding(companyId))]));
}

export function openHeaders(stored: unknown, companyId: string | null): Record<string, string> {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([name, sealed]) => [name, decryptSecret(sealed, headerBinding(companyId))]),
  );
}

/** For display: header names with masked values. */
export function maskedHeaders(stored: unknown, companyId: string | null): Record<string, string> {
  return Object.fromEntries(Object.entries(openHeaders(stored, companyId)).map(([name, value]) => [name, maskSecret(value) ?? ""]));
}
