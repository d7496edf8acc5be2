import { env } from "@/server/platform/env";
import { redisClient } from "@/server/platform/cache/redis";
import { MethodRateLimiter } from "./limiter";
import { parseRateLimits } from "./limits";

export { MethodRateLimiter } from "./limiter";
export { parseRateLimits, limitFor, BUILTIN_LIMITS, DEFAULT_LIMIT_PER_MINUTE } from "./limits";

const g = globalThis as unknown as { __askproRateLimiter?: MethodRateLimiter };

/** The process-wide limiter: limits from RATE_LIMITS, shared through Redis when REDIS_URL is set. */
export function getRateLimiter(): MethodRateLimiter {
  if (!g.__askproRateLimiter) {
    const e = env();
    g.__askproRateLimiter = new MethodRateLimiter({
      limits: parseRateLimits(e.RATE_LIMITS),
      redis: e.REDIS_URL ? redisClient(e.REDIS_URL) : undefined,
    });
  }
  return g.__askproRateLimiter;
}

/** Replaces the process-wide limiter (tests). */
export function setRateLimiter(limiter: MethodRateLimiter): void {
  g.__askproRateLimiter = limiter;
}
