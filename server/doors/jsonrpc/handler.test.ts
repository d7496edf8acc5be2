import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { PrismaClient } from "@/server/generated/prisma/client";
import { logger } from "@/server/platform/logger";
import { freePort } from "@/server/testing/free-port";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, ErrorCodes } from "@/server/core/errors";
import { getRegistry, Registry } from "@/server/core/registry";
import { defineMethod, defineServer, type MethodDef } from "@/server/core/types";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createRpcHandler, MAX_BATCH_SIZE } from "@/server/doors/jsonrpc/handler";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createDemoTenant, createOtherCompany, type Tenant } from "@/server/testing/tenants";
import { clearTokenCache, createApiToken, revokeApiToken } from "@/server/services/tokens";
import { hashToken } from "@/server/services/tokens/format";

const NOW = new Date("2026-03-02T09:00:00Z");
let db: TestDb;
let demo: Tenant;
let other: Tenant;
let gateway: ServedHandler;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
  other = await createOtherCompany(db.prisma);
  gateway = await serveFetchHandler(createRpcHandler({ db: db.prisma, now: () => NOW }));
});
afterAll(async () => {
  await gateway.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function post(body: unknown, opts: { token?: string | null; headers?: Record<string, string>; raw?: boolean; url?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  const token = opts.token === undefined ? demo.token : opts.token;
  if (token) headers["x-mcp-token"] = token;
  const res = await fetch(`${opts.url ?? gateway.url}/`, { method: "POST", headers, body: opts.raw ? (body as string) : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

const call = (method: string, params?: unknown, id: unknown = 1) => ({ jsonrpc: "2.0", id, method, ...(params === undefined ? {} : { params }) });

/** Serves the gateway with one extra server holding `method`, and grants the demo token that server. */
async function withExtraServer(name: string, method: MethodDef, run: (url: string) => Promise<void>) {
  const registry = new Registry([...getRegistry().servers, defineServer({ name, version: "1", description: "", methods: [method] })]);
  const served = await serveFetchHandler(createRpcHandler({ db: db.prisma, registry }));
  // Tokens call only what they were granted; this one is granted the extra server.
  await db.prisma.apiToken.update({ where: { tokenHash: hashToken(demo.token) }, data: { allowedServers: { push: name } } });
  clearTokenCache();
  try {
    await run(served.url);
  } finally {
    await served.close();
  }
}

describe("authentication", () => {
  it.each([
    ["no token", null],
    ["an unknown token", "apk_thisTokenDoesNotExistAnywhere123"],
    ["a malformed token", "Bearer; DROP TABLE"],
  ])("answers %s with HTTP 401 and JSON-RPC code -32001", async (_label, token) => {
    const res = await post(call("company.get"), { token });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="askproai"');
    expect(res.json).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32001, message: expect.stringMatching(/API-Token/), data: { type: "Unauthorized" } } });
  });

  it("accepts the token as Authorization: Bearer too", async () => {
    const res = await post(call("company.get"), { token: null, headers: { authorization: `Bearer ${demo.token}` } });
    expect(res.status).toBe(200);
    expect(res.json.result.data.id).toBe(demo.companyId);
  });

  it("refuses a revoked token at once", async () => {
    const { token, info } = await createApiToken(db.prisma, { companyId: demo.companyId, name: "Kurzlebig", allowedServers: ["company:read"] });
    expect((await post(call("company.get"), { token })).status).toBe(200);
    await revokeApiToken(db.prisma, demo.companyId, info.id);
    const res = await post(call("company.get"), { token });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe(-32001);
  });

  it("records lastUsedAt, but not on every request", async () => {
    const { token, info } = await createApiToken(db.prisma, { companyId: demo.companyId, name: "Zähler", allowedServers: ["company:read"] });
    await post(call("company.get"), { token });
    await expect.poll(async () => (await db.prisma.apiToken.findUniqueOrThrow({ where: { id: info.id } })).lastUsedAt).toEqual(NOW);
    await db.prisma.apiToken.update({ where: { id: info.id }, data: { lastUsedAt: null } });
    await post(call("company.get"), { token });
    await new Promise((r) => setTimeout(r, 100));
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: info.id } })).lastUsedAt).toBeNull();
  });

  it("limits a token bound to servers", async () => {
    const { token } = await createApiToken(db.prisma, { companyId: demo.companyId, name: "Nur Filialen", allowedServers: ["branch"] });
    expect((await post(call("branch.list", {}), { token })).json.result.success).toBe(true);
    const res = await post(call("customer.list", {}), { token });
    expect(res.json.error).toMatchObject({ code: ErrorCodes.FORBIDDEN, data: { type: "Forbidden" } });
  });
});

