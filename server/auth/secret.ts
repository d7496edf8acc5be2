import { env } from "@/server/platform/env";

/**
 * The session secret from validated configuration. next-auth reads the secret before it works
 * out its own base URL, so this is also where NEXTAUTH_URL is filled in from APP_URL when unset
 * (it decides the cookie name: secure cookies on https).
 */
export function authSecret(): string {
  const e = env();
  process.env.NEXTAUTH_URL ||= e.APP_URL;
  return e.AUTH_SECRET;
}
