/**
 * Every door refuses an oversized body with 413 as soon as the limit is passed, counting what
 * arrives (a chunked body announces no length) and without reading the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { logger } from "@/server/platform/logger";
import { createMcpHandler } from "@/server/doors/mcp/handler";
import { calcomWebhookDoor } from "@/server/doors/calcom/webhook-door";
import { RPC_BODY_LIMIT_BYTES, WEBHOOK_BODY_LIMIT_BYTES } from "@/server/doors/request-kit";
import { handleCustomFunction } from "@/server/doors/retell/custom-function-door";
import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { createDemoTenant, type Tenant } from "@/server/testing/tenants";

const NOW = new Date("2026-03-02T09:00:00Z");
const CHUNK = 64 * 1024;
const TOTAL = 3 * 1024 * 1024;

let db: TestDb;
let demo: Tenant;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
});
afterAll(async () => {
  await db.close();
});

/** A 3 MB chunked body (no Content-Length) that counts how much the server pulled. */
function chunkedRequest(url: string, headers: Record<string, string> = {}) {
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= TOTAL) return controller.close();
      counter.pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
  });
  const request = new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, counter };
}

const deps = () => ({ db: db.prisma, now: () => NOW, log: logger });

const doors: Array<[string, number, (headers: Record<string, string>) => { request: Request; counter: { pulled: number } }, (r: Request) => Promise<Response>]> = [
  ["Cal.com webhook", WEBHOOK_BODY_LIMIT_BYTES, () => chunkedRequest("http://app.test/api/mcp/calcom/webhook?company=demo"), (r) => calcomWebhookDoor(r, deps())],
  ["Retell webhook", WEBHOOK_BODY_LIMIT_BYTES, () => chunkedRequest("http://app.test/api/mcp/retell/webhook"), (r) => handleRetellWebhook(r, deps())],
  [
    "Retell custom function",
    WEBHOOK_BODY_LIMIT_BYTES,
    () => chunkedRequest("http://app.test/api/mcp/retell/custom-function"),
    (r) => handleCustomFunction(r, null, deps()),
  ],
  [
    "JSON-RPC gateway",
    RPC_BODY_LIMIT_BYTES,
    () => chunkedRequest("http://app.test/api/mcp", { "x-mcp-token": demo.token }),
    (r) => createRpcHandler({ db: db.prisma, now: () => NOW })(r),
  ],
  [
    "MCP endpoint",
    RPC_BODY_LIMIT_BYTES,
    () => chunkedRequest("http://app.test/mcp", { "x-mcp-token": demo.token, accept: "application/json, text/event-stream" }),
    (r) => createMcpHandler({ db: db.prisma, now: () => NOW })(r),
  ],
];

describe("one streaming body limit for every door", () => {
  it.each(doors)("%s answers 413 to a chunked 3 MB body and stops reading at the limit", async (_door, limit, build, handle) => {
    const { request, counter } = build({});
    const response = await handle(request);
    expect(response.status).toBe(413);
    // The stream may be a chunk or two ahead of the reader, never the whole body.
    expect(counter.pulled).toBeLessThanOrEqual(limit + 3 * CHUNK);
    expect(counter.pulled).toBeLessThan(TOTAL);
  });

  it.each(doors)("%s answers 413 at once to a declared Content-Length over the limit", async (_door, limit, build, handle) => {
    const { request, counter } = build({});
    const declared = new Request(request, { headers: new Headers([...request.headers, ["content-length", String(limit + 1)]]) });
    const response = await handle(declared);
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });
});
