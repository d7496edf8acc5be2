/** Cache keys and tags are always scoped to one company, so no read can leak across tenants. */

/**
 * Tags of the company's master data. A server that changes one of these lists the tag in its
 * methods' `invalidates`; cached reads derived from them (method results, the calendar's
 * company data) carry the tags.
 */
export const CacheTags = { company: "company", branch: "branch", service: "service", staff: "staff" } as const;

export function companyTag(companyId: string, tag: string): string {
  return `c:${companyId}:t:${tag}`;
}

export function cacheKey(companyId: string, method: string, params: unknown): string {
  return `c:${companyId}:m:${method}:${stableJson(params)}`;
}

/** JSON with sorted object keys, so equal params give equal cache keys. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value);
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(",")}}`;
}
