import { circuitBreaker, ConsecutiveBreaker, CircuitState, handleAll, type CircuitBreakerPolicy } from "cockatiel";
import { Redis } from "ioredis";
import { logger } from "@/server/platform/logger";
import { NearCache } from "./near-cache";
import { ParsedMemo } from "./parsed-memo";
import type { Cache } from "./types";

const TAG_SET_TTL_SECONDS = 24 * 3600;

/** Short limits: a Redis in trouble must cost a request milliseconds, not seconds. */
export const REDIS_CONNECT_TIMEOUT_MS = 1_000;
export const REDIS_COMMAND_TIMEOUT_MS = 500;
const BREAKER_FAILURES = 3;
const BREAKER_HALF_OPEN_AFTER_MS = 2_000;

/**
 * One Redis connection with what the app needs to treat Redis as a dependency that can fail:
 * no offline queue (a command while disconnected fails at once instead of waiting), short
 * connect and command timeouts, and a breaker that stops trying after consecutive failures
 * (a Redis that accepts connections but does not answer). `usable()` tells callers to use
 * their per-instance fallback instead; `onRecovered` runs after every outage.
 */
export class RedisLink {
  readonly client: Redis;
  private readonly breaker: CircuitBreakerPolicy;
  private wasDown = false;
  private readonly recoveryHandlers = new Set<() => Promise<void> | void>();
  private nearCache: NearCache | null = null;

  constructor(url: string) {
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(100 * attempt, 1_000),
      lazyConnect: false,
    });
    this.breaker = circuitBreaker(handleAll, { halfOpenAfter: BREAKER_HALF_OPEN_AFTER_MS, breaker: new ConsecutiveBreaker(BREAKER_FAILURES) });
    this.client.on("error", (err) => {
      if (!this.wasDown) logger.warn({ err: err.message }, "redis unreachable; serving from per-instance fallbacks");
      this.wasDown = true;
    });
    this.client.on("close", () => {
      this.wasDown = true;
    });
    this.client.on("ready", () => {
      if (!this.wasDown) return;
      this.wasDown = false;
      logger.info("redis reachable again");
      for (const handler of this.recoveryHandlers) {
        Promise.resolve(handler()).catch((err: unknown) => logger.warn({ err: (err as Error).message }, "redis recovery step failed"));
      }
    });
    this.breaker.onBreak(() => logger.warn("redis breaker open: commands keep failing"));
  }

  /** Connected and the breaker lets commands through. */
  usable(): boolean {
    return this.client.status === "ready" && this.breaker.state !== CircuitState.Open;
  }

  /** Resolves once connected (false after `timeoutMs`): for startup and tests, never on a request path. */
  async ready(timeoutMs = 2_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.client.status !== "ready" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return this.client.status === "ready";
  }

  /** Runs a command through the breaker; throws at once while Redis is unusable. */
  run<T>(fn: (client: Redis) => Promise<T>): Promise<T> {
    if (this.client.status !== "ready") return Promise.reject(new Error(`redis not ready (${this.client.status})`));
    return this.breaker.execute(() => fn(this.client));
  }

  /** This process's copy of values read through this link (Redis tracks reads per connection, so one per link). */
  near(): NearCache {
    this.nearCache ??= new NearCache(this.client);
    return this.nearCache;
  }

  async close(): Promise<void> {
    await this.nearCache?.close();
    await this.client.quit().catch(() => this.client.disconnect());
  }

  /** Called whenever Redis is reachable again after an outage. */
  onRecovered(handler: () => Promise<void> | void): void {
    this.recoveryHandlers.add(handler);
  }
}

const g = globalThis as unknown as { __askproRedis?: Map<string, RedisLink> };

/** One shared link per URL and process (cache, rate limits and login throttle use the same one). */
export function redisLink(url: string): RedisLink {
  g.__askproRedis ??= new Map();
  let link = g.__askproRedis.get(url);
  if (!link) {
    link = new RedisLink(url);
    g.__askproRedis.set(url, link);
  }
  return link;
}

export function redisClient(url: string): Redis {
  return redisLink(url).client;
}

/** "ok", "unreachable" or "not_configured" for the health report: every shared link must be usable. */
export function redisState(): "ok" | "unreachable" | "not_configured" {
  const links = [...(g.__askproRedis?.values() ?? [])];
  if (links.length === 0) return "not_configured";
  return links.every((l) => l.usable()) ? "ok" : "unreachable";
}

/** Closes every shared connection (scripts, tests, shutdown). */
export async function closeRedisClients(): Promise<void> {
  const links = [...(g.__askproRedis?.values() ?? [])];
  g.__askproRedis?.clear();
  await Promise.all(links.map((l) => l.close()));
}

/**
 * Cache shared by all app instances. Each tag is a Redis set of the keys stored with it;
 * invalidating a tag deletes those keys and the set. Values read are also kept in the link's
 * near cache, which Redis keeps correct (near-cache.ts), so a repeated read costs no round
 * trip. While Redis is unusable every read is a miss (nothing stale can be read, requests keep
 * their speed) and writes are skipped. An invalidation that could not reach Redis is kept and
 * replayed as soon as Redis is back; until the replay is done this instance keeps bypassing the
 * cache. Too many missed invalidations to keep: the whole cache is flushed instead.
 */
export class RedisCache implements Cache {
  private readonly missedTags = new Set<string>();
  private missedTooMany = false;
  private repairing: Promise<void> | null = null;
  private repairTimer: NodeJS.Timeout | null = null;
  private readonly parsed = new ParsedMemo();

