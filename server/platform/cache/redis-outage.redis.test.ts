/**
 * Redis as a dependency that can fail. With a Redis URL pointing at a closed port, and with a
 * real Redis that one instance stops reaching (a TCP link the test cuts), requests keep their
 * speed (cache bypassed, rate limits counted per instance), the state says "unreachable", and
 * an invalidation missed during the outage is replayed as soon as the link is back, so the
 * other instance stops serving the old value.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { MethodRateLimiter } from "@/server/platform/rate-limit/limiter";
import { startTcpProxy } from "@/server/testing/tcp-proxy";
import { closeRedisClients, REDIS_COMMAND_TIMEOUT_MS, RedisCache, redisLink, redisState } from "./redis";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log("[skip] redis-outage.redis.test.ts: REDIS_URL is not set (CI sets it to the local Redis).");

afterAll(() => closeRedisClients());

/** Milliseconds of one call. */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn().catch(() => undefined);
  return performance.now() - t0;
}

const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.99) - 1];

describe("Redis on a closed port", () => {
  it("answers cache and rate-limit calls at once from the per-instance fallbacks", async () => {
    const link = redisLink("redis://127.0.0.1:1");
    const cache = new RedisCache(link, "closed:");
    const limiter = new MethodRateLimiter({ limits: { appointments: 3 }, redis: link.client, keyPrefix: `closed-${randomUUID()}` });
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      samples.push(await timed(() => cache.get("k")));
      samples.push(await timed(() => cache.set("k", 1, 60, ["t"])));
      samples.push(await timed(() => cache.invalidateTag("t")));
    }
    expect(p99(samples)).toBeLessThan(50);
    expect(await cache.get("k")).toBeUndefined();

    // Limits still hold, counted on this instance.
    for (let i = 0; i < 3; i++) expect(await timed(() => limiter.consume("appointments", "caller"))).toBeLessThan(50);
    await expect(limiter.consume("appointments", "caller")).rejects.toMatchObject({ code: 3008 });
    expect(link.usable()).toBe(false);
    expect(redisState()).toBe("unreachable");
  });
});

describe.skipIf(!REDIS_URL)("a real Redis one instance stops reaching", () => {
  it("keeps reads fast during the outage and repairs the missed invalidation when the link returns", async () => {
    const target = new URL(REDIS_URL!);
    const link = await startTcpProxy(target.hostname, Number(target.port || 6379));
    const prefix = `outage-${randomUUID()}:`;
    const instanceA = new RedisCache(redisLink(link.url(REDIS_URL!)), prefix);
    const instanceB = new RedisCache(redisLink(REDIS_URL!), prefix);
    await expect.poll(() => redisLink(link.url(REDIS_URL!)).usable()).toBe(true);

    const normal: number[] = [];
    await instanceA.set("hours:branch-1", { opens: "09:00" }, 300, ["branch:1"]);
    for (let i = 0; i < 50; i++) normal.push(await timed(() => instanceA.get("hours:branch-1")));
    expect(await instanceB.get("hours:branch-1")).toEqual({ opens: "09:00" });

    await link.cut();
    await expect.poll(() => redisLink(link.url(REDIS_URL!)).usable()).toBe(false);
    const during: number[] = [];
    for (let i = 0; i < 50; i++) during.push(await timed(() => instanceA.get("hours:branch-1")));
    // A cache miss costs nothing more than a hit; 5 ms of slack for a loaded machine.
    expect(p99(during)).toBeLessThan(2 * p99(normal) + 5);
    expect(await instanceA.get("hours:branch-1")).toBeUndefined(); // bypassed, never stale
    expect(redisState()).toBe("unreachable");

    // The opening hours change on A while A cannot reach Redis.
    expect(await timed(() => instanceA.invalidateTag("branch:1"))).toBeLessThan(50);
    expect(instanceA.pendingInvalidations()).toBe(1);
    expect(await instanceB.get("hours:branch-1")).toEqual({ opens: "09:00" }); // B still has the old value …

    await link.restore();
    const restored = Date.now();
    await expect.poll(() => instanceB.get("hours:branch-1"), { timeout: 5_000, interval: 20 }).toBeUndefined(); // … until A's link is back
    expect(Date.now() - restored).toBeLessThan(3_000);
    // B may hear of the replayed deletion (near cache) a moment before A has noted it as done.
    await expect.poll(() => instanceA.pendingInvalidations(), { timeout: 1_000, interval: 5 }).toBe(0);
    expect(redisLink(link.url(REDIS_URL!)).usable()).toBe(true);
    await link.close();
  });

  it("a Redis that stops answering costs at most a few short timeouts, then the breaker answers at once", async () => {
    const target = new URL(REDIS_URL!);
    const link = await startTcpProxy(target.hostname, Number(target.port || 6379));
    const url = link.url(REDIS_URL!);
    const cache = new RedisCache(redisLink(url), `hang-${randomUUID()}:`);
    await expect.poll(() => redisLink(url).usable()).toBe(true);
    await cache.set("k", 1, 60);
    expect(await cache.get("k")).toBe(1);

    link.freeze();
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) samples.push(await timed(() => cache.get("k")));
    // Each command gives up after the command timeout; after three the breaker opens.
    expect(Math.max(...samples)).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + 200);
    expect(samples.filter((ms) => ms > 100).length).toBeLessThanOrEqual(3);
    expect(redisLink(url).usable()).toBe(false);
    await link.close();
  });

  it("flushes the cache when more invalidations were missed than it keeps", async () => {
    const target = new URL(REDIS_URL!);
    const link = await startTcpProxy(target.hostname, Number(target.port || 6379));
    const prefix = `flush-${randomUUID()}:`;
    const url = link.url(REDIS_URL!);
    const instanceA = new RedisCache(redisLink(url), prefix, 2);
    const instanceB = new RedisCache(redisLink(REDIS_URL!), prefix);
    await expect.poll(() => redisLink(url).usable()).toBe(true);
    await instanceB.set("a", 1, 300, ["t1"]);
    await instanceB.set("b", 2, 300, ["t9"]);

    await link.cut();
    await expect.poll(() => redisLink(url).usable()).toBe(false);
    for (const tag of ["t1", "t2", "t3"]) await instanceA.invalidateTag(tag);
    expect(instanceA.pendingInvalidations()).toBe(Infinity);

    await link.restore();
    await expect.poll(async () => [await instanceB.get("a"), await instanceB.get("b")], { timeout: 5_000 }).toEqual([undefined, undefined]);
    await link.close();
  });
});
