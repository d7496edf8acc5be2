/**
 * Database failures answered by the gateway as code 3004 with a German message and no details
 * (§8.1 "3004: Database error"), proven on real PGlite databases: one whose schema lost a table
 * (a query Prisma sends fails in PostgreSQL) and one that was closed under the running gateway.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, ErrorCodes } from "@/server/core/errors";
import { DATABASE_FAILURE_MESSAGE } from "@/server/platform/db/outage";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createDemoTenant, type Tenant } from "@/server/testing/tenants";
import { clearTokenCache } from "@/server/services/tokens";

const NOW = new Date("2026-03-02T09:00:00Z");
let broken: TestDb;
let closed: TestDb;
let brokenTenant: Tenant;
let closedTenant: Tenant;
let brokenGateway: ServedHandler;
let closedGateway: ServedHandler;

beforeAll(async () => {
  [broken, closed] = await Promise.all([createTestDb(), createTestDb()]);
  brokenTenant = await createDemoTenant(broken.prisma, NOW);
  closedTenant = await createDemoTenant(closed.prisma, NOW);
  brokenGateway = await serveFetchHandler(createRpcHandler({ db: broken.prisma, now: () => NOW }));
  closedGateway = await serveFetchHandler(createRpcHandler({ db: closed.prisma, now: () => NOW }));
});
afterAll(async () => {
  await brokenGateway.close();
  await closedGateway.close();
  await broken.close();
  await closed.close().catch(() => undefined);
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
});

async function rpc(url: string, token: string, method: string, params: unknown = {}) {
  const res = await fetch(`${url}/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-mcp-token": token },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return { status: res.status, text: await res.text() };
}

describe("database failures on the JSON-RPC gateway", () => {
  it("answers a query PostgreSQL refuses (a table is missing) as 3004 without details", async () => {
    expect(JSON.parse((await rpc(brokenGateway.url, brokenTenant.token, "branch.list")).text).result.success).toBe(true);
    await broken.pglite.exec("DROP TABLE branches CASCADE");
    setCache(new MemoryCache()); // the list above is cached

    const { status, text } = await rpc(brokenGateway.url, brokenTenant.token, "branch.list");
    const body = JSON.parse(text);
    expect(body.error).toEqual({ code: ErrorCodes.DATABASE_ERROR, message: DATABASE_FAILURE_MESSAGE, data: { type: "DatabaseError" } });
    expect(status).toBe(503);
    expect(text).not.toMatch(/Branch|relation|Prisma|P20\d\d|does not exist/i);
  });

  it("answers calls on a database that was closed as 3004 with retry_after", async () => {
    expect(JSON.parse((await rpc(closedGateway.url, closedTenant.token, "company.get")).text).result.success).toBe(true);
    await closed.prisma.$disconnect();
    await closed.pglite.close();
    clearTokenCache();

    const { status, text } = await rpc(closedGateway.url, closedTenant.token, "company.get");
    const body = JSON.parse(text);
    expect(body.error).toEqual({ code: ErrorCodes.DATABASE_ERROR, message: DATABASE_UNAVAILABLE_MESSAGE, data: { type: "DatabaseError", retry_after: DATABASE_RETRY_AFTER_SECONDS } });
    expect(status).toBe(503);
    expect(text).not.toMatch(/pglite|closed|prisma/i);
  });
});
