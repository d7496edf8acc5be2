/**
 * API tokens call only what they were given: no grant means nothing (but discovery),
 * `<server>:read` means reads only, and configuration needs its own explicit grant.
 * Tokens made before keep what they could call, written out by the migration.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ErrorCodes } from "@/server/core/errors";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { createDemoTenant, type Tenant } from "@/server/testing/tenants";
import { createApiToken, clearTokenCache } from "@/server/services/tokens";
import { tokenServerOptions } from "@/server/services/tokens/dashboard";
import { everyGrant, suggestedGrants } from "./token-scopes";

const NOW = new Date("2026-03-02T09:00:00Z");
let db: TestDb;
let demo: Tenant;
const gateway = () => createRpcHandler({ db: db.prisma, now: () => NOW });

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
});
afterAll(async () => {
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
  clearTokenCache();
});

let id = 1;
async function rpc(token: string, method: string, params: object = {}) {
  const res = await gateway()(
    new Request("http://app.test/api/mcp", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ jsonrpc: "2.0", id: id++, method, params }),
    }),
  );
  return (await res.json()) as { result?: { data: unknown }; error?: { code: number; message: string } };
}

const tokenWith = async (grants: string[]) => (await createApiToken(db.prisma, { companyId: demo.companyId, name: "t", allowedServers: grants })).token;

describe("API token grants", () => {
  it("refuses a token without any chosen server", async () => {
    await expect(createApiToken(db.prisma, { companyId: demo.companyId, name: "leer", allowedServers: [] })).rejects.toMatchObject({
      code: ErrorCodes.INVALID_INPUT,
    });
  });

  it("lets a read grant read but not write, and discovery shows only what it may call", async () => {
    const token = await tokenWith(["branch:read"]);
    expect((await rpc(token, "branch.list")).result).toBeDefined();
    expect((await rpc(token, "branch.create", { name: "Neu" })).error?.code).toBe(ErrorCodes.FORBIDDEN);
    expect((await rpc(token, "customer.list")).error?.code).toBe(ErrorCodes.FORBIDDEN);
    const discovered = (await rpc(token, "mcp.discover")).result?.data as { servers: Array<{ name: string; methods: Array<{ name: string }> }> };
    expect(discovered.servers.map((s) => s.name)).toEqual(["mcp", "branch"]);
    expect(discovered.servers[1]!.methods.map((m) => m.name)).toEqual(["branch.list", "branch.get", "branch.listSpecialDays"]);
  });

  it("keeps configuration out of a server grant: Cal.com connection and company data need config:<server>", async () => {
    const ordinary = await tokenWith(["calcom", "company"]);
    expect((await rpc(ordinary, "calcom.getConnection")).error?.code).toBe(ErrorCodes.FORBIDDEN);
    expect((await rpc(ordinary, "calcom.updateConnection", { provider: "local" })).error?.code).toBe(ErrorCodes.FORBIDDEN);
    expect((await rpc(ordinary, "company.update", { name: "Übernommen" })).error?.code).toBe(ErrorCodes.FORBIDDEN);
    expect((await rpc(ordinary, "company.get")).result).toBeDefined();

    const configured = await tokenWith(["config:calcom"]);
    expect((await rpc(configured, "calcom.getConnection")).result).toBeDefined();
    expect((await rpc(configured, "calcom.getEventTypes")).error?.code).toBe(ErrorCodes.FORBIDDEN);
  });

  it("suggests a read-only set in the dashboard, with no configuration and no writes", () => {
    const suggested = suggestedGrants(tokenServerOptions());
    expect(suggested.length).toBeGreaterThan(3);
    expect(suggested.every((g) => g.endsWith(":read"))).toBe(true);
    expect(suggested.some((g) => g.startsWith("retell.config"))).toBe(false);
  });

  it("migration: existing tokens keep their meaning, written out explicitly", async () => {
    const sql = readFileSync(path.join(process.cwd(), "prisma/migrations/20261128144900_explicit_token_grants/migration.sql"), "utf8");
    const insert = (name: string, servers: string[]) =>
      db.prisma.apiToken.create({ data: { companyId: demo.companyId, name, prefix: name, tokenHash: `hash-${name}`, allowedServers: servers } });
    const all = await insert("alt-alle", []);
    const calcom = await insert("alt-calcom", ["calcom"]);
    const branch = await insert("alt-branch", ["branch"]);
    await db.pglite.exec(sql);
    const after = async (t: { id: string }) => (await db.prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } })).allowedServers;
    // Grants of servers and configuration methods added after the migration are not in it: old tokens do not gain them.
    const addedSince = ["audit", "config:audit", "phone", "config:phone", "config:retell", "config:messaging", "messaging.templates", "config:messaging.templates", "messaging.delivery", "config:messaging.delivery", "stripe", "config:stripe", "sentry", "config:sentry", "database", "config:database", "notifications", "privacy", "config:privacy"];
    expect([...(await after(all))].sort()).toEqual(everyGrant(tokenServerOptions()).filter((g) => !addedSince.includes(g)).sort());
    expect(await after(calcom)).toEqual(["calcom", "config:calcom"]);
    expect(await after(branch)).toEqual(["branch"]);
  });
});
