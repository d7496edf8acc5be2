/**
 * The near cache on a real Redis: repeated reads are answered by this instance, and Redis's
 * tracking keeps them correct when another instance writes, when keys expire and when the
 * connection is lost. "Another instance" is a plain second connection, as in production.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "@/server/testing/tcp-proxy";
import { closeRedisClients, RedisCache, redisLink } from "./redis";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log("[skip] near-cache.redis.test.ts: REDIS_URL is not set (CI sets it to the local Redis).");

const others: Redis[] = [];
const proxies: TcpProxy[] = [];
afterAll(async () => {
  await Promise.all(others.map((r) => r.quit()));
  await Promise.all(proxies.map((p) => p.close()));
  await closeRedisClients();
});

/** A cache on its own connection (through a proxy the test can cut), and another instance's plain connection. */
async function setup() {
  const target = new URL(REDIS_URL!);
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
  proxies.push(proxy);
  const link = redisLink(proxy.url(REDIS_URL!));
  const prefix = `near-${randomUUID()}:`;
  const cache = new RedisCache(link, prefix);
  const other = new Redis(REDIS_URL!);
  others.push(other);
  await expect.poll(() => link.usable() && link.near().active()).toBe(true);
  return { proxy, link, cache, other, key: (k: string) => prefix + k };
}

describe.skipIf(!REDIS_URL)("near cache", () => {
  it("answers a repeated read without asking Redis", async () => {
    const { proxy, cache, link } = await setup();
    await cache.set("company", { name: "Salon Mitte" }, 60);
    expect(await cache.get("company")).toEqual({ name: "Salon Mitte" });
    expect(link.near().size()).toBe(1);

    proxy.freeze(); // Redis no longer answers this instance
    const t0 = performance.now();
    expect(await cache.get("company")).toEqual({ name: "Salon Mitte" });
    expect(performance.now() - t0).toBeLessThan(100); // a read through the frozen link would wait 500 ms
    await proxy.restore();
  });

  it("drops a value as soon as another instance changes or deletes it", async () => {
    const { cache, other, key } = await setup();
    await cache.set("hours", { opens: "09:00" }, 60);
    expect(await cache.get("hours")).toEqual({ opens: "09:00" });
    expect(await cache.get("hours")).toEqual({ opens: "09:00" });

    await other.set(key("hours"), JSON.stringify({ opens: "10:00" }), "EX", 60);
    await expect.poll(() => cache.get("hours"), { timeout: 1_000, interval: 5 }).toEqual({ opens: "10:00" });

    await other.del(key("hours"));
    await expect.poll(() => cache.get("hours"), { timeout: 1_000, interval: 5 }).toBeUndefined();
  });

  it("keeps a value no longer than the key lives in Redis", async () => {
    const { cache, other, key } = await setup();
    await other.set(key("short"), JSON.stringify("kurz"), "PX", 300);
    expect(await cache.get("short")).toBe("kurz");
    expect(await cache.get("short")).toBe("kurz");
    await new Promise((r) => setTimeout(r, 350));
    expect(await cache.get("short")).toBeUndefined();
  });

  it("keeps nothing from a read of a key that was invalidated while the read was on its way", async () => {
    const { link } = await setup();
    const near = link.near();
    const overlapped = await near.fill("k", async () => {
      near.drop(["k"]); // another instance changed it before the answer arrived
      return { value: "alt", ttlMs: 60_000 };
    });
    expect(overlapped).toBe("alt");
    expect(await near.lookup("k")).toBeUndefined();

    // Invalidations of other keys (they arrive all the time under load) do not stop it keeping.
    await near.fill("k", async () => {
      near.drop(["another-key"]);
      return { value: "neu", ttlMs: 60_000 };
    });
    expect(await near.lookup("k")).toBe("neu");
  });

  it("keeps nothing from a read sent while tracking was being switched on again after a reconnect", async () => {
    const { link, cache, other, key } = await setup();
    const near = link.near();
    await other.set(key("hours"), JSON.stringify("09:00"), "EX", 60);

    // The data connection drops (the invalidation connection stays) and reconnects. The near
    // cache's "ready" handler sends CLIENT TRACKING ON; a read of the cache (the cache's own
    // reads wait for its short recovery step) sent before that answer arrives goes out untracked.
    const readInTheGap = new Promise<unknown>((resolve, reject) =>
      link.client.once("ready", () => {
        if (near.active()) reject(new Error("tracking was already on"));
        resolve(
          near.fill(key("hours"), async (read) => {
            const [[, raw], [, ttl]] = ((await read.get(key("hours")).pttl(key("hours")).exec()) ?? []).slice(-2);
            return { value: JSON.parse(raw as string) as unknown, ttlMs: Number(ttl) };
          }),
        );
      }),
    );
    await other.client("KILL", "ID", String(await link.client.client("ID")));
    expect(await readInTheGap).toBe("09:00");
    await expect.poll(() => near.active()).toBe(true);

    // Redis never names that key to this instance, so a kept copy would outlive this change.
    await other.set(key("hours"), JSON.stringify("10:00"), "EX", 60);
    await expect.poll(() => cache.get("hours"), { timeout: 1_000, interval: 5 }).toBe("10:00");
  });

  it("empties itself when the connection is lost and serves again once tracking is back", async () => {
    const { proxy, link, cache, other, key } = await setup();
    await cache.set("price", 30, 60);
    expect(await cache.get("price")).toBe(30);

    await proxy.cut();
    await expect.poll(() => link.near().active()).toBe(false);
    expect(link.near().size()).toBe(0);
    // Changed while this instance could not hear about it.
    await other.set(key("price"), JSON.stringify(35), "EX", 60);

    await proxy.restore();
    await expect.poll(() => link.near().active(), { timeout: 5_000 }).toBe(true);
    expect(await cache.get("price")).toBe(35);
    await other.set(key("price"), JSON.stringify(40), "EX", 60);
    await expect.poll(() => cache.get("price"), { timeout: 1_000, interval: 5 }).toBe(40);
  });
});
