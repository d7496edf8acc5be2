import { deepFreeze } from "./deep-freeze";

/**
 * JSON texts read from a shared cache, kept with the deep-frozen value parsed from them: a read
 * whose text is unchanged gets that value back instead of parsing it again. The text is still
 * read every time, so another instance's write or invalidation is seen at once. A live call
 * reads the company's data several times; on PostgreSQL + Redis its JSON.parse was the largest
 * single function of the phone path. Only texts of `minChars` or more are kept, `maxChars` in all
 * (the oldest go first).
 */
export class ParsedMemo {
  private readonly entries = new Map<string, { raw: string; value: unknown }>();
  private chars = 0;

  constructor(private readonly minChars = 1024, private readonly maxChars = 8 * 1024 * 1024) {}

  parse(key: string, raw: string): unknown {
    const kept = this.entries.get(key);
    if (kept && kept.raw === raw) return kept.value;
    const value = deepFreeze(JSON.parse(raw) as unknown);
    if (kept) this.forget(key);
    if (raw.length >= this.minChars && raw.length <= this.maxChars) {
      while (this.chars + raw.length > this.maxChars) this.forget(this.entries.keys().next().value!);
      this.entries.set(key, { raw, value });
      this.chars += raw.length;
    }
    return value;
  }

  /** Characters of the texts kept (for tests). */
  keptChars(): number {
    return this.chars;
  }

  private forget(key: string): void {
    const kept = this.entries.get(key);
    if (!kept) return;
    this.entries.delete(key);
    this.chars -= kept.raw.length;
  }
}
