/** A key/value cache with TTLs and tag invalidation: memory by default, Redis when REDIS_URL is set. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number, tags?: string[]): Promise<void>;
  delete(key: string): Promise<void>;
  /** Drops every key stored with this tag. */
  invalidateTag(tag: string): Promise<void>;
}

/** Returns the cached value or computes, stores and returns it; `cached` tells which. */
export async function remember<T>(
  cache: Cache,
  key: string,
  ttlSeconds: number,
  tags: string[],
  compute: () => Promise<T>,
): Promise<{ value: T; cached: boolean }> {
  const hit = await cache.get<T>(key);
  if (hit !== undefined) return { value: hit, cached: true };
  const value = await compute();
  await cache.set(key, value, ttlSeconds, tags);
  return { value, cached: false };
}
