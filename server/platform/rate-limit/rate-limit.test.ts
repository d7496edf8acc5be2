import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRedisClients, redisClient, redisLink } from "@/server/platform/cache/redis";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { MethodRateLimiter, parseRateLimits } from "@/server/platform/rate-limit";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected the limiter to refuse");
}

describe("rate limit configuration", () => {
  it("has the spec's limits and lets RATE_LIMITS override and extend them", () => {
    expect(parseRateLimits(undefined)).toEqual({ "retell.config": 60, "retell.function": 1000, appointments: 30 });
    expect(parseRateLimits("appointments=10,calcom=200")).toEqual({ "retell.config": 60, "retell.function": 1000, appointments: 10, calcom: 200 });
  });
});

describe("MethodRateLimiter in memory", () => {
  it("allows the limit per caller and class, then refuses with retryAfter within the window", async () => {
    const limiter = new MethodRateLimiter({ limits: { appointments: 3 }, windowSeconds: 60 });
    for (let i = 0; i < 3; i++) await limiter.consume("appointments", "token:a");
    const err = await refusal(limiter.consume("appointments", "token:a"));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe(ErrorCodes.RATE_LIMITED);
    expect(err.retryAfter).toBeGreaterThanOrEqual(59);
    expect(err.retryAfter).toBeLessThanOrEqual(60);
    expect(err.message).toMatch(/Zu viele Anfragen/);
    await limiter.consume("appointments", "token:b");
    await limiter.consume("customer", "token:a");
  });

  it("gives unlisted classes the default of 120 per minute", async () => {
    const limiter = new MethodRateLimiter({ limits: {} });
    for (let i = 0; i < 120; i++) await limiter.consume("customer", "token:c");
    expect((await refusal(limiter.consume("customer", "token:c"))).code).toBe(ErrorCodes.RATE_LIMITED);
  });

  it("starts a caller key's expiry timer outside the request, so the timer keeps no request alive for the window", async () => {
    const request = new AsyncLocalStorage<{ response: string }>();
    const storesSeenByTimers: Array<{ response: string } | undefined> = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
      storesSeenByTimers.push(request.getStore());
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
    try {
      const limiter = new MethodRateLimiter({ limits: {} });
      await request.run({ response: "a large response" }, async () => {
        await limiter.consume("customer", "retell:call_1");
        expect(request.getStore()).toEqual({ response: "a large response" }); // the request's own code keeps its context
      });
    } finally {
      spy.mockRestore();
    }
    expect(storesSeenByTimers.length).toBeGreaterThan(0);
    expect(storesSeenByTimers.every((store) => store === undefined)).toBe(true);
  });
});

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log("Skipping shared Redis rate-limit test: REDIS_URL is not set.");

describe.skipIf(!REDIS_URL)("MethodRateLimiter on Redis", () => {
  beforeAll(() => redisLink(REDIS_URL!).ready());
  afterAll(() => closeRedisClients());

  it("counts the requests of several instances together", async () => {
    const keyPrefix = `test-rl-${randomUUID()}`;
    const a = new MethodRateLimiter({ limits: { appointments: 4 }, redis: redisClient(REDIS_URL!), keyPrefix });
    const b = new MethodRateLimiter({ limits: { appointments: 4 }, redis: redisClient(REDIS_URL!), keyPrefix });
    await a.consume("appointments", "token:x");
    await b.consume("appointments", "token:x");
    await a.consume("appointments", "token:x");
    await b.consume("appointments", "token:x");
    const err = await refusal(a.consume("appointments", "token:x"));
    expect(err.code).toBe(ErrorCodes.RATE_LIMITED);
    expect(err.retryAfter).toBeGreaterThanOrEqual(1);
  });
});
