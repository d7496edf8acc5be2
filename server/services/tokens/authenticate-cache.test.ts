/**
 * The authentication cache: what it serves, for how long, when it looks at the token table again
 * and how often it writes lastUsedAt. `now` drives the 30 s cache and the 60 s lastUsedAt interval;
 * the 500 ms freshness check runs on performance.now(), which these tests move by hand.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { logger } from "@/server/platform/logger";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createOtherCompany } from "@/server/testing/tenants";
import { createApiToken, revokeApiToken } from "./manage";
import { hashToken } from "./format";
import { authenticateToken, clearTokenCache } from "./authenticate";

const T0 = new Date("2026-03-02T09:00:00Z").getTime();
let db: TestDb;
let companyId: string;
let tableChecks = 0;
/** The same database, counting the token-table checks (the only raw query on this path). */
let counted: PrismaClient;

beforeAll(async () => {
  db = await createTestDb();
  companyId = (await createOtherCompany(db.prisma)).companyId;
  counted = db.prisma.$extends({
    query: {
      $queryRaw({ args, query }) {
        tableChecks += 1;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
});
afterAll(() => db.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["performance"] });
  clearTokenCache();
  tableChecks = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

let counter = 0;
async function newToken(allowedServers = ["appointments"]) {
  counter += 1;
  return createApiToken(db.prisma, { companyId, name: `Cache ${counter}`, allowedServers });
}
/** Changes the grants behind the cache's back; the table's change signature stays the same. */
const regrant = (id: string, allowedServers: string[]) => db.prisma.apiToken.update({ where: { id }, data: { allowedServers } });
const revokeBehindTheBack = (id: string) => db.prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date(T0) } });
const lastUsed = async (id: string) => (await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt?.getTime() ?? null;

describe("authenticateToken: refusals before any lookup", () => {
  it("refuses a missing or empty token", async () => {
    expect(await authenticateToken(db.prisma, null)).toBeNull();
    expect(await authenticateToken(db.prisma, undefined)).toBeNull();
    expect(await authenticateToken(db.prisma, "")).toBeNull();
  });

  it("refuses a string that is not shaped like a token, even if its hash were stored", async () => {
    const { info } = await newToken();
    const notAToken = "Bearer something-long-enough";
    await db.prisma.apiToken.update({ where: { id: info.id }, data: { tokenHash: hashToken(notAToken) } });
    expect(await authenticateToken(counted, notAToken)).toBeNull();
    expect(tableChecks).toBe(0);
  });
});

describe("authenticateToken: the 30 s cache", () => {
  it("serves a lookup from the cache for 30 s after it was made, then reads the row again", async () => {
    const { token, info } = await newToken(["appointments"]);
    expect(await authenticateToken(db.prisma, token, T0)).toEqual({ id: info.id, companyId, name: info.name, allowedServers: ["appointments"] });
    await regrant(info.id, ["customer"]);
    expect((await authenticateToken(db.prisma, token, T0 + 29_999))?.allowedServers).toEqual(["appointments"]);
    expect((await authenticateToken(db.prisma, token, T0 + 30_000))?.allowedServers).toEqual(["customer"]);
    // The fresh lookup is cached from its own time on.
    await regrant(info.id, ["branch"]);
    expect((await authenticateToken(db.prisma, token, T0 + 59_999))?.allowedServers).toEqual(["customer"]);
  });

  it("forgets an expired lookup instead of keeping it for a later caller", async () => {
    const { token, info } = await newToken();
    expect(await authenticateToken(db.prisma, token, T0)).not.toBeNull();
    // The row no longer matches the token, while count and revocations (the change signature) stay.
    await db.prisma.apiToken.update({ where: { id: info.id }, data: { tokenHash: hashToken(`${token}x`) } });
    expect(await authenticateToken(db.prisma, token, T0 + 30_000)).toBeNull();
    expect(await authenticateToken(db.prisma, token, T0 + 1)).toBeNull();
  });

  it("keeps several tokens cached side by side", async () => {
    const a = await newToken(["appointments"]);
    const b = await newToken(["appointments"]);
    await authenticateToken(db.prisma, a.token, T0);
    await authenticateToken(db.prisma, b.token, T0);
    await regrant(a.info.id, ["customer"]);
    await regrant(b.info.id, ["customer"]);
    expect((await authenticateToken(db.prisma, a.token, T0 + 1))?.allowedServers).toEqual(["appointments"]);
    expect((await authenticateToken(db.prisma, b.token, T0 + 1))?.allowedServers).toEqual(["appointments"]);
  });
});

describe("authenticateToken: noticing changes to the token table", () => {
  it("looks at the table at most every 500 ms: a revocation made elsewhere shows from the next check on", async () => {
    const { token, info } = await newToken();
    vi.advanceTimersByTime(10_000); // a clock far from zero: the window is measured from the last check
    expect(await authenticateToken(counted, token, T0)).not.toBeNull();
    expect(tableChecks).toBe(1);
    await revokeBehindTheBack(info.id);
    vi.advanceTimersByTime(499);
    expect(await authenticateToken(counted, token, T0 + 1)).not.toBeNull();
    expect(tableChecks).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await authenticateToken(counted, token, T0 + 2)).toBeNull();
    expect(tableChecks).toBe(2);
  });

  it("keeps the cache when the check finds the table unchanged", async () => {
    const { token, info } = await newToken(["appointments"]);
    await authenticateToken(counted, token, T0);
    await regrant(info.id, ["customer"]);
    vi.advanceTimersByTime(5_000);
    expect((await authenticateToken(counted, token, T0 + 1))?.allowedServers).toEqual(["appointments"]);
    vi.advanceTimersByTime(5_000);
    expect((await authenticateToken(counted, token, T0 + 2))?.allowedServers).toEqual(["appointments"]);
    expect(tableChecks).toBe(3);
  });

  it("empties the cache when a token was added or revoked since the last check", async () => {
    const { token, info } = await newToken(["appointments"]);
    await authenticateToken(counted, token, T0);
    await regrant(info.id, ["customer"]);
    await newToken();
    vi.advanceTimersByTime(500);
    expect((await authenticateToken(counted, token, T0 + 1))?.allowedServers).toEqual(["customer"]);
  });

  it("callers arriving together share one check", async () => {
    const { token } = await newToken();
    const answers = await Promise.all(Array.from({ length: 5 }, () => authenticateToken(counted, token, T0)));
    expect(answers.every((a) => a?.companyId === companyId)).toBe(true);
    expect(tableChecks).toBe(1);
    vi.advanceTimersByTime(500);
    await Promise.all([authenticateToken(counted, token, T0), authenticateToken(counted, token, T0)]);
    expect(tableChecks).toBe(2);
  });

  it("a revocation through revokeApiToken takes effect at once in this process", async () => {
    const { token, info } = await newToken();
    expect(await authenticateToken(db.prisma, token, T0)).not.toBeNull();
    await revokeApiToken(db.prisma, companyId, info.id);
    // Still inside the 500 ms window: no check of the table, the cache entry itself is gone.
    expect(await authenticateToken(db.prisma, token, T0 + 1)).toBeNull();
  });
});

