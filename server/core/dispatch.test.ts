import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { callMethod, InvalidParamsError, MethodNotFoundError, type DoorContext } from "@/server/core/dispatch";
import { Registry } from "@/server/core/registry";
import { defineMethod, defineServer, type Actor } from "@/server/core/types";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { renderMetrics } from "@/server/platform/metrics";
import { createDemoTenant, createOtherCompany, wholeCompanyGrants, type Tenant } from "@/server/testing/tenants";

const NOW = new Date("2026-03-02T09:00:00Z");
let db: TestDb;
let demo: Tenant;
let other: Tenant;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
  other = await createOtherCompany(db.prisma);
});
afterAll(async () => {
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
});

const tokenActor: Actor = { type: "token", id: "tok_test", allowedServers: wholeCompanyGrants() };
function door(over: Partial<DoorContext> = {}): DoorContext {
  return { companyId: demo.companyId, actor: tokenActor, correlationId: "corr-1", db: db.prisma, now: () => NOW, ...over };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("callMethod", () => {
  it("answers a registered read with its result schema applied", async () => {
    const { data, cached } = await callMethod("company.getSettings", {}, door());
    expect(cached).toBe(false);
    expect(data).toMatchObject({ settings: { slotIntervalMinutes: 15, modificationCutoffHours: 24, contactEmail: "kontakt@salon-demo.de" } });
  });

  it("refuses unknown methods, including unknown methods of known servers", async () => {
    expect(await rejection(callMethod("nope.nothing", {}, door()))).toBeInstanceOf(MethodNotFoundError);
    expect(await rejection(callMethod("company.delete", {}, door()))).toBeInstanceOf(MethodNotFoundError);
  });

  it("rejects params failing the zod schema with the issues", async () => {
    const err = await rejection(callMethod("branch.get", { branch_id: 42 }, door()));
    expect(err).toBeInstanceOf(InvalidParamsError);
    expect((err as InvalidParamsError).issues[0]).toMatchObject({ path: ["branch_id"], code: "invalid_type" });
  });

  it("refuses a company_id naming another company and accepts its own", async () => {
    const err = await rejection(callMethod("branch.list", { company_id: other.companyId }, door()));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(ErrorCodes.FORBIDDEN);
    expect((err as AppError).message).toMatch(/andere Firma/);
    const own = await callMethod("branch.list", { company_id: demo.companyId }, door());
    expect((own.data as { total: number }).total).toBe(2);
  });

  it("limits a token to its allowed servers but always allows discovery", async () => {
    const bound = door({ actor: { type: "token", id: "tok_b", allowedServers: ["branch"] } });
    await expect(callMethod("branch.list", {}, bound)).resolves.toBeTruthy();
    const err = await rejection(callMethod("customer.list", {}, bound));
    expect((err as AppError).code).toBe(ErrorCodes.FORBIDDEN);
    const { data } = await callMethod("mcp.discover", {}, bound);
    expect((data as { servers: { name: string }[] }).servers.map((s) => s.name).sort()).toEqual(["branch", "mcp"]);
  });

  it("lets staff read but only admins write (default roles)", async () => {
    const staff = door({ actor: { type: "user", id: "u1", role: "staff" } });
    await expect(callMethod("branch.list", {}, staff)).resolves.toBeTruthy();
    const err = await rejection(callMethod("company.updateSettings", { settings: { bookingWindowDays: 10 } }, staff));
    expect((err as AppError).code).toBe(ErrorCodes.FORBIDDEN);
    const admin = door({ actor: { type: "user", id: "u2", role: "admin" } });
    await expect(callMethod("company.updateSettings", { settings: { bookingWindowDays: 10 } }, admin)).resolves.toBeTruthy();
  });

  it("serves cached reads truthfully and invalidates them on writes of the same company only", async () => {
    expect((await callMethod("company.get", {}, door())).cached).toBe(false);
    expect((await callMethod("company.get", {}, door())).cached).toBe(true);
    const otherDoor = door({ companyId: other.companyId });
    expect((await callMethod("company.get", {}, otherDoor)).cached).toBe(false);
    expect((await callMethod("company.get", {}, otherDoor)).cached).toBe(true);

    await callMethod("company.updateSettings", { settings: { refundPolicy: "Keine Erstattung." } }, door());
    const fresh = await callMethod("company.get", {}, door());
    expect(fresh.cached).toBe(false);
    expect(fresh.data).toMatchObject({ settings: { refundPolicy: "Keine Erstattung." } });
    expect((await callMethod("company.get", {}, otherDoor)).cached).toBe(true);
  });

  it("writes an audit row for every write, successful or not, and none for reads", async () => {
    await db.prisma.auditLog.deleteMany({});
    await callMethod("company.updateSettings", { settings: { slotIntervalMinutes: 20 } }, door({ correlationId: "audit-ok" }));
    await rejection(callMethod("company.updateSettings", { settings: { slotIntervalMinutes: 1 } }, door({ correlationId: "audit-bad" })));
    await callMethod("company.get", {}, door({ correlationId: "audit-read" }));
    const rows = await db.prisma.auditLog.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.method, r.outcome, r.errorCode, r.correlationId, r.actorType, r.actorId, r.companyId])).toEqual([
      ["company.updateSettings", "success", null, "audit-ok", "token", "tok_test", demo.companyId],
      ["company.updateSettings", "error", -32602, "audit-bad", "token", "tok_test", demo.companyId],
    ]);
    expect(rows[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("rate limits per caller and class with a retry time", async () => {
    setRateLimiter(new MethodRateLimiter({ limits: { branch: 2 } }));
    await callMethod("branch.list", {}, door());
    await callMethod("branch.list", {}, door());
    const err = await rejection(callMethod("branch.list", {}, door()));
    expect((err as AppError).code).toBe(ErrorCodes.RATE_LIMITED);
    expect((err as AppError).retryAfter).toBeGreaterThanOrEqual(1);
    expect((err as AppError).retryAfter).toBeLessThanOrEqual(60);
    // Another token has its own budget.
    await expect(callMethod("branch.list", {}, door({ actor: { type: "token", id: "tok_other", allowedServers: ["branch"] } }))).resolves.toBeTruthy();
  });

  it("counts calls and errors in the metrics", async () => {
    await callMethod("branch.list", {}, door());
    await rejection(callMethod("branch.get", { branch_id: "missing" }, door()));
    const { body } = await renderMetrics();
    expect(body).toMatch(/mcp_request_total\{server="branch",method="branch.list",status="success"\} \d+/);
    expect(body).toMatch(/mcp_error_total\{server="branch",error_code="3005"\} \d+/);
    expect(body).toMatch(/mcp_request_duration_seconds_bucket\{le="0.005",server="branch",method="branch.list"\}/);
  });

  it("resolves method names by the longest server prefix", async () => {
    const ok = z.object({ server: z.string() });
    const make = (name: string, method: string) =>
      defineServer({
        name,
        version: "1",
        description: name,
        methods: [defineMethod({ name: method, description: "", params: z.object({}), result: ok, kind: "read", handler: async () => ({ server: name }) })],
      });
    const registry = new Registry([make("retell", "retell.getAgent"), make("retell.config", "retell.config.getWebhookConfiguration")]);
    const { data } = await callMethod("retell.config.getWebhookConfiguration", {}, door({ registry }));
    expect(data).toEqual({ server: "retell.config" });
    expect(registry.resolveServer("retell.getAgent")?.name).toBe("retell");
    expect(registry.resolveServer("retell.configX.a")?.name).toBe("retell");
    // `retell.config.x` belongs to retell.config, which has no such method.
    expect(await rejection(callMethod("retell.config.getAgent", {}, door({ registry })))).toBeInstanceOf(MethodNotFoundError);
  });

  it("treats a handler result that breaks its schema as an internal error", async () => {
    const registry = new Registry([
      defineServer({
        name: "broken",
        version: "1",
        description: "",
        methods: [
          defineMethod({
            name: "broken.read",
            description: "",
            params: z.object({}),
            result: z.object({ n: z.number() }),
            kind: "read",
            handler: async () => ({ n: "nope" }) as never,
          }),
        ],
      }),
    ]);
    const err = await rejection(callMethod("broken.read", {}, door({ registry, actor: { type: "token", id: "t", allowedServers: ["broken"] } })));
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(AppError);
  });
});
