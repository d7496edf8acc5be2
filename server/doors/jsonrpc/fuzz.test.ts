import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { getRegistry } from "@/server/core/registry";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createDemoTenant, type Tenant } from "@/server/testing/tenants";

/** Property-based: whatever arrives, the gateway answers well-formed JSON-RPC (or nothing) and never 500s. */
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
    return undefined;
  }
  const parsed: unknown = JSON.parse(text);
  if (Array.isArray(parsed)) {
    expect(parsed.length).toBeGreaterThan(0);
    parsed.forEach(expectWellFormed);
  } else {
    expectWellFormed(parsed);
  }
  return parsed;
}

const methodNames = getRegistry().allMethods().map(({ method }) => method.name);
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
  it("answers arbitrary text bodies", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.jsonValue().map((v) => JSON.stringify(v))), async (body) => {
        await send(body);
      }),
      { numRuns: 150 },
    );
  });

  it("answers arbitrary JSON-RPC-like requests and batches, echoing valid ids", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(rpcRequest, fc.array(rpcRequest, { maxLength: 8 })), async (payload) => {
        const answer = await send(JSON.stringify(payload));
        if (!Array.isArray(payload) && payload.jsonrpc === "2.0" && typeof payload.method === "string" && "id" in payload && answer) {
          // Compare with the id as it travelled (JSON turns -0 into 0).
          expect((answer as { id: unknown }).id).toStrictEqual(JSON.parse(JSON.stringify(payload)).id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("answers arbitrary authentication and correlation headers", async () => {
    const headerValue = fc.string({ unit: fc.constantFrom(..."abcXYZ019 _-.:/+=;,\"'apk_".split("")), maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ "x-mcp-token": headerValue, authorization: headerValue, "x-request-id": headerValue, "x-mcp-request-id": headerValue }, { requiredKeys: [] }),
        async (headers) => {
          const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "company.get" });
          const res = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
          expect(res.status === 401 || res.status === 200).toBe(true);
          expect(res.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
          expectWellFormed(await res.json());
        },
      ),
      { numRuns: 150 },
    );
  });
});
