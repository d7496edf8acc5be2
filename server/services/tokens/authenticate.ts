import "server-only";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { logger } from "@/server/platform/logger";
import { hashToken, looksLikeToken } from "./format";

export interface AuthenticatedToken {
  id: string;
  companyId: string;
  /** The token's display name (for the audit log). */
  name: string;
  allowedServers: string[];
}

/** Successful lookups are kept this long, so the hot path rarely touches the database. */
const CACHE_TTL_MS = 30_000;
/**
 * A cached lookup is used only if the token table was checked for changes this recently: a
 * revocation made anywhere (another instance, the command line, the database) is honoured
 * everywhere within a second (this time plus one request), at the price of two tiny queries
 * per second and process.
 */
const FRESHNESS_MS = 500;
/** lastUsedAt is written at most this often per token. */
const TOUCH_INTERVAL_MS = 60_000;
const MAX_CACHED = 10_000;

interface CacheEntry {
  token: AuthenticatedToken;
  expiresAt: number;
}

interface TokenCacheState {
  byHash: Map<string, CacheEntry>;
  touched: Map<string, number>;
  /** What the token table looked like at the last check (counts and latest revocation). */
  signature?: string;
  checkedAt?: number;
  checking?: Promise<void> | null;
}

const g = globalThis as unknown as { __askproTokens?: TokenCacheState };
const state: TokenCacheState = (g.__askproTokens ??= { byHash: new Map(), touched: new Map() });

/**
 * The token's company and servers, or null when it is missing, malformed, unknown or revoked.
 * `now` is the clock for revocation and lastUsedAt.
 */
export async function authenticateToken(db: PrismaClient, raw: string | null | undefined, now = Date.now()): Promise<AuthenticatedToken | null> {
  if (!raw || !looksLikeToken(raw)) return null;
  const hash = hashToken(raw);
  await ensureFresh(db);
  const cached = state.byHash.get(hash);
  if (cached && cached.expiresAt > now) {
    touch(db, cached.token.id, now);
    return cached.token;
  }
  state.byHash.delete(hash);

  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, companyId: true, name: true, allowedServers: true, revokedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const token: AuthenticatedToken = { id: row.id, companyId: row.companyId, name: row.name, allowedServers: row.allowedServers };
  if (state.byHash.size >= MAX_CACHED) state.byHash.delete(state.byHash.keys().next().value!);
  state.byHash.set(hash, { token, expiresAt: now + CACHE_TTL_MS });
  touch(db, row.id, now);
  return token;
}

/** Empties the cache when the token table changed since the last check (at most one query per FRESHNESS_MS). */
async function ensureFresh(db: PrismaClient): Promise<void> {
  if (state.checkedAt !== undefined && performance.now() - state.checkedAt < FRESHNESS_MS) return;
  state.checking ??= (async () => {
    const [row] = await db.$queryRaw<{ signature: string }[]>`
      SELECT concat(count(*), ':', count("revokedAt"), ':', coalesce(max("revokedAt")::text, '')) AS signature FROM api_tokens`;
    if (row?.signature !== state.signature) {
      state.byHash.clear();
      state.signature = row?.signature;
    }
    state.checkedAt = performance.now();
  })().finally(() => {
    state.checking = null;
  });
  await state.checking;
}

/** Drops a token from the authentication cache (on revoke). */
export function forgetToken(tokenHash: string): void {
  state.byHash.delete(tokenHash);
}

/** Empties the authentication cache (tests). */
export function clearTokenCache(): void {
  state.byHash.clear();
  state.touched.clear();
  state.signature = undefined;
  state.checkedAt = undefined;
}

/** Updates lastUsedAt in the background, at most once per TOUCH_INTERVAL_MS per token. */
function touch(db: PrismaClient, id: string, now: number): void {
  const last = state.touched.get(id);
  if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return;
  if (state.touched.size >= MAX_CACHED) state.touched.clear();
  state.touched.set(id, now);
  db.apiToken
    .update({ where: { id }, data: { lastUsedAt: new Date(now) } })
    .catch((err: unknown) => logger.warn({ err: (err as Error).message, tokenId: id }, "lastUsedAt update failed"));
}