describe("JSON-RPC 2.0", () => {
  it("answers with jsonrpc, id, result and metadata and echoes the correlation id", async () => {
    const res = await post(call("branch.list", {}, "abc-1"), { headers: { "x-request-id": "req-4711" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("req-4711");
    expect(res.json).toMatchObject({
      jsonrpc: "2.0",
      id: "abc-1",
      result: { success: true, data: { total: 2 }, metadata: { cached: false, correlation_id: "req-4711" } },
    });
    expect(typeof res.json.result.metadata.processing_time_ms).toBe("number");
  });

  it("marks every answer cache-control: no-store", async () => {
    const answers = [
      await post(call("company.get", {})),
      await post(call("calendar.teleport", {})),
      await post([call("company.get", {}, 1), call("branch.list", {}, 2)]),
      await post({ jsonrpc: "2.0", id: 1 }),
      await post("{", { raw: true }),
      await post(call("company.get", {}), { token: null }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 400, 400, 401]);
    for (const answer of answers) expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("reports the processing time in milliseconds with two decimals", async () => {
    const slow = defineMethod({
      name: "slow.wait",
      description: "",
      params: z.object({}),
      result: z.object({}),
      kind: "read",
      handler: async () => {
        await new Promise((r) => setTimeout(r, 40));
        return {};
      },
    });
    await withExtraServer("slow", slow, async (url) => {
      const started = performance.now();
      const res = await post(call("slow.wait", {}), { url });
      const elapsed = performance.now() - started;
      const ms = res.json.result.metadata.processing_time_ms;
      expect(ms).toBeGreaterThanOrEqual(39);
      expect(ms).toBeLessThanOrEqual(elapsed);
      expect(String(ms)).toMatch(/^\d+(\.\d{1,2})?$/);
    });
  });

  it("generates a correlation id when none (or an unsafe one) is given", async () => {
    const res = await post(call("company.get"), { headers: { "x-mcp-request-id": "bad id with spaces" } });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.result.metadata.correlation_id).toBe(id);
  });

  it.each([["str-id"], [0], [-7], [3.5], [null], [""]])("echoes id %j exactly", async (id) => {
    const res = await post(call("company.get", {}, id));
    expect(res.json.id).toStrictEqual(id);
    expect(res.json.result.success).toBe(true);
  });

  it("answers a parse error with -32700 and id null", async () => {
    const res = await post('{"jsonrpc": "2.0", "method": ', { raw: true });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Ungültiges JSON.", data: { type: "ParseError" } } });
  });

  it.each([
    ["a missing jsonrpc", { id: 5, method: "company.get" }, 5, /"jsonrpc"/],
    ["a wrong jsonrpc", { jsonrpc: "1.0", id: 5, method: "company.get" }, 5, /"jsonrpc"/],
    ["a non-string method", { jsonrpc: "2.0", id: 5, method: 1 }, 5, /"method"/],
    ["an empty method name", { jsonrpc: "2.0", id: 5, method: "" }, 5, /"method"/],
    ["scalar params", { jsonrpc: "2.0", id: 5, method: "company.get", params: "x" }, 5, /"params"/],
    ['"params": null', { jsonrpc: "2.0", id: 5, method: "company.get", params: null }, 5, /"params"/],
    ["an object id", { jsonrpc: "2.0", id: { a: 1 }, method: "company.get" }, null, /id/],
    ["a scalar body", 42, null, /JSON-RPC-Objekt/],
  ])("answers %s with HTTP 400 and -32600", async (_label, body, id, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ jsonrpc: "2.0", id, error: { code: -32600, message: expect.stringMatching(message), data: { type: "InvalidRequest" } } });
  });

  it("answers an empty batch with one -32600 object", async () => {
    const res = await post([]);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32600, message: "Ein Batch darf nicht leer sein.", data: { type: "InvalidRequest" } } });
  });

  it(`answers a batch of up to ${MAX_BATCH_SIZE} calls and refuses a larger one as a whole`, async () => {
    const batch = (n: number) => Array.from({ length: n }, (_, i) => call("calendar.teleport", {}, i));
    expect(MAX_BATCH_SIZE).toBe(100);
    const full = await post(batch(100));
    expect(full.status).toBe(200);
    expect(full.json.map((r: { id: number }) => r.id)).toEqual([...Array(100).keys()]);

    const tooMany = await post(batch(101));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toEqual({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32600, message: "Ein Batch darf höchstens 100 Aufrufe enthalten.", data: { type: "InvalidRequest" } },
    });
  });

  it("answers unknown methods with -32601", async () => {
    const res = await post(call("calendar.teleport", {}, 9));
    expect(res.json).toMatchObject({ id: 9, error: { code: -32601, data: { type: "MethodNotFound" } } });
  });

  it("answers invalid params with -32602 and the zod issues, each with its path and a plain German message", async () => {
    const res = await post(call("customer.list", { limit: 500 }, 10));
    expect(res.json.id).toBe(10);
    expect(res.json.error.code).toBe(-32602);
    expect(res.json.error.data.issues[0]).toMatchObject({ path: ["limit"], code: "too_big", message: "Höchstens 100." });
    const fraction = await post(call("customer.list", { limit: 2.5 }, 12));
    expect(fraction.json.error.data.issues[0]).toMatchObject({ path: ["limit"], message: "Bitte eine ganze Zahl eingeben." });
    const text = await post(call("customer.list", { limit: "viele" }, 13));
    expect(text.json.error.data.issues[0]).toMatchObject({ path: ["limit"], message: "Bitte eine ganze Zahl eingeben." });
    const positional = await post(call("customer.list", [1, 2], 11));
    expect(positional.status).toBe(200);
    expect(positional.json).toEqual({
      jsonrpc: "2.0",
      id: 11,
      error: { code: -32602, message: "Parameter müssen als Objekt übergeben werden.", data: { type: "InvalidParams" } },
    });
    const positionalNotification = await post({ jsonrpc: "2.0", method: "customer.list", params: [1] });
    expect(positionalNotification.status).toBe(204);
  });

  it("answers domain errors with the spec's numeric code, type and a German message", async () => {
    const res = await post(call("branch.get", { branch_id: "nope" }, 12));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ jsonrpc: "2.0", id: 12, error: { code: 3005, message: "Die Filiale wurde nicht gefunden.", data: { type: "NotFound" } } });
  });

  it("answers unexpected failures with -32603 and no internals, logs them and sets no Retry-After", async () => {
    const failure = new Error("secret connection string postgres://root:pw@db");
    const explode = defineMethod({
      name: "explode.now",
      description: "",
      params: z.object({}),
      result: z.object({}),
      kind: "read",
      handler: async () => {
        throw failure;
      },
    });
    await withExtraServer("explode", explode, async (url) => {
      const logged = vi.spyOn(logger, "error");
      const res = await post(call("explode.now", {}, "x"), { url, headers: { "x-request-id": "boom-1" } });
      expect(res.status).toBe(500);
      expect(res.json).toEqual({ jsonrpc: "2.0", id: "x", error: { code: -32603, message: "Interner Fehler", data: { type: "InternalError" } } });
      expect(res.text).not.toMatch(/postgres|secret|at /);
      expect(res.headers.get("retry-after")).toBeNull();
      expect(logged).toHaveBeenCalledWith({ err: failure, correlation_id: "boom-1", method: "explode.now" }, "json-rpc call failed");
    });
  });

  it("logs at most 100 characters of a failing method's name", async () => {
    const longName = `explode.${"x".repeat(150)}`;
    const explode = defineMethod({
      name: longName,
      description: "",
      params: z.object({}),
      result: z.object({}),
      kind: "read",
      handler: async () => {
        throw new Error("boom");
      },
    });
    await withExtraServer("explode", explode, async (url) => {
      const logged = vi.spyOn(logger, "error");
      expect((await post(call(longName, {}), { url })).status).toBe(500);
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ method: longName.slice(0, 100) }), "json-rpc call failed");
    });
  });

  it("logs no domain error or unknown method as an internal failure", async () => {
    const logged = vi.spyOn(logger, "error");
    await post(call("branch.get", { branch_id: "nope" }));
    await post(call("calendar.teleport", {}));
    await post(call("customer.list", { limit: 500 }));
    expect(logged).not.toHaveBeenCalled();
  });

  it("refuses a company_id of another company (3006)", async () => {
    const res = await post(call("branch.list", { company_id: other.companyId }));
    expect(res.json.error).toMatchObject({ code: 3006, data: { type: "Forbidden" } });
  });

  it("refuses other HTTP methods", async () => {
    const res = await fetch(gateway.url, { method: "GET", headers: { "x-mcp-token": demo.token, "x-request-id": "get-1" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(res.headers.get("x-request-id")).toBe("get-1");
    expect(await res.json()).toEqual({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32600, message: "Nur POST ist erlaubt.", data: { type: "MethodNotAllowed" } },
    });
  });

  it("refuses a body over the limit with HTTP 413", async () => {
    // Straight to the handler: over HTTP the cut-off upload resets the test server's connection.
    const handler = createRpcHandler({ db: db.prisma, now: () => NOW });
    const tooLarge = new Request("http://localhost/api/mcp", { method: "POST", headers: { "x-mcp-token": demo.token }, body: " ".repeat(1_000_001) });
    const res = await handler(tooLarge);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32600, message: "Die Anfrage ist zu groß.", data: { type: "PayloadTooLarge" } } });
  });
});