describe("authenticateToken: lastUsedAt", () => {
  it("is written on use, at most once a minute per token", async () => {
    const { token, info } = await newToken();
    const other = await newToken();
    const third = await newToken();
    expect(await lastUsed(info.id)).toBeNull();
    await authenticateToken(db.prisma, token, T0);
    await expect.poll(() => lastUsed(info.id)).toBe(T0);

    // Other tokens used in between do not make this one's earlier use forgotten.
    await authenticateToken(db.prisma, other.token, T0 + 1);
    await expect.poll(() => lastUsed(other.info.id)).toBe(T0 + 1);
    await authenticateToken(db.prisma, token, T0 + 59_999);
    // A third token's write, issued after, shows that the first token's would have landed by now.
    await authenticateToken(db.prisma, third.token, T0 + 59_999);
    await expect.poll(() => lastUsed(third.info.id)).toBe(T0 + 59_999);
    expect(await lastUsed(info.id)).toBe(T0);

    await authenticateToken(db.prisma, token, T0 + 60_000);
    await expect.poll(() => lastUsed(info.id)).toBe(T0 + 60_000);
  });

  it("clearTokenCache forgets when a token was last written, too", async () => {
    const { token, info } = await newToken();
    await authenticateToken(db.prisma, token, T0);
    await expect.poll(() => lastUsed(info.id)).toBe(T0);
    clearTokenCache();
    await authenticateToken(db.prisma, token, T0 + 1);
    await expect.poll(() => lastUsed(info.id)).toBe(T0 + 1);
  });

  it("a failed write is logged and does not fail the authentication", async () => {
    const { token, info } = await newToken();
    const warned = vi.spyOn(logger, "warn");
    try {
      // An invalid clock value makes the lastUsedAt write fail.
      expect(await authenticateToken(db.prisma, token, Number.NaN)).toMatchObject({ id: info.id });
      await expect
        .poll(() => warned.mock.calls.find((c) => c[1] === "lastUsedAt update failed"))
        .toEqual([{ err: expect.any(String), tokenId: info.id }, "lastUsedAt update failed"]);
    } finally {
      warned.mockRestore();
    }
  });
});

describe("authenticateToken: memory stays bounded", () => {
  /** The cache's state (kept on globalThis so that Next's module copies share it). */
  const cacheState = () =>
    (globalThis as unknown as { __askproTokens: { byHash: Map<string, unknown>; touched: Map<string, number> } }).__askproTokens;
  const BOUND = 10_000;

  it("drops the oldest cached token once 10,000 are cached, and forgets the lastUsedAt times once 10,000 are kept", async () => {
    const first = await newToken();
    await authenticateToken(db.prisma, first.token, T0); // reads the table's signature: the cache is fresh for 500 ms
    const { byHash, touched } = cacheState();
    byHash.clear();
    touched.clear();
    const entry = { token: { id: "x", companyId, name: "x", allowedServers: [] }, expiresAt: T0 + 60_000 };
    for (let i = 0; i < BOUND; i++) {
      byHash.set(`filler-${i}`, entry);
      touched.set(`filler-${i}`, T0);
    }

    const second = await newToken();
    expect(await authenticateToken(db.prisma, second.token, T0)).toMatchObject({ id: second.info.id });
    // One in, the oldest out: still exactly the bound.
    expect(byHash.size).toBe(BOUND);
    expect(byHash.has("filler-0")).toBe(false);
    expect(byHash.has("filler-1")).toBe(true);
    expect(byHash.has(hashToken(second.token))).toBe(true);
    // The lastUsedAt times start over with just this token.
    expect([...touched.keys()]).toEqual([second.info.id]);
  });
});
