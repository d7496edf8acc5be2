/**
 * Cal.com webhook signatures: `X-Cal-Signature-256` is the hex HMAC-SHA256 of the raw
 * body with the webhook's secret. There is no timestamp, so receivers de-duplicate.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const CALCOM_SIGNATURE_HEADER = "x-cal-signature-256";

export function signCalcomWebhook(rawBody: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

export function verifyCalcomSignature(rawBody: string | Buffer, secret: string, headerValue: string | null | undefined): boolean {
  if (!secret || !headerValue || !/^[0-9a-f]{64}$/i.test(headerValue.trim())) return false;
  const expected = Buffer.from(signCalcomWebhook(rawBody, secret), "hex");
  return timingSafeEqual(expected, Buffer.from(headerValue.trim(), "hex"));
}
