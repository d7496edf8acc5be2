import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ErrorCodes } from "@/server/core/errors";
import { getRegistry } from "@/server/core/registry";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createRpcHandler, MAX_BATCH_SIZE } from "@/server/doors/jsonrpc/handler";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createDemoTenant, type Tenant } from "@/server/testing/tenants";

/**
 * Property-based: whatever arrives, the gateway answers well-formed JSON-RPC (or nothing), never
 * 500s, and answers each request with the error code the JSON-RPC 2.0 rules give it.
 */
let db: TestDb;
let demo: Tenant;
let gateway: ServedHandler;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, new Date("2026-03-02T09:00:00Z"));
  gateway = await serveFetchHandler(createRpcHandler({ db: db.prisma }));
  setRateLimiter(new MethodRateLimiter({ limits: Object.fromEntries(getRegistry().servers.map((s) => [s.name, 1_000_000])) }));
});
afterAll(async () => {
  await gateway.close();
  await db.close();
});

const isId = (v: unknown) => v === null || typeof v === "string" || typeof v === "number";

function expectWellFormed(one: unknown) {
  expect(one).toBeTypeOf("object");
  const r = one as Record<string, unknown>;
  expect(r.jsonrpc).toBe("2.0");
  expect(isId(r.id)).toBe(true);
  expect("result" in r !== "error" in r).toBe(true);
  if ("error" in r) {
    const e = r.error as Record<string, unknown>;
    expect(Number.isInteger(e.code)).toBe(true);
    expect(typeof e.message).toBe("string");
    expect(JSON.stringify(e)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  } else {
    expect(r.result).toMatchObject({ success: true, metadata: { cached: expect.any(Boolean) } });
  }
}

async function send(body: string, headers: Record<string, string> = { "x-mcp-token": demo.token }) {
  const res = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await res.text();
  expect(res.status).not.toBe(500);
  expect([200, 204, 400, 401, 413, 429]).toContain(res.status);
  if (res.status === 204) {
    expect(text).toBe("");
    return { status: res.status, answer: undefined };
  }
  const parsed: unknown = JSON.parse(text);
  if (Array.isArray(parsed)) {
    expect(parsed.length).toBeGreaterThan(0);
    parsed.forEach(expectWellFormed);
  } else {
    expectWellFormed(parsed);
  }
  return { status: res.status, answer: parsed };
}

const methodNames = getRegistry().allMethods().map(({ method }) => method.name);
const domainCodes = new Set<number>(Object.values(ErrorCodes));

/** What one request must be answered with: null for a notification, else its id and error code ("call" when it reaches the method). */
function expectedFor(request: unknown): { id: unknown; code: number | "call" } | null {
  if (request === null || typeof request !== "object" || Array.isArray(request)) return { id: null, code: -32600 };
  const r = request as Record<string, unknown>;
  const hasId = Object.hasOwn(r, "id");
  if (hasId && !(r.id === null || typeof r.id === "string" || typeof r.id === "number")) return { id: null, code: -32600 };
  const id = hasId ? r.id : null;
  const paramsOk = !Object.hasOwn(r, "params") || (r.params !== null && typeof r.params === "object");
  if (r.jsonrpc !== "2.0" || typeof r.method !== "string" || r.method === "" || !paramsOk) return { id, code: -32600 };
  if (!hasId) return null;
  if (Array.isArray(r.params)) return { id, code: -32602 };
  if (!methodNames.includes(r.method)) return { id, code: -32601 };
  return { id, code: "call" };
}

function expectAnswerFits(expected: { id: unknown; code: number | "call" }, answer: unknown) {
  const a = answer as { id: unknown; error?: { code: number } };
  expect(a.id).toStrictEqual(expected.id);
  if (expected.code !== "call") {
    expect(a.error?.code).toBe(expected.code);
  } else if (a.error) {
    // A method that ran may refuse its params or fail with a domain error, nothing else.
    expect(a.error.code === -32602 || domainCodes.has(a.error.code), String(a.error.code)).toBe(true);
  }
}

/** Checks status and answers against the JSON-RPC 2.0 rules for `sent`, the body as the server parsed it. */
function expectRightAnswers(sent: unknown, status: number, answer: unknown) {
  if (Array.isArray(sent)) {
    if (sent.length === 0 || sent.length > MAX_BATCH_SIZE) {
      expect(status).toBe(400);
      expect(answer).toMatchObject({ id: null, error: { code: -32600 } });
      return;
    }
    const expected = sent.map(expectedFor).filter((e) => e !== null);
    expect(status).toBe(expected.length ? 200 : 204);
    if (!expected.length) return;
    expect(answer).toHaveLength(expected.length);
    expected.forEach((e, i) => expectAnswerFits(e, (answer as unknown[])[i]));
    return;
  }
  const expected = expectedFor(sent);
  if (expected === null) {
    expect(status).toBe(204);
    return;
  }
  expect(status).toBe(expected.code === -32600 ? 400 : 200);
  expectAnswerFits(expected, answer);
}
const method = fc.oneof(fc.constantFrom(...methodNames), fc.string(), fc.constantFrom("mcp.", ".", "company", "company.get.x", "__proto__", "constructor"));
const id = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
const params = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom("phone", "branch_id", "customer_id", "limit", "offset", "query", "settings", "company_id", "include_inactive", "__proto__"), fc.jsonValue()),
);
const rpcRequest = fc.record(
  { jsonrpc: fc.oneof(fc.constant("2.0"), fc.jsonValue()), id, method: fc.oneof(method, fc.jsonValue()), params },
  { requiredKeys: [] },
);

