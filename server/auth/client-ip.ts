/**
 * The client's IP for the login throttle. Forwarding headers are set by whoever sends the
 * request, so they are believed only when the operator says a proxy in front of the app sets
 * them (TRUST_PROXY); then the address the proxy appended last is the client's.
 */
export function clientIp(headers: Record<string, unknown> | undefined, trustProxy: boolean): string | null {
  if (!trustProxy) return null;
  const forwarded = headers?.["x-forwarded-for"];
  const last = typeof forwarded === "string" ? forwarded.split(",").at(-1)?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return last || (typeof real === "string" ? real.trim() : null) || null;
}
