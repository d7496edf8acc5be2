/** Requests per minute per caller and rate-limit class; others get DEFAULT. */
export const DEFAULT_LIMIT_PER_MINUTE = 120;

export const BUILTIN_LIMITS: Readonly<Record<string, number>> = {
  "retell.config": 60,
  "retell.function": 1000,
  appointments: 30,
};

/** Parses RATE_LIMITS ("appointments=30,calcom=120"); entries override the built-in limits. */
export function parseRateLimits(spec: string | undefined): Record<string, number> {
  const limits: Record<string, number> = { ...BUILTIN_LIMITS };
  for (const part of (spec ?? "").split(",")) {
    const [name, value] = part.split("=").map((x) => x.trim());
    if (!name || !value) continue;
    const n = Number(value);
    if (Number.isInteger(n) && n > 0) limits[name] = n;
  }
  return limits;
}

export function limitFor(limits: Readonly<Record<string, number>>, rateLimitClass: string): number {
  return limits[rateLimitClass] ?? DEFAULT_LIMIT_PER_MINUTE;
}