describe("an unreachable database and other failures outside the method", () => {
  const request = (token: string) =>
    new Request("http://localhost/api/mcp", {
      method: "POST",
      headers: { "x-mcp-token": token, "x-request-id": "early-1" },
      body: JSON.stringify(call("company.get", {})),
    });

  /** A Prisma client for a database nothing listens for. */
  async function unreachableDatabase() {
    const port = await freePort();
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://app:pw@127.0.0.1:${port}/app`, connectionTimeoutMillis: 1_000 }) });
  }

  const errorLogs = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map(([fields, msg]) => ({ fields: fields as Record<string, unknown>, msg }));

  const unavailable = (id: number | null) => ({
    jsonrpc: "2.0",
    id,
    error: { code: ErrorCodes.DATABASE_ERROR, message: DATABASE_UNAVAILABLE_MESSAGE, data: { type: "DatabaseError", retry_after: DATABASE_RETRY_AFTER_SECONDS } },
  });

  it("answers 503, 3004 and Retry-After when the token cannot be looked up, not as an internal failure", async () => {
    const unreachable = await unreachableDatabase();
    clearTokenCache(); // so that authentication asks the database
    const logged = vi.spyOn(logger, "error");
    try {
      const res = await createRpcHandler({ db: unreachable })(request(demo.token));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect(res.headers.get("x-request-id")).toBe("early-1");
      expect(await res.json()).toEqual(unavailable(null));
      expect(errorLogs(logged).map((l) => l.msg)).toEqual(["database unreachable"]);
      expect(errorLogs(logged)[0]!.fields).toMatchObject({ door: "json-rpc", correlation_id: "early-1" });
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("answers 503, 3004 and Retry-After with the call's id when the method cannot reach its database", async () => {
    const unreachable = await unreachableDatabase();
    const lookup = defineMethod({
      name: "outage.read",
      description: "",
      params: z.object({}),
      result: z.object({}),
      kind: "read",
      handler: async () => {
        await unreachable.company.findFirst();
        return {};
      },
    });
    try {
      await withExtraServer("outage", lookup, async (url) => {
        const logged = vi.spyOn(logger, "error");
        const res = await post(call("outage.read", {}, 8), { url, headers: { "x-request-id": "late-1" } });
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
        expect(res.json).toEqual(unavailable(8));
        expect(errorLogs(logged).map((l) => l.msg)).toEqual(["database unreachable"]);
        expect(errorLogs(logged)[0]!.fields).toMatchObject({ door: "json-rpc", correlation_id: "late-1" });
      });
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("answers a token lookup on a closed database with 503 and 3004 (§8.1), logged once", async () => {
    const broken = await createTestDb();
    const tenant = await createDemoTenant(broken.prisma, NOW);
    await broken.pglite.close();
    clearTokenCache();
    const logged = vi.spyOn(logger, "error");
    try {
      const res = await createRpcHandler({ db: broken.prisma })(request(tenant.token));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect(await res.json()).toEqual({
        jsonrpc: "2.0",
        id: null,
        error: { code: ErrorCodes.DATABASE_ERROR, message: DATABASE_UNAVAILABLE_MESSAGE, data: { type: "DatabaseError", retry_after: DATABASE_RETRY_AFTER_SECONDS } },
      });
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ code: ErrorCodes.DATABASE_ERROR, correlation_id: "early-1" }), "database unreachable");
    } finally {
      await broken.prisma.$disconnect();
    }
  });
});

describe("notifications and batches", () => {
  it("answers a notification with no body, keeping the correlation id", async () => {
    const res = await post({ jsonrpc: "2.0", method: "company.get" }, { headers: { "x-request-id": "note-1" } });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("x-request-id")).toBe("note-1");
  });

  it("runs a notification's write even though it gets no answer", async () => {
    await post({ jsonrpc: "2.0", method: "company.updateSettings", params: { settings: { bookingWindowDays: 33 } } });
    const res = await post(call("company.getSettings", {}));
    expect(res.json.result.data.settings.bookingWindowDays).toBe(33);
  });

  it("answers a batch of only notifications with no body, keeping the correlation id", async () => {
    const res = await post([{ jsonrpc: "2.0", method: "company.get" }, { jsonrpc: "2.0", method: "nope.nope" }], { headers: { "x-request-id": "note-2" } });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("x-request-id")).toBe("note-2");
  });

  it("answers a mixed batch with the non-notification responses in order", async () => {
    const res = await post([
      call("company.get", {}, 1),
      { jsonrpc: "2.0", method: "branch.list" },
      call("calendar.teleport", {}, "two"),
      { foo: "boo" },
      call("customer.list", { limit: "x" }, 3),
      call("branch.get", { branch_id: demo.branchId }, 4),
    ], { headers: { "x-request-id": "batch-1" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("batch-1");
    expect(res.json.map((r: { id: unknown; error?: { code: number } }) => [r.id, r.error?.code ?? "ok"])).toEqual([
      [1, "ok"],
      ["two", -32601],
      [null, -32600],
      [3, -32602],
      [4, "ok"],
    ]);
  });

  it("answers each invalid element of [1,2,3] with -32600", async () => {
    const res = await post([1, 2, 3]);
    expect(res.json).toHaveLength(3);
    for (const r of res.json) expect(r).toMatchObject({ id: null, error: { code: -32600 } });
  });
});

describe("rate limits", () => {
  it("answers a single over-limit call with HTTP 429, Retry-After and retry_after", async () => {
    setRateLimiter(new MethodRateLimiter({ limits: { branch: 2 } }));
    await post(call("branch.list", {}));
    await post(call("branch.list", {}));
    const res = await post(call("branch.list", {}, 77));
    expect(res.status).toBe(429);
    expect(res.json).toMatchObject({ id: 77, error: { code: ErrorCodes.RATE_LIMITED, data: { type: "RateLimited" } } });
    const retry = res.json.error.data.retry_after;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(res.headers.get("retry-after")).toBe(String(retry));
    // Other servers and other tokens keep their own budgets.
    expect((await post(call("company.get", {}))).status).toBe(200);
    expect((await post(call("branch.list", {}), { token: other.token })).status).toBe(200);
  });

  it("answers over-limit calls inside a batch per element with HTTP 200", async () => {
    setRateLimiter(new MethodRateLimiter({ limits: { customer: 1 } }));
    const res = await post([call("customer.list", {}, 1), call("customer.list", {}, 2)]);
    expect(res.status).toBe(200);
    const codes = res.json.map((r: { error?: { code: number } }) => r.error?.code ?? "ok").sort();
    expect(codes).toEqual([3008, "ok"]);
  });
});

describe("tenant isolation", () => {
  it("never returns another company's branches, customers or settings", async () => {
    const asOther = (method: string, params: unknown) => post(call(method, params), { token: other.token });
    expect((await asOther("company.get", {})).json.result.data).toMatchObject({ id: other.companyId, slug: "barbier-koeln" });
    const branches = (await asOther("branch.list", {})).json.result.data.branches;
    expect(branches.map((b: { id: string }) => b.id)).toEqual([other.branchId]);
    expect((await asOther("branch.get", { branch_id: demo.branchId })).json.error.code).toBe(3005);
    expect((await asOther("customer.get", { customer_id: demo.customerId })).json.error.code).toBe(3005);
    const list = (await asOther("customer.list", {})).json.result.data;
    expect(list).toMatchObject({ total: 1, customers: [{ id: other.customerId }] });
    // Both companies know this number; each sees only its own customer.
    const mine = (await asOther("customer.findByPhone", { phone: "0171 12345670" })).json.result.data.customer;
    expect(mine.id).toBe(other.customerId);
    const theirs = (await post(call("customer.findByPhone", { phone: "0171 12345670" }))).json.result.data.customer;
    expect(theirs.id).toBe(demo.customerId);
  });

  it("keeps a settings update inside the caller's company", async () => {
    await post(call("company.updateSettings", { settings: { refundPolicy: "Nur in Köln" } }), { token: other.token });
    expect((await post(call("company.getSettings", {}))).json.result.data.settings.refundPolicy).not.toBe("Nur in Köln");
    expect((await post(call("company.getSettings", {}), { token: other.token })).json.result.data.settings.refundPolicy).toBe("Nur in Köln");
  });

  it("refuses a foreign company_id on every registered method", async () => {
    for (const { method } of getRegistry().allMethods()) {
      const res = await post(call(method.name, { company_id: demo.companyId }), { token: other.token });
      expect([method.name, res.json.error?.code]).toEqual([method.name, 3006]);
    }
  });
});
