import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

export interface LoginThrottleOptions {
  /** Failed logins per e-mail address within the window before further attempts are refused. */
  maxFailuresPerEmail?: number;
  /** Failed logins per client IP within the window (higher: several people may share one office IP). */
  maxFailuresPerIp?: number;
  windowSeconds?: number;
  /** Shared counters for several app instances; memory when absent. */
  redis?: Redis;
}

/** Seconds until the next attempt is allowed, or null when the attempt may proceed. */
export type ThrottleVerdict = { retryAfterSeconds: number } | null;

/**
 * Counts failed logins by e-mail and by IP in a fixed window. Only failures count; a successful
 * login clears the e-mail's counter. Redis trouble falls back to counting in memory.
 */
export class LoginThrottle {
  private readonly byEmail: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(opts: LoginThrottleOptions = {}) {
    const duration = opts.windowSeconds ?? 15 * 60;
    this.byEmail = limiter("askpro:login:email", opts.maxFailuresPerEmail ?? 5, duration, opts.redis);
    this.byIp = limiter("askpro:login:ip", opts.maxFailuresPerIp ?? 20, duration, opts.redis);
  }

  async check(email: string, ip: string | null): Promise<ThrottleVerdict> {
    const waits = await Promise.all([
      exhaustedFor(this.byEmail, email),
      ip ? exhaustedFor(this.byIp, ip) : Promise.resolve(0),
    ]);
    const ms = Math.max(...waits);
    return ms > 0 ? { retryAfterSeconds: Math.ceil(ms / 1000) } : null;
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    await Promise.all([penalty(this.byEmail, email), ip ? penalty(this.byIp, ip) : undefined]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}

function limiter(keyPrefix: string, points: number, duration: number, redis?: Redis): RateLimiterAbstract {
  const base = { keyPrefix, points, duration };
  return redis
    ? new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: new RateLimiterMemory(base) })
    : new RateLimiterMemory(base);
}

/** Milliseconds until the key has attempts again; 0 while it still has some. */
async function exhaustedFor(l: RateLimiterAbstract, key: string): Promise<number> {
  const res = await l.get(key);
  if (!res || res.consumedPoints < l.points) return 0;
  return Math.max(1, res.msBeforeNext);
}

async function penalty(l: RateLimiterAbstract, key: string): Promise<void> {
  // consume() rejects once the points are used up; the count is stored either way.
  await l.consume(key).catch((rejection: unknown) => {
    if (rejection instanceof Error) throw rejection;
  });
}
