import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedisClients, RedisCache, redisLink } from "@/server/platform/cache/redis";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log("Skipping Redis cache tests: REDIS_URL is not set.");

describe.skipIf(!REDIS_URL)("RedisCache", () => {
  beforeAll(() => redisLink(REDIS_URL!).ready());
  afterAll(() => closeRedisClients());
  const cache = () => new RedisCache(redisLink(REDIS_URL!), `test-cache-${randomUUID()}:`);

  it("stores JSON values with a TTL", async () => {
    const c = cache();
    await c.set("k", { a: 1, list: ["x"] }, 1);
    expect(await c.get("k")).toEqual({ a: 1, list: ["x"] });
    expect(await c.get("missing")).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await c.get("k")).toBeUndefined();
  });

  it("drops every key of a tag, and only those", async () => {
    const c = cache();
    await c.set("a", 1, 60, ["c:1:t:company"]);
    await c.set("b", 2, 60, ["c:1:t:company", "c:1:t:branch"]);
    await c.set("c", 3, 60, ["c:2:t:company"]);
    await c.invalidateTag("c:1:t:company");
    expect([await c.get("a"), await c.get("b"), await c.get("c")]).toEqual([undefined, undefined, 3]);
    await c.invalidateTag("c:1:t:branch");
    await c.delete("c");
    expect(await c.get("c")).toBeUndefined();
  });

  it("hands a large unchanged value out once parsed and frozen, and another instance's write at once", async () => {
    const prefix = `test-cache-${randomUUID()}:`;
    const reader = new RedisCache(redisLink(REDIS_URL!), prefix);
    const writer = new RedisCache(redisLink(REDIS_URL!), prefix);
    const company = (name: string) => ({ name, staff: Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, hours: { "1": [{ start: "09:00", end: "17:00" }] } })) });
    await writer.set("company", company("Salon Vorher"), 60);
    const first = await reader.get<ReturnType<typeof company>>("company");
    expect(await reader.get("company")).toBe(first);
    expect(Object.isFrozen(first!.staff[0].hours)).toBe(true);
    await writer.set("company", company("Salon Nachher"), 60);
    expect(await reader.get("company")).toMatchObject({ name: "Salon Nachher" });
    await writer.delete("company");
    expect(await reader.get("company")).toBeUndefined();
  });

  it("is shared between instances on the same Redis", async () => {
    const prefix = `test-cache-${randomUUID()}:`;
    const one = new RedisCache(redisLink(REDIS_URL!), prefix);
    const two = new RedisCache(redisLink(REDIS_URL!), prefix);
    await one.set("shared", "ja", 60, ["t"]);
    expect(await two.get("shared")).toBe("ja");
    await two.invalidateTag("t");
    expect(await one.get("shared")).toBeUndefined();
  });
});

describe("RedisCache without a reachable Redis", () => {
  it("degrades to misses instead of failing requests", async () => {
    const c = new RedisCache(redisLink("redis://127.0.0.1:1"), "x:");
    await c.set("k", 1, 60, ["t"]);
    expect(await c.get("k")).toBeUndefined();
    await c.invalidateTag("t");
    await c.delete("k");
    await closeRedisClients();
  });
});
