import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { checkServerHealth } from "@/server/core/health-check";
import { callMethod } from "@/server/core/dispatch";
import { getRegistry } from "@/server/core/registry";
import { defineServer } from "@/server/core/types";
import { createOtherCompany, wholeCompanyGrants, type Tenant } from "@/server/testing/tenants";

let db: TestDb;
let tenant: Tenant;
beforeAll(async () => {
  db = await createTestDb();
  tenant = await createOtherCompany(db.prisma);
});
afterAll(async () => {
  await db.close();
});

const door = () => ({
  companyId: tenant.companyId,
  actor: { type: "token" as const, id: "t", allowedServers: wholeCompanyGrants() },
  correlationId: "c",
  db: db.prisma,
});

describe("mcp.discover", () => {
  it("lists every server with version, health and methods with JSON Schema params", async () => {
    const { data } = await callMethod("mcp.discover", {}, door());
    const servers = (data as { servers: Array<{ name: string; version: string; health: { status: string }; methods: Array<{ name: string; kind: string; params: Record<string, unknown> }> }> }).servers;
    expect(servers.map((s) => s.name)).toEqual(getRegistry().servers.map((s) => s.name));
    const customer = servers.find((s) => s.name === "customer")!;
    expect(customer.version).toBe("1.0.0");
    expect(customer.health.status).toBe("healthy");
    const find = customer.methods.find((m) => m.name === "customer.findByPhone")!;
    expect(find.kind).toBe("read");
    expect(find.params).toMatchObject({ type: "object", properties: { phone: { type: "string", minLength: 3 } }, required: ["phone"] });
    const list = customer.methods.find((m) => m.name === "customer.list")!;
    // Params with defaults are optional for callers.
    expect(list.params.required ?? []).not.toContain("limit");
  });

  it("mcp.health reports each server", async () => {
    const { data } = await callMethod("mcp.health", {}, door());
    const health = data as { status: string; servers: Record<string, { status: string }> };
    expect(Object.keys(health.servers)).toEqual(getRegistry().servers.map((s) => s.name));
    expect(health.servers.company).toEqual({ status: "healthy", message: null });
  });
});

describe("checkServerHealth", () => {
  const base = { version: "1", description: "", methods: [] };
  it("counts a throwing or hanging check as unhealthy", async () => {
    const throwing = defineServer({ ...base, name: "a", health: async () => Promise.reject(new Error("secret detail")) });
    expect(await checkServerHealth(throwing)).toEqual({ ok: false, message: "Statusprüfung fehlgeschlagen" });
    const hanging = defineServer({ ...base, name: "b", health: () => new Promise(() => {}) });
    expect(await checkServerHealth(hanging)).toEqual({ ok: false, message: "Zeitüberschreitung der Statusprüfung" });
  });
});
