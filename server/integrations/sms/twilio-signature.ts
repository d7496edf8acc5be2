/**
 * Twilio's request signature (`X-Twilio-Signature`): base64 of HMAC-SHA1 with the account's
 * auth token over the full URL (query included) followed by every POST parameter as name and
 * value, sorted by name (the values of a repeated name sorted too). Like Twilio's own helper,
 * the check also accepts the URL with or without its default port.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const TWILIO_SIGNATURE_HEADER = "x-twilio-signature";

export type TwilioParams = URLSearchParams | Record<string, string>;

export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const byName = new Map<string, string[]>();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [name, value] of entries) byName.set(name, [...(byName.get(name) ?? []), value]);
  let data = url;
  for (const name of [...byName.keys()].sort()) {
    for (const value of byName.get(name)!.sort()) data += name + value;
  }
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export function verifyTwilioSignature(authToken: string, signature: string | null, url: string, params: TwilioParams): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature);
  return urlVariants(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** The URL as given, and with its default port added or removed. */
function urlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === "https:" ? "443" : parsed.protocol === "http:" ? "80" : null;
  if (!defaultPort) return [url];
  const authority = `${parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ""}@` : ""}${parsed.hostname}`;
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  const withPort = `${parsed.protocol}//${authority}:${parsed.port || defaultPort}${rest}`;
  const withoutPort = parsed.port && parsed.port !== defaultPort ? url : `${parsed.protocol}//${authority}${rest}`;
  return [...new Set([url, withPort, withoutPort])];
}
