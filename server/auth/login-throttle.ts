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
 * Counts login attempts by e-mail and by IP in a fixed window. Every attempt takes its point
 * first, in one atomic step per counter, and only then is the password checked: a burst of
 * parallel attempts cannot slip past the limit between a check and a record. A successful
 * login gives the points back (the e-mail's counter is cleared), so in effect only failures
 * count. Redis trouble falls back to counting in memory.
 */
export class LoginThrottle {
  private readonly byEmail: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(opts: LoginThrottleOptions = {}) {
    const duration = opts.windowSeconds ?? 15 * 60;
    this.byEmail = limiter("askpro:login:email", opts.maxFailuresPerEmail ?? 5, duration, opts.redis);
    this.byIp = limiter("askpro:login:ip", opts.maxFailuresPerIp ?? 20, duration, opts.redis);
  }

  /** Takes one attempt from the e-mail's and the IP's budget; a verdict when either was used up. */
  async attempt(email: string, ip: string | null): Promise<ThrottleVerdict> {
    const waits = await Promise.all([take(this.byEmail, email), ip ? take(this.byIp, ip) : Promise.resolve(0)]);
    const ms = Math.max(...waits);
    return ms > 0 ? { retryAfterSeconds: Math.ceil(ms / 1000) } : null;
  }

  /** After a correct password: the attempt does not count. */
  async recordSuccess(email: string, ip: string | null): Promise<void> {
    await Promise.all([this.byEmail.delete(email), ip ? this.byIp.reward(ip, 1) : undefined]);
  }
}

function limiter(keyPrefix: string, points: number, duration: number, redis?: Redis): RateLimiterAbstract {
  const base = { keyPrefix, points, duration };
  return redis
    ? new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: new RateLimiterMemory(base) })
    : new RateLimiterMemory(base);
}

/** Consumes one point; 0 when it was available, else milliseconds until the key has points again. */
async function take(l: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await l.consume(key);
    return 0;
  } catch (rejection: unknown) {
    // consume() rejects with an Error for store trouble and with the limiter's result when used up.
    if (rejection instanceof Error) throw rejection;
    return Math.max(1, (rejection as { msBeforeNext: number }).msBeforeNext);
  }
}
