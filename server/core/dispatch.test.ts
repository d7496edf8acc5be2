import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { callMethod, InvalidParamsError, MethodNotFoundError, type DoorContext } from "@/server/core/dispatch";
import { Registry } from "@/server/core/registry";
import { defineMethod, defineServer, type Actor, type MethodDef } from "@/server/core/types";
import { callLogger } from "@/server/platform/logger";
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
afterEach(() => {
  vi.restoreAllMocks();
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

/** A door onto a registry of one server, "probe", holding `methods`, for a token granted that server. */
function probeDoor(methods: MethodDef[], over: Partial<DoorContext> = {}): DoorContext {
  const registry = new Registry([defineServer({ name: "probe", version: "1", description: "", methods })]);
  return door({ registry, actor: { type: "token", id: "tok_probe", allowedServers: ["probe"] }, ...over });
}

function probe(name: string, kind: "read" | "write", handler: () => Promise<object>, over: Partial<MethodDef> = {}): MethodDef {
  return defineMethod({ name, description: "", params: z.object({}), result: z.looseObject({}), kind, handler, ...over }) as MethodDef;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The value of one series in the Prometheus text, 0 when it is not there yet. */
async function metric(series: string): Promise<number> {
  const { body } = await renderMetrics();
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** The "mcp call" log lines written while `fn` ran. */
async function callLogs(fn: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const info = vi.spyOn(callLogger, "info");
  await fn();
  const lines = info.mock.calls.filter((c) => c[1] === "mcp call").map((c) => c[0] as unknown as Record<string, unknown>);
  info.mockRestore();
  return lines;
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

  it("refuses a companyId (camelCase) naming another company and drops its own", async () => {
    const err = await rejection(callMethod("branch.list", { companyId: other.companyId }, door()));
    expect(err).toMatchObject({ code: ErrorCodes.FORBIDDEN, message: "Zugriff auf eine andere Firma ist nicht erlaubt." });
    // Either spelling naming another company is refused, whatever the other one says.
    const mixed = await rejection(callMethod("branch.list", { company_id: demo.companyId, companyId: other.companyId }, door()));
    expect(mixed).toMatchObject({ code: ErrorCodes.FORBIDDEN });

    const seen: unknown[] = [];
    const echo = probe("probe.echo", "read", async () => ({}), {
      params: z.object({ note: z.string() }).strict(),
      handler: async (_ctx: unknown, params: unknown) => {
        seen.push(params);
        return {};
      },
    } as Partial<MethodDef>);
    await callMethod("probe.echo", { note: "x", companyId: demo.companyId, company_id: demo.companyId }, probeDoor([echo]));
    expect(seen).toEqual([{ note: "x" }]);
  });

  it("treats missing or null params as no params and refuses scalar ones as invalid params", async () => {
    await expect(callMethod("company.get", undefined, door())).resolves.toMatchObject({ cached: false });
    await expect(callMethod("company.get", null, door())).resolves.toMatchObject({ cached: true });
    expect(await rejection(callMethod("company.get", "company_id", door()))).toBeInstanceOf(InvalidParamsError);
    expect(await rejection(callMethod("company.get", 7, door()))).toBeInstanceOf(InvalidParamsError);
  });

  it("limits a token to its allowed servers but always allows discovery", async () => {
    const bound = door({ actor: { type: "token", id: "tok_b", allowedServers: ["branch"] } });
    await expect(callMethod("branch.list", {}, bound)).resolves.toBeTruthy();
    const err = await rejection(callMethod("customer.list", {}, bound));
    expect(err).toMatchObject({ code: ErrorCodes.FORBIDDEN, message: "Dieses Token ist für „customer.list“ nicht freigegeben." });
    const { data } = await callMethod("mcp.discover", {}, bound);
    expect((data as { servers: { name: string }[] }).servers.map((s) => s.name).sort()).toEqual(["branch", "mcp"]);
  });

  it("lets a token without grants call nothing but discovery", async () => {
    const bare = door({ actor: { type: "token", id: "tok_bare" } });
    expect(await rejection(callMethod("branch.list", {}, bare))).toMatchObject({ code: ErrorCodes.FORBIDDEN });
    await expect(callMethod("mcp.discover", {}, bare)).resolves.toBeTruthy();
  });

  it("lets staff and admins read but only admins write (default roles)", async () => {
    const staff = door({ actor: { type: "user", id: "u1", role: "staff" } });
    await expect(callMethod("branch.list", {}, staff)).resolves.toBeTruthy();
    const err = await rejection(callMethod("company.updateSettings", { settings: { bookingWindowDays: 10 } }, staff));
    expect(err).toMatchObject({ code: ErrorCodes.FORBIDDEN, message: "Für diese Aktion fehlt Ihnen die Berechtigung." });
    const admin = door({ actor: { type: "user", id: "u2", role: "admin" } });
    await expect(callMethod("branch.list", {}, admin)).resolves.toBeTruthy();
    await expect(callMethod("company.updateSettings", { settings: { bookingWindowDays: 10 } }, admin)).resolves.toBeTruthy();
  });

  it("refuses a dashboard user without a role, and follows a method's own roles", async () => {
    const roleless = door({ actor: { type: "user", id: "u3" } });
    expect(await rejection(callMethod("branch.list", {}, roleless))).toMatchObject({ code: ErrorCodes.FORBIDDEN });

    const staffOnly = probe("probe.staffOnly", "write", async () => ({}), { roles: ["staff"] });
    const asRole = (role: "admin" | "staff") => probeDoor([staffOnly], { actor: { type: "user", id: `u-${role}`, role } });
    await expect(callMethod("probe.staffOnly", {}, asRole("staff"))).resolves.toBeTruthy();
    expect(await rejection(callMethod("probe.staffOnly", {}, asRole("admin")))).toMatchObject({ code: ErrorCodes.FORBIDDEN });
  });

  it("hands the service its company, caller, correlation id and a logger bound to them", async () => {
    const inspect = probe("probe.inspect", "read", async () => ({}), {
      handler: async (ctx: { companyId: string; actor: Actor; correlationId: string; log: { bindings(): object } }) => ({
        companyId: ctx.companyId,
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        bindings: ctx.log.bindings(),
      }),
    } as Partial<MethodDef>);
    const { data } = await callMethod("probe.inspect", {}, probeDoor([inspect], { correlationId: "ctx-1" }));
    expect(data).toEqual({
      companyId: demo.companyId,
      actor: { type: "token", id: "tok_probe", allowedServers: ["probe"] },
      correlationId: "ctx-1",
      bindings: expect.objectContaining({ correlation_id: "ctx-1", method: "probe.inspect", company_id: demo.companyId }),
    });
  });

  it("runs a write every time even when it declares a cache", async () => {
    let runs = 0;
    const write = probe("probe.write", "write", async () => ({ run: ++runs }), { cache: { ttlSeconds: 60, tags: ["probe"] } });
    const first = await callMethod("probe.write", {}, probeDoor([write]));
    const second = await callMethod("probe.write", {}, probeDoor([write]));
    expect([first, second]).toEqual([
      { data: { run: 1 }, cached: false },
      { data: { run: 2 }, cached: false },
    ]);
  });

  it("invalidates the cache only on writes, not on reads that name tags", async () => {
    let version = 0;
    const read = probe("probe.read", "read", async () => ({ version }), { cache: { ttlSeconds: 60, tags: ["probe"] } });
    const peek = probe("probe.peek", "read", async () => ({}), { invalidates: ["probe"] });
    const write = probe("probe.write", "write", async () => ({ version: ++version }), { invalidates: ["probe"] });
    const probes = probeDoor([read, peek, write]);
    await callMethod("probe.read", {}, probes);
    await callMethod("probe.peek", {}, probes);
    expect(await callMethod("probe.read", {}, probes)).toEqual({ data: { version: 0 }, cached: true });
    await callMethod("probe.write", {}, probes);
    expect(await callMethod("probe.read", {}, probes)).toEqual({ data: { version: 1 }, cached: false });
  });

  it("gives services the real clock when the door brings none", async () => {
    const clock = probe("probe.clock", "read", async () => ({}), {
      handler: async (ctx: { now: () => Date }) => ({ now: ctx.now().getTime() }),
    } as Partial<MethodDef>);
    const before = Date.now();
    const { data } = await callMethod("probe.clock", {}, probeDoor([clock], { now: undefined }));
    expect((data as { now: number }).now).toBeGreaterThanOrEqual(before);
    expect((data as { now: number }).now).toBeLessThanOrEqual(Date.now());
    const fixed = await callMethod("probe.clock", {}, probeDoor([clock]));
    expect(fixed.data).toEqual({ now: NOW.getTime() });
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

  it("rate limits a method by its own class when it names one, else by its server", async () => {
    setRateLimiter(new MethodRateLimiter({ limits: { shared: 1, probe: 1 } }));
    const a = probe("probe.a", "read", async () => ({}), { rateLimitClass: "shared" });
    const b = probe("probe.b", "read", async () => ({}), { rateLimitClass: "shared" });
    const c = probe("probe.c", "read", async () => ({}));
    const probes = probeDoor([a, b, c]);
    await callMethod("probe.a", {}, probes);
    expect(await rejection(callMethod("probe.b", {}, probes))).toMatchObject({ code: ErrorCodes.RATE_LIMITED });
    await expect(callMethod("probe.c", {}, probes)).resolves.toBeTruthy();
  });

  it("rate limits callers without an id by their company", async () => {
    setRateLimiter(new MethodRateLimiter({ limits: { branch: 1 } }));
    const system = (companyId: string): Partial<DoorContext> => ({ companyId, actor: { type: "system", id: null } });
    await callMethod("branch.list", {}, door(system(demo.companyId)));
    expect(await rejection(callMethod("branch.list", {}, door(system(demo.companyId))))).toMatchObject({ code: ErrorCodes.RATE_LIMITED });
    await expect(callMethod("branch.list", {}, door(system(other.companyId)))).resolves.toBeTruthy();
    // A token of the same company keeps its own budget.
    await expect(callMethod("branch.list", {}, door())).resolves.toBeTruthy();
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
    const series = [
      'mcp_request_total{server="branch",method="branch.list",status="success"}',
      'mcp_request_total{server="branch",method="branch.list",status="error"}',
      'mcp_request_total{server="branch",method="branch.get",status="error"}',
      'mcp_request_total{server="branch",method="branch.get",status="success"}',
      'mcp_error_total{server="branch",error_code="3005"}',
      'mcp_request_duration_seconds_count{server="branch",method="branch.list"}',
      'mcp_request_total{server="branch",method="unknown",status="error"}',
      'mcp_error_total{server="branch",error_code="-32601"}',
    ];
    const before = await Promise.all(series.map(metric));
    await callMethod("branch.list", {}, door());
    await callMethod("branch.list", {}, door());
    await rejection(callMethod("branch.get", { branch_id: "missing" }, door()));
    await rejection(callMethod("branch.teleport", {}, door()));
    const after = await Promise.all(series.map(metric));
    expect(after.map((v, i) => v - before[i])).toEqual([2, 0, 1, 0, 1, 2, 1, 1]);
  });

  it("records the latency in seconds for the metrics and in milliseconds for the log", async () => {
    const slow = probe("probe.slow", "read", async () => {
      await wait(60);
      return {};
    });
    const sum = 'mcp_request_duration_seconds_sum{server="probe",method="probe.slow"}';
    const before = await metric(sum);
    const started = performance.now();
    const [line] = await callLogs(() => callMethod("probe.slow", {}, probeDoor([slow])));
    const elapsedMs = performance.now() - started;

    const seconds = (await metric(sum)) - before;
    expect(seconds).toBeGreaterThanOrEqual(0.059);
    expect(seconds).toBeLessThanOrEqual(elapsedMs / 1000);
    const logged = line!.duration_ms as number;
    expect(logged).toBeGreaterThanOrEqual(59);
    expect(logged).toBeLessThanOrEqual(elapsedMs + 0.05);
    expect(String(logged)).toMatch(/^\d+(\.\d)?$/);
  });

  it("writes one log line per call with its outcome", async () => {
    const ok = await callLogs(() => callMethod("company.get", {}, door({ correlationId: "log-ok" })));
    expect(ok).toEqual([
      {
        correlation_id: "log-ok",
        server: "company",
        method: "company.get",
        company_id: demo.companyId,
        actor: "token",
        duration_ms: expect.any(Number),
        cached: false,
        outcome: "success",
      },
    ]);
    const cached = await callLogs(() => callMethod("company.get", {}, door({ correlationId: "log-cached" })));
    expect(cached).toMatchObject([{ cached: true, outcome: "success" }]);
    const failed = await callLogs(() => rejection(callMethod("branch.get", { branch_id: "missing" }, door({ correlationId: "log-bad" }))));
    expect(failed).toMatchObject([{ correlation_id: "log-bad", method: "branch.get", cached: false, outcome: "error", error_code: 3005 }]);
    const unknown = await callLogs(() => rejection(callMethod("nope.nothing", {}, door())));
    expect(unknown).toMatchObject([{ server: "unknown", method: "unknown", outcome: "error", error_code: -32601 }]);
  });

  it("records an unexpected failure as internal (-32603) in metrics, log and audit, not as a client error", async () => {
    const failing = probe("probe.fail", "write", async () => {
      throw new Error("disk on fire");
    });
    const internalSeries = 'mcp_error_total{server="probe",error_code="-32603"}';
    const before = await metric(internalSeries);
    await db.prisma.auditLog.deleteMany({});
    const [line] = await callLogs(async () => {
      const err = await rejection(callMethod("probe.fail", {}, probeDoor([failing], { correlationId: "fail-1" })));
      expect(err).toMatchObject({ message: "disk on fire" });
    });
    expect(line).toMatchObject({ outcome: "error", error_code: -32603 });
    expect((await metric(internalSeries)) - before).toBe(1);
    const rows = await db.prisma.auditLog.findMany();
    expect(rows.map((r) => [r.method, r.outcome, r.errorCode, r.correlationId])).toEqual([["probe.fail", "error", -32603, "fail-1"]]);
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
    expect((err as Error).message).toMatch(/^Result of broken\.read does not match its schema: \[.*"n"/);
  });

  it("keeps the schema complaint about a broken result to 500 characters of issues", async () => {
    const fields = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field_${i}`, z.number()]));
    const wide = probe("probe.wide", "read", async () => ({}), { result: z.object(fields) } as Partial<MethodDef>);
    const err = (await rejection(callMethod("probe.wide", {}, probeDoor([wide])))) as Error;
    const prefix = "Result of probe.wide does not match its schema: ";
    expect(err.message.startsWith(prefix)).toBe(true);
    expect(err.message.length).toBe(prefix.length + 500);
  });
});
