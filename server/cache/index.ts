import { MemoryCache } from "./memory";
import type { Cache } from "./types";

export type { Cache } from "./types";
export { remember } from "./types";

const g = globalThis as unknown as { __askproCache?: Cache };

/** The process-wide cache (memory; Redis when REDIS_URL is set, see ./redis.ts). */
export function getCache(): Cache {
  g.__askproCache ??= new MemoryCache();
  return g.__askproCache;
}

/** Replaces the process-wide cache (startup wiring and tests). */
export function setCache(cache: Cache): void {
  g.__askproCache = cache;
}
