import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { getRegistry } from "@/server/core/registry";
import { createMcpHandler } from "@/server/doors/mcp/handler";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createDemoTenant, createOtherCompany, type Tenant } from "@/server/testing/tenants";
import { createApiToken, revokeApiToken } from "@/server/services/tokens";

const NOW = new Date("2026-03-02T09:00:00Z");
let db: TestDb;
let demo: Tenant;
let other: Tenant;
let served: ServedHandler;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
  other = await createOtherCompany(db.prisma);
  served = await serveFetchHandler(createMcpHandler({ db: db.prisma, now: () => NOW }));
});
afterAll(async () => {
  await served.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
});

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: "askproai-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${served.url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

type Text = { type: "text"; text: string };

describe("MCP endpoint with the official SDK client", () => {
  it("connects, lists every registry method as a tool and calls one", async () => {
    const client = await connect(demo.token);
    try {
      expect(client.getServerVersion()?.name).toBe("askproai");
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(getRegistry().allMethods().map(({ method }) => method.name).sort());
      const findByPhone = tools.find((t) => t.name === "customer.findByPhone")!;
      expect(findByPhone.inputSchema).toMatchObject({ type: "object", properties: { phone: { type: "string" } }, required: ["phone"] });
      expect(findByPhone.annotations).toMatchObject({ readOnlyHint: true });

      const result = await client.callTool({ name: "customer.findByPhone", arguments: { phone: "0171 12345670" } });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ customer: { id: demo.customerId, name: "Maria Müller" } });
      expect(JSON.parse((result.content as Text[])[0]!.text)).toEqual(result.structuredContent);
    } finally {
      await client.close();
    }
  });

  it("returns business errors as tool results with isError", async () => {
    const client = await connect(demo.token);
    try {
      const missing = await client.callTool({ name: "branch.get", arguments: { branch_id: other.branchId } });
      expect(missing.isError).toBe(true);
      expect((missing.content as Text[])[0]!.text).toBe("Fehler 3005 (NotFound): Die Filiale wurde nicht gefunden.");
      const invalid = await client.callTool({ name: "customer.list", arguments: { limit: 0 } });
      expect(invalid.isError).toBe(true);
      expect((invalid.content as Text[])[0]!.text).toMatch(/^Ungültige Parameter: limit:/);
      const foreign = await client.callTool({ name: "branch.list", arguments: { company_id: other.companyId } });
      expect((foreign.content as Text[])[0]!.text).toMatch(/^Fehler 3006/);
    } finally {
      await client.close();
    }
  });

  it("answers an unknown tool with a protocol error", async () => {
    const client = await connect(demo.token);
    try {
      await expect(client.callTool({ name: "calendar.teleport", arguments: {} })).rejects.toThrow(/Unbekanntes Werkzeug/);
    } finally {
      await client.close();
    }
  });

  it("shows a token bound to servers only those tools", async () => {
    const { token } = await createApiToken(db.prisma, { companyId: demo.companyId, name: "Nur Kunden", allowedServers: ["customer"] });
    const client = await connect(token);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(new Set(names.map((n) => n.split(".")[0]))).toEqual(new Set(["customer", "mcp"]));
    } finally {
      await client.close();
    }
  });

  it("keeps each company's data apart", async () => {
    const client = await connect(other.token);
    try {
      const result = await client.callTool({ name: "customer.list", arguments: {} });
      expect(result.structuredContent).toMatchObject({ total: 1, customers: [{ id: other.customerId }] });
    } finally {
      await client.close();
    }
  });
});

describe("MCP endpoint over raw HTTP", () => {
  const headers = (token?: string) => ({
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const init = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } };

  it("refuses missing, unknown and revoked tokens with 401", async () => {
    const { token, info } = await createApiToken(db.prisma, { companyId: demo.companyId, name: "Wird widerrufen", allowedServers: ["appointments"] });
    await revokeApiToken(db.prisma, demo.companyId, info.id);
    for (const t of [undefined, "apk_unknownUnknownUnknown1234", token]) {
      const res = await fetch(`${served.url}/mcp`, { method: "POST", headers: headers(t), body: JSON.stringify(init) });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await res.json()).error.code).toBe(-32001);
    }
  });

  it("refuses JSON-RPC batches", async () => {
    const res = await fetch(`${served.url}/mcp`, { method: "POST", headers: headers(demo.token), body: JSON.stringify([init]) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(-32600);
  });

  it("refuses a foreign browser Origin (DNS rebinding) and accepts loopback", async () => {
    const evil = await fetch(`${served.url}/mcp`, { method: "POST", headers: { ...headers(demo.token), origin: "http://evil.example.com" }, body: JSON.stringify(init) });
    expect(evil.status).toBe(403);
    const local = await fetch(`${served.url}/mcp`, { method: "POST", headers: { ...headers(demo.token), origin: "http://localhost:3000" }, body: JSON.stringify(init) });
    expect(local.status).toBe(200);
    expect((await local.json()).result.serverInfo.name).toBe("askproai");
  });

  it("has no server-initiated stream in stateless mode", async () => {
    const res = await fetch(`${served.url}/mcp`, { method: "GET", headers: headers(demo.token) });
    expect(res.status).toBe(405);
  });
});