describe("gateway fuzzing", () => {
  it("answers arbitrary text bodies: -32700 for what is not JSON, else by the rules", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.jsonValue().map((v) => JSON.stringify(v))), async (body) => {
        const { status, answer } = await send(body);
        // The text as the server reads it: UTF-8 on the wire turns lone surrogates into U+FFFD.
        const received = new TextDecoder().decode(new TextEncoder().encode(body));
        let parsed: unknown;
        try {
          parsed = JSON.parse(received);
        } catch {
          expect(status).toBe(400);
          expect(answer).toMatchObject({ id: null, error: { code: -32700 } });
          return;
        }
        expectRightAnswers(parsed, status, answer);
      }),
      { numRuns: 150 },
    );
  });

  it("answers arbitrary JSON-RPC-like requests and batches with the right code, echoing valid ids", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(rpcRequest, fc.array(rpcRequest, { maxLength: 8 })), async (payload) => {
        const body = JSON.stringify(payload);
        const { status, answer } = await send(body);
        // Judged as it travelled (JSON drops undefined members and turns -0 into 0).
        expectRightAnswers(JSON.parse(body), status, answer);
      }),
      { numRuns: 200 },
    );
  });

  it("answers arbitrary authentication and correlation headers, letting in only the valid token", async () => {
    const headerValue = fc.string({ unit: fc.constantFrom(..."abcXYZ019 _-.:/+=;,\"'apk_".split("")), maxLength: 80 });
    const mcpToken = fc.oneof(headerValue, fc.constant(demo.token), fc.constant(` ${demo.token} `));
    const authorization = fc.oneof(headerValue, fc.constantFrom(`Bearer ${demo.token}`, `bearer  ${demo.token}`, `Basic ${demo.token}`, demo.token));
    /** The token the gateway must use: X-MCP-Token when not blank, else the Bearer credential. */
    const presented = (h: Record<string, string>) =>
      h["x-mcp-token"]?.trim() || (/^bearer\s+/i.test(h.authorization?.trim() ?? "") ? h.authorization.trim().replace(/^bearer\s+/i, "") : null);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ "x-mcp-token": mcpToken, authorization, "x-request-id": headerValue, "x-mcp-request-id": headerValue }, { requiredKeys: [] }),
        async (headers) => {
          const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "company.get" });
          const res = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
          expect(res.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
          const answer = await res.json();
          expectWellFormed(answer);
          if (presented(headers) === demo.token) {
            expect(res.status).toBe(200);
            expect(answer.result.data.id).toBe(demo.companyId);
          } else {
            expect(res.status).toBe(401);
            expect(answer.error.code).toBe(-32001);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
