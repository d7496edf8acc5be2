import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle";

const url = process.env.REDIS_URL;
if (!url) console.log("login-throttle.redis.test.ts skipped: REDIS_URL is not set");

describe.skipIf(!url)("LoginThrottle on Redis", () => {
  const redis = url ? new Redis(url, { maxRetriesPerRequest: 1 }) : undefined;

  afterAll(async () => {
    await redis?.quit();
  });

  it("shares failures between instances, as several app servers do", async () => {
    const email = `${randomUUID()}@example.org`;
    const first = new LoginThrottle({ redis, maxFailuresPerEmail: 3 });
    const second = new LoginThrottle({ redis, maxFailuresPerEmail: 3 });

    expect(await first.attempt(email, null)).toBeNull();
    expect(await second.attempt(email, null)).toBeNull();
    expect(await first.attempt(email, null)).toBeNull();

    const verdict = await second.attempt(email, null);
    expect(verdict?.retryAfterSeconds).toBeGreaterThan(14 * 60);

    await second.recordSuccess(email, null);
    expect(await first.attempt(email, null)).toBeNull();
  });
});
