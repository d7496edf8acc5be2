/**
 * Retell signs webhooks and custom-function calls alike: header `x-retell-signature` =
 * `v=<timestamp ms>,d=<hex HMAC-SHA256 of raw body + timestamp, keyed with the API key>`.
 * Synchronous on purpose: retell-sdk's own `verify` is async and easy to call without await.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const RETELL_SIGNATURE_HEADER = "x-retell-signature";

const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const headerFormat = /^v=(\d+),d=([0-9a-f]{64})$/;

export function signRetell(body: string, apiKey: string, timestampMs: number): string {
  return `v=${timestampMs},d=${digest(body, apiKey, String(timestampMs))}`;
}

export function verifyRetellSignature(rawBody: string, header: string | null, apiKey: string, nowMs = Date.now()): boolean {
  const match = header ? headerFormat.exec(header) : null;
  if (!match || !apiKey) return false;
  const [, timestamp, received] = match;
  if (Math.abs(nowMs - Number(timestamp)) > MAX_CLOCK_SKEW_MS) return false;
  return timingSafeEqual(Buffer.from(digest(rawBody, apiKey, timestamp), "hex"), Buffer.from(received, "hex"));
}

function digest(body: string, apiKey: string, timestamp: string): string {
  return createHmac("sha256", apiKey).update(body + timestamp).digest("hex");
}
