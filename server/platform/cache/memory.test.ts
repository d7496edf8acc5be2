import { describe, expect, it } from "vitest";
import { MemoryCache } from "@/server/platform/cache/memory";

describe("MemoryCache", () => {
  it("gives back the shape a JSON round trip gives: dates as strings, no undefined fields", async () => {
    const cache = new MemoryCache();
    await cache.set("k", { at: new Date("2026-03-11T09:00:00.000Z"), gone: undefined, list: [1, { x: "y" }] }, 60);
    expect(await cache.get("k")).toStrictEqual({ at: "2026-03-11T09:00:00.000Z", list: [1, { x: "y" }] });
  });

  it("stores a copy: the caller's object stays its own and stays changeable", async () => {
    const cache = new MemoryCache();
    const original = { name: "Salon", services: [{ id: "s1" }] };
    await cache.set("k", original, 60);
    original.services[0]!.id = "changed";
    original.services.push({ id: "s2" });
    expect(Object.isFrozen(original)).toBe(false);
    expect(await cache.get("k")).toEqual({ name: "Salon", services: [{ id: "s1" }] });
  });

  it("a reader cannot change the value other readers get, at any depth", async () => {
    const cache = new MemoryCache();
    await cache.set("k", { company: { services: [{ id: "s1" }] } }, 60);
    const read = (await cache.get<{ company: { services: Array<{ id: string }> } }>("k"))!;
    expect(() => {
      read.company.services[0]!.id = "changed";
    }).toThrow(TypeError);
    expect(() => read.company.services.push({ id: "s2" })).toThrow(TypeError);
    expect(await cache.get("k")).toEqual({ company: { services: [{ id: "s1" }] } });
  });

  it("forgets a value once its time is up", async () => {
    let now = 1_000_000;
    const cache = new MemoryCache(() => now);
    await cache.set("k", 1, 10);
    now += 9_999;
    expect(await cache.get("k")).toBe(1);
    now += 1;
    expect(await cache.get("k")).toBeUndefined();
  });

  it("drops every key of a tag, and only those", async () => {
    const cache = new MemoryCache();
    await cache.set("a", 1, 60, ["c:1:company"]);
    await cache.set("b", 2, 60, ["c:1:company", "c:1:branch"]);
    await cache.set("c", 3, 60, ["c:2:company"]);
    await cache.invalidateTag("c:1:company");
    expect([await cache.get("a"), await cache.get("b"), await cache.get("c")]).toEqual([undefined, undefined, 3]);
  });

  it("keeps at most its limit of entries, dropping the oldest first", async () => {
    const cache = new MemoryCache(Date.now, 2);
    await cache.set("a", 1, 60);
    await cache.set("b", 2, 60);
    await cache.set("c", 3, 60);
    expect([await cache.get("a"), await cache.get("b"), await cache.get("c")]).toEqual([undefined, 2, 3]);
  });
});
