/**
 * seven.io's webhook signature (optional, set up with a signing secret in seven's dashboard):
 * `X-Signature` = hex HMAC-SHA256(secret, "timestamp\nnonce\nMETHOD\nurl\nmd5hex(body)") with the
 * `X-Timestamp` (Unix seconds) and `X-Nonce` headers; seven's own verifier allows 5 minutes of age.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SEVEN_SIGNATURE_HEADER = "x-signature";
export const SEVEN_TIMESTAMP_HEADER = "x-timestamp";
export const SEVEN_NONCE_HEADER = "x-nonce";
export const SEVEN_SIGNATURE_MAX_AGE_SECONDS = 300;

export interface SevenSignedRequest {
  /** Unix seconds, as sent in X-Timestamp. */
  timestamp: string;
  nonce: string;
  method: string;
  url: string;
  body: string;
}

export function sevenSignature(secret: string, request: SevenSignedRequest): string {
  const bodyHash = createHash("md5").update(request.body, "utf8").digest("hex");
  const toSign = [request.timestamp, request.nonce, request.method.toUpperCase(), request.url, bodyHash].join("\n");
  return createHmac("sha256", secret).update(toSign, "utf8").digest("hex");
}

export function verifySevenSignature(
  secret: string,
  signature: string | null,
  request: Omit<SevenSignedRequest, "timestamp" | "nonce"> & { timestamp: string | null; nonce: string | null },
  nowMs: number,
): boolean {
  const { timestamp, nonce } = request;
  if (!signature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SEVEN_SIGNATURE_MAX_AGE_SECONDS) return false;
  const expected = Buffer.from(sevenSignature(secret, { ...request, timestamp, nonce }));
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
