/**
 * API-Tokens in the dashboard: admins of one company create, list and revoke; every change
 * leaves an audit row without the clear token; a revoked token is refused by the JSON-RPC
 * gateway at once, over real HTTP.
 */
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { seedDemo } from "@/server/seed/demo";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";
import type { TokenInfo } from "@/server/services/tokens";

let testDb: TestDb;
let gateway: ServedHandler;
let demoId: string;
let admin: Session;
let staff: Session;
let otherAdmin: Session;

const call = (path: string, session: Session | null, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation });

async function rpc(token: string, method = "mcp.discover") {
  const res = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: {} }),
  });
  return { status: res.status, body: (await res.json()) as { result?: unknown; error?: { code: number } } };
}

beforeAll(async () => {
  testDb = await createTestDb();
  demoId = await seedDemo(testDb.prisma, { now: new Date("2026-03-10T08:00:00Z") });
  ({ admin, staff } = await sessionsOf(testDb.prisma, demoId));
  otherAdmin = (await sessionsOf(testDb.prisma, await seedOtherDemoCompany(testDb.prisma))).admin;
  gateway = await serveFetchHandler(createRpcHandler({ db: testDb.prisma }));
});

afterAll(async () => {
  await gateway?.close();
  await testDb?.close();
});

describe("API-Tokens (dashboard.tokens)", () => {
  it("is for admins only", async () => {
    expect((await call("dashboard.tokens.list", staff)).status).toBe(403);
    expect((await call("dashboard.tokens.servers", staff)).status).toBe(403);
    expect((await call("dashboard.tokens.create", staff, { name: "Heimlich" }, true)).status).toBe(403);
    expect((await call("dashboard.tokens.list", null)).status).toBe(401);
    expect(await testDb.prisma.apiToken.count({ where: { name: "Heimlich" } })).toBe(0);
  });

  it("offers the registry's servers except the always-open directory", async () => {
    const res = await call("dashboard.tokens.servers", admin);
    const names = (res.data as Array<{ name: string }>).map((s) => s.name);
    expect(names).toContain("appointments");
    expect(names).toContain("retell.config");
    expect(names).not.toContain("mcp");
  });

  it("creates a token shown once, lists it without secrets, audits it; the gateway accepts it", async () => {
    const created = await call("dashboard.tokens.create", admin, { name: "  CRM  ", allowed_servers: ["appointments"] }, true);
    expect(created.status).toBe(200);
    const { token, info } = created.data as { token: string; info: TokenInfo };
    expect(token).toMatch(/^apk_/);
    expect(info).toMatchObject({ name: "CRM", display: `${token.slice(0, 12)}…`, allowedServers: ["appointments"], revokedAt: null });

    const listed = await call("dashboard.tokens.list", admin);
    expect((listed.data as TokenInfo[]).map((t) => t.name)).toEqual(["CRM"]);
    expect(JSON.stringify(listed.data)).not.toContain(token.slice(12));
    expect(JSON.stringify(listed.data)).not.toContain("tokenHash");

    const audit = await testDb.prisma.auditLog.findMany({ where: { method: "tokens.create" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ companyId: demoId, actorType: "user", actorId: admin.user.id, outcome: "success" });
    expect(audit[0]!.details).toMatchObject({ token_id: info.id, name: "CRM", allowed_servers: ["appointments"] });
    expect(JSON.stringify(audit[0])).not.toContain(token.slice(12));

    expect((await rpc(token)).body.result).toBeDefined();
    // Bound to appointments: another server is refused.
    expect((await rpc(token, "queue.stats")).body.error?.code).toBe(3006);
  });

  it("answers invalid input with German field errors and unknown servers with the service's message", async () => {
    const empty = await call("dashboard.tokens.create", admin, { name: " ", allowed_servers: [] }, true);
    expect(empty.status).toBe(400);
    expect(empty.error?.data.issues).toEqual([
      { path: "name", message: "Bitte einen Namen angeben." },
      { path: "allowed_servers", message: "Bitte mindestens einen Dienst wählen." },
    ]);

    const unknown = await call("dashboard.tokens.create", admin, { name: "X", allowed_servers: ["teleport"] }, true);
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toBe("Unbekannte Dienste: teleport");
    expect(await testDb.prisma.auditLog.count({ where: { method: "tokens.create", outcome: "error", errorCode: 4005 } })).toBe(1);
  });

  it("revokes: the gateway refuses the token at once although it had just accepted it", async () => {
    const { token, info } = (await call("dashboard.tokens.create", admin, { name: "Kurzlebig", allowed_servers: ["branch:read"] }, true)).data as { token: string; info: TokenInfo };
    expect((await rpc(token)).status).toBe(200); // now in the gateway's authentication cache

    const revoked = await call("dashboard.tokens.revoke", admin, { id: info.id }, true);
    expect(revoked.status).toBe(200);
    expect((revoked.data as TokenInfo).revokedAt).toBeInstanceOf(Date);

    const refused = await rpc(token);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe(-32001);
    expect(await testDb.prisma.auditLog.count({ where: { method: "tokens.revoke", outcome: "success", actorId: admin.user.id } })).toBe(1);
  });

  it("keeps companies apart: another company's admin neither sees nor revokes the salon's tokens", async () => {
    const { token, info } = (await call("dashboard.tokens.create", admin, { name: "Nur Salon", allowed_servers: ["branch:read"] }, true)).data as { token: string; info: TokenInfo };

    expect((await call("dashboard.tokens.list", otherAdmin)).data).toEqual([]);
    const refused = await call("dashboard.tokens.revoke", otherAdmin, { id: info.id }, true);
    expect(refused.status).toBe(404);
    expect(refused.error?.message).toBe("Das Token wurde nicht gefunden.");
    expect((await rpc(token)).status).toBe(200);
    expect(await testDb.prisma.auditLog.count({ where: { method: "tokens.revoke", outcome: "error", actorId: otherAdmin.user.id } })).toBe(1);
  });
});
