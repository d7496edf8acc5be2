/**
 * A dropped database, proven on a real PostgreSQL that the app reaches through a link the test
 * cuts: every door answers 503 with code 3004 and retry_after (the Retell doors with a German
 * sentence the agent can say), quickly, and the same requests succeed again once the link is
 * back, with nothing restarted.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { DATABASE_RETRY_AFTER_SECONDS, ErrorCodes } from "@/server/core/errors";
import { PrismaClient } from "@/server/generated/prisma/client";
import { createMcpHandler } from "@/server/doors/mcp/handler";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { handleCustomFunction } from "@/server/doors/retell/custom-function-door";
import { demoCall, DEMO_KEY, FIXED_NOW, signedRequest } from "@/server/testing/retell";
import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { seedDemo } from "@/server/seed/demo";
import { createPgTestDb, reportPgSkip, type PgTestDb } from "@/server/testing/pg-test-db";
import { startTcpProxy, type TcpProxy } from "@/server/testing/tcp-proxy";
import { wholeCompanyGrants } from "@/server/testing/tenants";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";
import { clearTokenCache, createApiToken } from "@/server/services/tokens";
import { isDatabaseOutage, outageSummary } from "./outage";

const enabled = Boolean(process.env.DATABASE_URL);
reportPgSkip("answers of every door while the database is unreachable");

let db: PgTestDb;
let link: TcpProxy;
let app: PrismaClient;
let token: string;
let companyId: string;

beforeAll(async () => {
  if (!enabled) return;
  db = await createPgTestDb({ poolSize: 5 });
  companyId = await seedDemo(db.prisma, { now: FIXED_NOW, retellApiKey: DEMO_KEY });
  ({ token } = await createApiToken(db.prisma, { companyId, name: "Tests", allowedServers: wholeCompanyGrants() }));
  link = await startTcpProxy("127.0.0.1", Number(new URL(db.url).port || 5432));
  app = new PrismaClient({ adapter: new PrismaPg({ connectionString: link.url(db.url), max: 5, connectionTimeoutMillis: 1_000 }) });
}, 120_000);
afterAll(async () => {
  if (!enabled) return;
  await link.close();
  await app.$disconnect().catch(() => undefined);
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
  clearTokenCache();
});

const rpc = (handler: (r: Request) => Promise<Response>, method: string, params: unknown = {}) =>
  handler(
    new Request("http://localhost/api/mcp", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "x-mcp-token": token },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    }),
  );
const retellFunction = (callId: string) =>
  handleCustomFunction(
    signedRequest("http://localhost/api/mcp/retell/custom-function", { name: "answer_question", call: demoCall(callId), args: { frage: "Wo kann ich parken?" } }),
    null,
    { db: app, now: () => FIXED_NOW },
  );
const retellWebhook = (callId: string) =>
  handleRetellWebhook(signedRequest("http://localhost/api/mcp/retell/webhook", { event: "call_started", call: demoCall(callId, { call_status: "ongoing" }) }), {
    db: app,
    now: () => FIXED_NOW,
  });

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

describe.skipIf(!enabled)("database unreachable", () => {
  it("every door answers 503 with 3004 and retry_after, and recovers by itself", async () => {
    const jsonRpc = createRpcHandler({ db: app, now: () => FIXED_NOW });
    const mcp = createMcpHandler({ db: app, now: () => FIXED_NOW });
    const { admin } = await sessionsOf(db.prisma, companyId);

    // Working before the cut.
    expect((await rpc(jsonRpc, "company.get")).status).toBe(200);
    expect((await retellFunction("call_before")).status).toBe(200);

    await link.cut();

    // Gateway, authentication not cached: the token lookup fails.
    clearTokenCache();
    const g = await timed(() => rpc(jsonRpc, "company.get"));
    expect(g.value.status).toBe(503);
    expect(g.value.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect((await g.value.json()).error).toMatchObject({ code: ErrorCodes.DATABASE_ERROR, data: { type: "DatabaseError", retry_after: DATABASE_RETRY_AFTER_SECONDS } });
    expect(g.ms).toBeLessThan(3_000);

    // MCP endpoint.
    const m = await rpc(mcp, "tools/list");
    expect(m.status).toBe(503);
    expect((await m.json()).error).toMatchObject({ code: ErrorCodes.DATABASE_ERROR, data: { retry_after: DATABASE_RETRY_AFTER_SECONDS } });

    // Dashboard (tRPC).
    const t = await callTrpc(appRouter, "knowledge.list", admin, undefined, { db: app });
    expect(t.status).toBe(503);
    expect(t.error?.data).toMatchObject({ appError: { code: ErrorCodes.DATABASE_ERROR, retryAfter: DATABASE_RETRY_AFTER_SECONDS } });

    // Retell doors: a sentence the agent can say, never an empty 500.
    for (const res of [await retellFunction("call_during"), await retellWebhook("call_during")]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      const body = await res.json();
      expect(body).toMatchObject({ success: false, error_code: ErrorCodes.DATABASE_ERROR, retry_after: DATABASE_RETRY_AFTER_SECONDS });
      expect(body.message).toMatch(/^Unser System ist gerade nicht erreichbar/);
    }

    // The raw error is recognised and summed up in one line.
    const raw = await app.company.findMany().catch((e: unknown) => e);
    expect(isDatabaseOutage(raw)).toBe(true);
    expect(outageSummary(raw)).not.toContain("\n");

    await link.restore();
    const restored = Date.now();
    await expect.poll(async () => (await rpc(jsonRpc, "company.get")).status, { timeout: 10_000, interval: 100 }).toBe(200);
    expect(Date.now() - restored).toBeLessThan(5_000);
    expect((await retellFunction("call_after")).status).toBe(200);
    expect((await callTrpc(appRouter, "knowledge.list", admin, undefined, { db: app })).status).toBe(200);
  }, 60_000);
});
