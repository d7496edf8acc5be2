import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/server/platform/env";

/**
 * Authenticated encryption (AES-256-GCM) for secrets at rest: API keys, webhook secrets,
 * custom-function headers. Each value is bound to its company and column with associated
 * data, so a ciphertext copied into another company's row or another column does not open.
 * Format: `v2.<iv>.<tag>.<ciphertext>` (base64url parts, 16-byte tag). The older `v1` format
 * (no associated data) is still read until `reencryptLegacySecrets` has rewritten it.
 */
const VERSION = "v2";
const LEGACY_VERSION = "v1";
const TAG_BYTES = 16;

/** Where a secret is stored: it opens only there. `companyId` null for global rows. */
export interface SecretBinding {
  companyId: string | null;
  column: SecretColumn;
}

export type SecretColumn =
  | "companies.retellApiKeyEnc"
  | "calendar_connections.apiKeyEnc"
  | "calendar_connections.webhookSecretEnc"
  | "retell_custom_functions.headers"
  | "messaging_settings.smsCredentialsEnc"
  | "payment_settings.stripeSecretKeyEnc"
  | "payment_settings.stripeWebhookSecretEnc";

function key(hexKey?: string): Buffer {
  return Buffer.from(hexKey ?? env().ENCRYPTION_KEY, "hex");
}

function associatedData(binding: SecretBinding): Buffer {
  return Buffer.from(`askproai:${binding.companyId ?? "global"}:${binding.column}`, "utf8");
}

/** Seals a secret for its place. Without a binding it writes the legacy format (only old data and tests need that). */
export function encryptSecret(plain: string, binding?: SecretBinding, hexKey?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(hexKey), iv, { authTagLength: TAG_BYTES });
  if (binding) cipher.setAAD(associatedData(binding));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [binding ? VERSION : LEGACY_VERSION, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Opens a secret stored at `binding`; a current-format value stored elsewhere, a short tag or any change throws. */
export function decryptSecret(sealed: string, binding?: SecretBinding, hexKey?: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if ((version !== VERSION && version !== LEGACY_VERSION) || !iv || !tag || data === undefined) throw new Error("Malformed encrypted secret");
  if (version === VERSION && !binding) throw new Error("Encrypted secret needs its company and column");
  const tagBytes = Buffer.from(tag, "base64url");
  if (tagBytes.length !== TAG_BYTES) throw new Error("Malformed encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key(hexKey), Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
  if (version === VERSION) decipher.setAAD(associatedData(binding!));
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function isLegacySecret(sealed: string): boolean {
  return sealed.startsWith(`${LEGACY_VERSION}.`);
}

/** For display: never the secret itself, only enough to recognise it. */
export function maskSecret(plain: string | null | undefined): string | null {
  if (!plain) return null;
  if (plain.length <= 8) return "••••••••";
  return `${plain.slice(0, 4)}••••••••${plain.slice(-4)}`;
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
