import { redisClient } from "@/server/platform/cache/redis";
import { env } from "@/server/platform/env";
import { LoginThrottle } from "./login-throttle";

const g = globalThis as unknown as { __askproLoginThrottle?: LoginThrottle };

/** The process-wide login throttle; counters shared through Redis when REDIS_URL is set. */
export function loginThrottle(): LoginThrottle {
  if (!g.__askproLoginThrottle) {
    const { REDIS_URL } = env();
    g.__askproLoginThrottle = new LoginThrottle({ redis: REDIS_URL ? redisClient(REDIS_URL) : undefined });
  }
  return g.__askproLoginThrottle;
}
