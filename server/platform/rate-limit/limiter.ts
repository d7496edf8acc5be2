import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { outsideRequest } from "@/server/platform/outside-request";
import { limitFor, parseRateLimits } from "./limits";

export interface RateLimiterOptions {
  /** Per class requests per window; see parseRateLimits. */
  limits?: Record<string, number>;
  /** Shared store; memory when absent. */
  redis?: Redis;
  windowSeconds?: number;
  keyPrefix?: string;
}

/**
 * Fixed-window limits per caller and class. With Redis every instance counts together; if
 * Redis fails, an in-memory limiter takes over for this instance so requests keep flowing.
 */
export class MethodRateLimiter {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly limits: Record<string, number>;
  private readonly windowSeconds: number;

  constructor(private readonly opts: RateLimiterOptions = {}) {
    this.limits = opts.limits ?? parseRateLimits(undefined);
    this.windowSeconds = opts.windowSeconds ?? 60;
  }

  /** Counts one request; throws AppError RATE_LIMITED (with retryAfter in seconds) when over the limit. */
  async consume(rateLimitClass: string, callerKey: string): Promise<void> {
    try {
      // The memory store starts an expiry timer per key: started outside the request, it keeps no request alive.
      await outsideRequest(() => this.limiterFor(rateLimitClass).consume(callerKey, 1));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new AppError(
          ErrorCodes.RATE_LIMITED,
          `Zu viele Anfragen. Bitte in ${retryAfter} Sekunden erneut versuchen.`,
          { retryAfter },
        );
      }
      throw rejection;
    }
  }

  private limiterFor(cls: string): RateLimiterAbstract {
    let limiter = this.limiters.get(cls);
    if (!limiter) {
      const base = { points: limitFor(this.limits, cls), duration: this.windowSeconds, keyPrefix: `${this.opts.keyPrefix ?? "askpro:rl"}:${cls}` };
      limiter = this.opts.redis
        ? new RateLimiterRedis({ ...base, storeClient: this.opts.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(base) })
        : new RateLimiterMemory(base);
      this.limiters.set(cls, limiter);
    }
    return limiter;
  }
}
