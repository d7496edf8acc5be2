import { env } from "@/server/platform/env";
import { MemoryCache } from "./memory";
import { RedisCache, redisLink } from "./redis";
import type { Cache } from "./types";

export type { Cache } from "./types";
export { remember } from "./types";

const g = globalThis as unknown as { __askproCache?: Cache };

/** The process-wide cache: Redis when REDIS_URL is set (shared by all instances), else memory. */
export function getCache(): Cache {
  if (!g.__askproCache) {
    const url = env().REDIS_URL;
    g.__askproCache = url ? new RedisCache(redisLink(url)) : new MemoryCache();
  }
  return g.__askproCache;
}

/** Replaces the process-wide cache (startup wiring and tests). */
export function setCache(cache: Cache): void {
  g.__askproCache = cache;
}
