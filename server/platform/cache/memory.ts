import { deepFreeze } from "./deep-freeze";
import type { Cache } from "./types";

interface Entry {
  value: unknown;
  expiresAt: number;
  tags: string[];
}

/**
 * In-process cache. A value is stored as a deep-frozen copy made through JSON: readers get the
 * shape a Redis round trip gives (dates as strings, no class instances) and share it without
 * parsing it again on every read (a phone call reads the company's data several times); a reader
 * that tried to change it would throw instead of changing it for everyone.
 */
export class MemoryCache implements Cache {
  private entries = new Map<string, Entry>();
  private byTag = new Map<string, Set<string>>();

  constructor(private readonly clock: () => number = Date.now, private readonly maxEntries = 10_000) {}

  async get<T>(key: string): Promise<T | undefined> {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.clock()) {
      this.remove(key);
      return undefined;
    }
    return e.value as T;
  }

  async set(key: string, value: unknown, ttlSeconds: number, tags: string[] = []): Promise<void> {
    this.remove(key);
    if (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value!);
    this.entries.set(key, { value: deepFreeze(JSON.parse(JSON.stringify(value)) as unknown), expiresAt: this.clock() + ttlSeconds * 1000, tags });
    for (const t of tags) {
      let keys = this.byTag.get(t);
      if (!keys) this.byTag.set(t, (keys = new Set()));
      keys.add(key);
    }
  }

  async delete(key: string): Promise<void> {
    this.remove(key);
  }

  async invalidateTag(tag: string): Promise<void> {
    for (const key of this.byTag.get(tag) ?? []) this.remove(key);
    this.byTag.delete(tag);
  }

  private remove(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    for (const t of e.tags) this.byTag.get(t)?.delete(key);
  }
}
