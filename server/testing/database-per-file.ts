import { afterAll, beforeAll, beforeEach } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";

/**
 * One database for the whole test file: `open` creates (and fills) it once and hands it back to
 * be closed after the last test; before each test the cache and the method rate limiter start
 * empty, so no test sees another's cached reads or spent limits.
 */
export function databasePerFile(open: () => Promise<{ close: () => Promise<void> }>): void {
  let db: { close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(() => {
    setCache(new MemoryCache());
    setRateLimiter(new MethodRateLimiter());
  });
}
