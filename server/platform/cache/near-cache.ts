import { setImmediate as afterPendingIo } from "node:timers/promises";
import type { ChainableCommander as Pipeline, Redis } from "ioredis";
import { logger } from "@/server/platform/logger";

const INVALIDATE_CHANNEL = "__redis__:invalidate";

/** Longest an entry is served without asking Redis, even if no invalidation ever arrives. */
export const NEAR_MAX_AGE_MS = 10_000;

/**
 * This instance's copy of the values it read from the shared Redis cache, kept correct by Redis
 * itself (server-assisted client-side caching, `CLIENT TRACKING` in RESP2's two-connection mode):
 * Redis remembers which keys the data connection read and names them on a second connection as
 * soon as any instance writes, deletes or expires them. A hit costs no round trip; on the phone
 * path that saves three per call (number owner, functions, company data).
 *
 * It serves nothing it cannot vouch for:
 * - only while both connections are up and tracking is on; any disconnect empties it;
 * - a read that overlapped an invalidation, or was sent before tracking was on, is not kept;
 * - an entry lives as long as the key's TTL in Redis (read in the same round trip), at most
 *   NEAR_MAX_AGE_MS (bounds a hung invalidation connection that never closes);
 * - a hit is handed out after the I/O already waiting in the event loop, so an invalidation
 *   Redis sent before a request reached this instance is applied before that request reads.
 */
export class NearCache {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();
  private readonly subscriber: Redis;
  private subscriberId: number | null = null;
  private tracking = false;
  /** Ticks with every invalidation; a read keeps its value only if its key was not invalidated after it began. */
  private clock = 0;
  private resetAt = 0;
  private readonly reading = new Map<string, { count: number; invalidatedAt: number }>();

  constructor(private readonly client: Redis, private readonly maxEntries = 10_000) {
    this.subscriber = client.duplicate({ autoResubscribe: false });
    // Failures show as "close" below; the link itself logs that Redis is unreachable.
    this.subscriber.on("error", () => undefined);
    this.subscriber.on("messageBuffer", (channel: Buffer, keys: unknown) => {
      if (channel.toString() !== INVALIDATE_CHANNEL) return;
      // A list of key names, or nil when the database was flushed.
      if (Array.isArray(keys)) this.drop(keys.map((k: Buffer) => k.toString()));
      else this.reset();
    });
    this.subscriber.on("ready", () => void this.subscribe());
    this.client.on("ready", () => void this.enableTracking());
    for (const conn of [this.client, this.subscriber]) {
      conn.on("close", () => this.lost(conn === this.subscriber));
    }
  }

  /** Serving: both connections up and Redis tracking this instance's reads. */
  active(): boolean {
    return this.tracking;
  }

  /** The value kept for `key`, once pending invalidations are applied; undefined when none. */
  async lookup(key: string): Promise<unknown> {
    if (!this.tracking || !this.entries.has(key)) return undefined;
    await afterPendingIo();
    const entry = this.entries.get(key);
    if (!this.tracking || !entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * Reads `key` from Redis with `load` (value and the key's remaining TTL, in the round trip
   * that `trackedRead` opens) and keeps the value, unless the key was invalidated meanwhile.
   */
  async fill<T>(key: string, load: (trackedRead: Pipeline) => Promise<{ value: T; ttlMs: number } | undefined>): Promise<T | undefined> {
    const read = this.reading.get(key) ?? { count: 0, invalidatedAt: -1 };
    read.count += 1;
    this.reading.set(key, read);
    const startedAt = this.clock;
    // A read sent before tracking was on is never named by Redis when the key changes, even if
    // tracking is on by the time its answer arrives (as right after a reconnect): not kept.
    const tracked = this.tracking;
    try {
      // OPTIN: only the GET right after CACHING yes is tracked, not rate-limit counters and the like.
      const loaded = await load(tracked ? this.client.pipeline().call("CLIENT", "CACHING", "YES") : this.client.pipeline());
      if (loaded && tracked) this.keep(key, loaded.value, loaded.ttlMs, startedAt, read.invalidatedAt);
      return loaded?.value;
    } finally {
      read.count -= 1;
      if (read.count === 0) this.reading.delete(key);
    }
  }

  /** Forgets keys (written or deleted here, or named by Redis). */
  drop(keys: string[]): void {
    this.clock += 1;
    for (const key of keys) {
      this.entries.delete(key);
      const read = this.reading.get(key);
      if (read) read.invalidatedAt = this.clock;
    }
  }

  /** Entries kept (for tests). */
  size(): number {
    return this.entries.size;
  }

  close(): Promise<unknown> {
    this.reset();
    this.tracking = false;
    return this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private reset(): void {
    this.clock += 1;
    this.resetAt = this.clock;
    this.entries.clear();
  }

  private keep(key: string, value: unknown, ttlMs: number, startedAt: number, invalidatedAt: number): void {
    if (!this.tracking || ttlMs <= 0 || this.resetAt > startedAt || invalidatedAt > startedAt) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: Date.now() + Math.min(ttlMs, NEAR_MAX_AGE_MS) });
  }

  private lost(subscriberLost: boolean): void {
    this.tracking = false;
    if (subscriberLost) this.subscriberId = null;
    this.reset();
  }

  /** The invalidation connection: its id is read before it enters subscribe mode (RESP2 allows nothing else there). */
  private async subscribe(): Promise<void> {
    try {
      const id = Number(await this.subscriber.client("ID"));
      await this.subscriber.subscribe(INVALIDATE_CHANNEL);
      this.subscriberId = id;
      await this.enableTracking();
    } catch (err) {
      logger.warn({ err: (err as Error).message }, "redis near cache: invalidation connection not set up; reading from redis");
    }
  }

  private async enableTracking(): Promise<void> {
    this.tracking = false;
    this.reset();
    const id = this.subscriberId;
    if (id === null || this.client.status !== "ready" || this.subscriber.status !== "ready") return;
    try {
      await this.client.call("CLIENT", "TRACKING", "ON", "REDIRECT", String(id), "OPTIN");
      // Still the same connections as when asked.
      if (this.subscriberId === id && this.client.status === "ready") this.tracking = true;
    } catch (err) {
      logger.warn({ err: (err as Error).message }, "redis near cache: tracking refused; reading from redis");
    }
  }
}
