/**
 * The signature check of both Retell doors: the raw body, signed with the owning company's
 * Retell API key. A company without a stored key cannot be verified.
 */
import { randomBytes } from "node:crypto";
import { decryptSecret } from "@/server/platform/crypto";
import { RETELL_SIGNATURE_HEADER, verifyRetellSignature } from "@/server/integrations/retell/signature";
import { readBodyWithin, WEBHOOK_BODY_LIMIT_BYTES } from "@/server/doors/request-kit";
import type { CallOwner } from "@/server/services/retell-function/resolve-owner";

/**
 * True only for a known owner with a valid signature. For an unknown owner the signature is
 * still checked (against a throw-away key), so both refusals take the same work.
 */
export function verifiedOwner(owner: CallOwner | null, rawBody: string, headers: Headers, nowMs: number): owner is CallOwner {
  if (owner) return verifyOwnerSignature(owner, rawBody, headers, nowMs);
  verifyRetellSignature(rawBody, headers.get(RETELL_SIGNATURE_HEADER), UNKNOWN_OWNER_KEY, nowMs);
  return false;
}

const UNKNOWN_OWNER_KEY = randomBytes(32).toString("hex");

export function verifyOwnerSignature(owner: CallOwner, rawBody: string, headers: Headers, nowMs: number): boolean {
  if (!owner.retellApiKeyEnc) return false;
  let apiKey: string;
  try {
    apiKey = decryptSecret(owner.retellApiKeyEnc, { companyId: owner.companyId, column: "companies.retellApiKeyEnc" });
  } catch {
    return false;
  }
  return verifyRetellSignature(rawBody, headers.get(RETELL_SIGNATURE_HEADER), apiKey, nowMs);
}

/** The raw body as text, or null when it exceeds the webhook limit. */
export async function readRawBody(request: Request): Promise<string | null> {
  const body = await readBodyWithin(request, WEBHOOK_BODY_LIMIT_BYTES);
  return body.ok ? body.text : null;
}

export { parseJson } from "@/server/doors/request-kit";
