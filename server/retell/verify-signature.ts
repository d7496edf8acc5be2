/**
 * The signature check of both Retell doors: the raw body, signed with the owning company's
 * Retell API key (reference/retell.md §1). A company without a stored key cannot be verified.
 */
import { decryptSecret } from "@/server/crypto";
import { RETELL_SIGNATURE_HEADER, verifyRetellSignature } from "@/server/integrations/retell/signature";
import type { CallOwner } from "./resolve-owner";

export function verifyOwnerSignature(owner: CallOwner, rawBody: string, headers: Headers, nowMs: number): boolean {
  if (!owner.retellApiKeyEnc) return false;
  let apiKey: string;
  try {
    apiKey = decryptSecret(owner.retellApiKeyEnc);
  } catch {
    return false;
  }
  return verifyRetellSignature(rawBody, headers.get(RETELL_SIGNATURE_HEADER), apiKey, nowMs);
}

/** Request bodies beyond this are refused before parsing (a call transcript fits easily). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The raw body as text, or null when it exceeds MAX_BODY_BYTES. */
export async function readRawBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return null;
  const text = await request.text();
  return Buffer.byteLength(text) > MAX_BODY_BYTES ? null : text;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
