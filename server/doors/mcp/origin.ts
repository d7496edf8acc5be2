import { env } from "@/server/platform/env";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * DNS-rebinding protection (MCP transport spec): a browser's Origin must be this app's own
 * (APP_URL) or a loopback address. Requests without Origin (servers, CLIs) are fine; they
 * still need a token.
 */
export function isAllowedOrigin(origin: string | null): boolean {
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (LOOPBACK.has(url.hostname)) return true;
  return url.origin === new URL(env().APP_URL).origin;
}