  constructor(
    private readonly link: RedisLink,
    private readonly prefix = "askpro:cache:",
    private readonly maxMissed = 1_000,
  ) {
    link.onRecovered(() => this.repair());
  }

  /** Invalidations that still have to reach Redis (for tests and health). */
  pendingInvalidations(): number {
    return this.missedTooMany ? Infinity : this.missedTags.size;
  }

  async get<T>(key: string): Promise<T | undefined> {
    if (!this.readable()) return undefined;
    const name = this.keyName(key);
    const near = this.link.near();
    const kept = await near.lookup(name);
    if (kept !== undefined && this.readable()) return kept as T;
    try {
      return await near.fill<T>(name, (read) =>
        this.link.run(async () => {
          // The key's remaining TTL comes in the same round trip: the near copy must not outlive it.
          const [[getErr, raw], [, ttl]] = ((await read.get(name).pttl(name).exec()) ?? []).slice(-2);
          if (getErr) throw getErr;
          // Deep-frozen, like the in-process cache's values: readers share them.
          return typeof raw === "string" ? { value: this.parsed.parse(key, raw) as T, ttlMs: Number(ttl) } : undefined;
        }),
      );
    } catch (err) {
      logger.warn({ err: (err as Error).message, key }, "redis cache read failed");
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number, tags: string[] = []): Promise<void> {
    if (!this.readable()) return;
    const ttl = Math.max(1, Math.ceil(ttlSeconds));
    await this.tolerate("write", key, () =>
      this.link.run((r) => {
        const multi = r.multi().set(this.keyName(key), JSON.stringify(value), "EX", ttl);
        for (const tag of tags) {
          const setKey = this.tagKey(tag);
          multi.sadd(setKey, key);
          // Refreshed on every write, so the set outlives its members; stale members are harmless.
          multi.expire(setKey, Math.max(ttl, TAG_SET_TTL_SECONDS));
        }
        return multi.exec();
      }),
    );
    this.link.near().drop([this.keyName(key)]);
  }

  async delete(key: string): Promise<void> {
    const deleted = await this.tolerate("delete", key, () => this.link.run((r) => r.del(this.keyName(key))));
    this.link.near().drop([this.keyName(key)]);
    if (!deleted) {
      this.missedTooMany = true; // a single key is not tracked: the repair flushes
      this.scheduleRepair(0);
    }
  }

  async invalidateTag(tag: string): Promise<void> {
    if (await this.tolerate("invalidate", tag, () => this.dropTag(tag))) return;
    if (this.missedTags.size >= this.maxMissed) this.missedTooMany = true;
    else this.missedTags.add(tag);
    logger.warn({ tag }, "cache invalidation deferred until redis is reachable again");
    this.scheduleRepair(0);
  }

  /**
   * Retries the repair every second while something is missed and Redis is usable: a single
   * failed command (a blip, no reconnect) must not leave other instances reading stale values.
   */
  private scheduleRepair(delayMs: number): void {
    if (this.repairTimer) return;
    this.repairTimer = setTimeout(() => {
      this.repairTimer = null;
      if (this.pendingInvalidations() === 0) return;
      if (!this.link.usable()) return this.scheduleRepair(1_000);
      this.repair().catch((err: unknown) => {
        logger.warn({ err: (err as Error).message }, "cache repair failed; retrying");
        this.scheduleRepair(1_000);
      });
    }, delayMs);
    this.repairTimer.unref();
  }

  /** Replays missed invalidations (or flushes); reads bypass the cache until it is done. */
  repair(): Promise<void> {
    this.repairing ??= this.replay().finally(() => {
      this.repairing = null;
    });
    return this.repairing;
  }

  private async replay(): Promise<void> {
    if (this.missedTooMany) {
      await this.link.run(async (r) => {
        let cursor = "0";
        do {
          const [next, keys] = await r.scan(cursor, "MATCH", `${this.prefix}*`, "COUNT", 500);
          if (keys.length) await r.del(...keys);
          this.link.near().drop(keys);
          cursor = next;
        } while (cursor !== "0");
      });
      this.missedTooMany = false;
      this.missedTags.clear();
      logger.info("cache flushed after missed invalidations");
      return;
    }
    for (const tag of [...this.missedTags]) {
      await this.dropTag(tag);
      this.missedTags.delete(tag);
    }
    logger.info("missed cache invalidations replayed");
  }

  private readable(): boolean {
    return this.link.usable() && this.repairing === null && this.missedTags.size === 0 && !this.missedTooMany;
  }

  private dropTag(tag: string): Promise<unknown> {
    const setKey = this.tagKey(tag);
    return this.link.run(async (r) => {
      const keys = await r.smembers(setKey);
      const multi = r.multi();
      const names = keys.map((k) => this.keyName(k));
      if (names.length) multi.del(...names);
      multi.del(setKey);
      const done = await multi.exec();
      this.link.near().drop(names);
      return done;
    });
  }

  /** True when it worked; Redis trouble is logged and never fails the request. */
  private async tolerate(op: string, key: string, fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (err) {
      logger.warn({ err: (err as Error).message, key }, `redis cache ${op} failed`);
      return false;
    }
  }

  /** The Redis key a cache key is stored under. */
  private keyName(key: string): string {
    return this.prefix + key;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}tag:${tag}`;
  }
}
