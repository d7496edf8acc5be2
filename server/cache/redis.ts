import { Redis } from "ioredis";
import { logger } from "@/server/logger";
import type { Cache } from "./types";

const TAG_SET_TTL_SECONDS = 24 * 3600;

const g = globalThis as unknown as { __askproRedis?: Map<string, Redis> };

/** One shared connection per URL and process (cache and rate limits use the same one). */
export function redisClient(url: string): Redis {
  g.__askproRedis ??= new Map();
  let client = g.__askproRedis.get(url);
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
    client.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
    g.__askproRedis.set(url, client);
  }
  return client;
}

/** Closes every shared connection (scripts, tests). */
export async function closeRedisClients(): Promise<void> {
  const clients = [...(g.__askproRedis?.values() ?? [])];
  g.__askproRedis?.clear();
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
}

/**
 * Cache shared by all app instances. Each tag is a Redis set of the keys stored with it;
 * invalidating a tag deletes those keys and the set. Redis trouble degrades to cache misses
 * (logged), never to failed requests; while Redis is unreachable nothing stale can be read.
 */
export class RedisCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "askpro:cache:",
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const raw = await this.redis.get(this.prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch (err) {
      logger.warn({ err: (err as Error).message, key }, "redis cache read failed");
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number, tags: string[] = []): Promise<void> {
    const ttl = Math.max(1, Math.ceil(ttlSeconds));
    const multi = this.redis.multi().set(this.prefix + key, JSON.stringify(value), "EX", ttl);
    for (const tag of tags) {
      const setKey = this.tagKey(tag);
      multi.sadd(setKey, key);
      // Refreshed on every write, so the set outlives its members; stale members are harmless.
      multi.expire(setKey, Math.max(ttl, TAG_SET_TTL_SECONDS));
    }
    await this.tolerate("write", key, () => multi.exec());
  }

  async delete(key: string): Promise<void> {
    await this.tolerate("delete", key, () => this.redis.del(this.prefix + key));
  }

  async invalidateTag(tag: string): Promise<void> {
    const setKey = this.tagKey(tag);
    await this.tolerate("invalidate", tag, async () => {
      const keys = await this.redis.smembers(setKey);
      const multi = this.redis.multi();
      if (keys.length) multi.del(...keys.map((k) => this.prefix + k));
      multi.del(setKey);
      await multi.exec();
    });
  }

  private async tolerate(op: string, key: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      logger.warn({ err: (err as Error).message, key }, `redis cache ${op} failed`);
    }
  }

  private tagKey(tag: string): string {
    return `${this.prefix}tag:${tag}`;
  }
}
