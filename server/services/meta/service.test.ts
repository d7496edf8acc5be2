import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { runCheck } from "@/server/core/health-check";
import { callMethod } from "@/server/core/dispatch";
import { getRegistry } from "@/server/core/registry";
import type { HealthCheck } from "@/server/core/types";
import { logger } from "@/server/platform/logger";
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

  it("mcp.health reports per server the check behind it; not configured is no fault", async () => {
    const { data } = await callMethod("mcp.health", {}, door());
    const health = data as { status: string; checks: Record<string, { status: string; check: string; latency_ms: number | null }> };
    expect(health.status).toBe("healthy");
    expect(health.checks.company).toMatchObject({ status: "healthy", check: "database" });
    expect(health.checks.company!.latency_ms).toEqual(expect.any(Number));
    // This company has no Retell key and uses the built-in calendar.
    expect(health.checks.retell).toMatchObject({ status: "not_configured", check: "retell", latency_ms: null });
    expect(health.checks.calcom).toMatchObject({ status: "not_configured", check: "calcom" });
  });
});

describe("runCheck", () => {
  const ctx = () => ({ companyId: tenant.companyId, actor: { type: "system" as const, id: null }, db: db.prisma, log: logger, now: () => new Date("2026-03-02T09:00:00Z"), correlationId: "c" });
  const check = (run: HealthCheck["run"]): HealthCheck => ({ name: "probe", label: "Probe", run });

  it("counts a throwing check as down without its details, and a hanging one as down after the time limit", async () => {
    const throwing = await runCheck(ctx(), check(async () => Promise.reject(new Error("secret detail"))));
    expect(throwing).toMatchObject({ status: "down", message: "Die Statusprüfung von Probe ist fehlgeschlagen.", checkedAt: "2026-03-02T09:00:00.000Z" });
    expect(JSON.stringify(throwing)).not.toContain("secret");
    const started = performance.now();
    const hanging = await runCheck(ctx(), check(() => new Promise(() => {})), 200);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(hanging).toMatchObject({ status: "down", message: "Probe antwortet nicht innerhalb von 0,2 Sekunden.", action: "Später erneut prüfen" });
    expect(hanging.latencyMs).toBeGreaterThanOrEqual(190);
  });
});
