/**
 * The overview's procedures for any logged-in user: figures of the session's company only,
 * server health through `mcp.health`, circuit breakers and the error rate of calls that went
 * through callMethod in this process.
 */
import type { Session } from "next-auth";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { resetCallWindow } from "@/server/platform/call-window";
import type { DailyActivity } from "@/server/services/dashboard/daily-activity";
import type { OperationsStatus } from "@/server/services/dashboard/operations";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { getRegistry } from "@/server/core/registry";
import { configureResilience, resetCircuits, runResilient, UpstreamHttpError } from "@/server/platform/resilience";
import { seedDemo } from "@/server/seed/demo";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

const NOW = new Date("2026-03-10T08:00:00Z");

let testDb: TestDb;
let staff: Session;
let otherAdmin: Session;
let demoId: string;

const call = (path: string, session: Session | null, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation, now: () => NOW });

beforeAll(async () => {
  testDb = await createTestDb();
  demoId = await seedDemo(testDb.prisma, { now: NOW });
  ({ staff } = await sessionsOf(testDb.prisma, demoId));
  otherAdmin = (await sessionsOf(testDb.prisma, await seedOtherDemoCompany(testDb.prisma, { now: NOW }))).admin;
  const callOfSalon = { companyId: demoId, retellCallId: "call-1", startedAt: new Date("2026-03-09T10:00:00Z"), durationMs: 61_000, outcome: "booked" };
  await testDb.prisma.call.create({ data: callOfSalon });
});

beforeEach(() => setCache(new MemoryCache()));
afterEach(() => resetCircuits());

afterAll(async () => {
  await testDb?.close();
});

describe("overview procedures", () => {
  it("needs a login", async () => {
    for (const path of ["dashboard.overview", "dashboard.activity", "mcp.health", "dashboard.operations"]) {
      expect((await call(path, null)).status, path).toBe(401);
    }
  });

  it("gives staff the overview with recent calls and the chart data of their own company", async () => {
    const overview = await call("dashboard.overview", staff);
    expect(overview.data).toMatchObject({ recentCalls: [{ date: "09.03.2026", time: "11:00", durationSeconds: 61, outcome: "booked" }] });
    const activity = (await call("dashboard.activity", staff)).data as DailyActivity;
    expect(activity.days).toHaveLength(14);
    expect(activity.days.find((d) => d.date === "2026-03-09")?.calls).toBe(1);

    expect((await call("dashboard.overview", otherAdmin)).data).toMatchObject({ recentCalls: [] });
    expect(((await call("dashboard.activity", otherAdmin)).data as DailyActivity).totals.calls).toBe(0);
  });

  it("reports the health of every registered server", async () => {
    const res = await call("mcp.health", staff);
    const health = res.data as { status: string; servers: Record<string, { status: string }> };
    expect(Object.keys(health.servers)).toEqual(getRegistry().servers.map((s) => s.name));
    expect(health.servers.appointments).toEqual({ status: "healthy", message: null });
  });

  it("shows the state of each of the company's own circuit breakers", async () => {
    const closed = (await call("dashboard.operations", staff)).data as OperationsStatus;
    expect(closed.circuits).toEqual([
      { service: "calcom", state: "closed" },
      { service: "retell", state: "closed" },
      { service: "external_api", state: "closed" },
      { service: "sms", state: "closed" },
    ]);

    configureResilience("retell", { failureThreshold: 1, maxAttempts: 1 });
    const failing = () => Promise.reject(new UpstreamHttpError(503, new Headers()));
    await expect(runResilient("retell", failing, { idempotent: true, scope: demoId })).rejects.toMatchObject({ code: 1005 });
    const open = (await call("dashboard.operations", staff)).data as OperationsStatus;
    expect(open.circuits).toContainEqual({ service: "retell", state: "open" });
    const otherCompany = (await call("dashboard.operations", otherAdmin)).data as OperationsStatus;
    expect(otherCompany.circuits).toContainEqual({ service: "retell", state: "closed" });
  });

  it("reports the company's failed and long-waiting background jobs for the overview's Warteschlange", async () => {
    const before = (await call("dashboard.operations", staff)).data as OperationsStatus;
    const job = await testDb.prisma.outboxJob.create({ data: { companyId: demoId, kind: "message.send", payload: {}, state: "failed", lastError: "x" } });
    try {
      const after = (await call("dashboard.operations", staff)).data as OperationsStatus;
      expect(after.queue.failed).toBe(before.queue.failed + 1);
      expect(((await call("dashboard.operations", otherAdmin)).data as OperationsStatus).queue.failed).toBe(0);
    } finally {
      await testDb.prisma.outboxJob.delete({ where: { id: job.id } });
    }
  });

  it("counts the company's calls through the service layer and their failures over the last hour", async () => {
    resetCallWindow();
    await call("queue.stats", staff);
    await call("queue.list", staff, {});
    await call("queue.retry", staff, { job_id: "x" }, true); // refused to staff: a refusal, not a failure
    const lost = vi.spyOn(testDb.prisma.outboxJob, "groupBy").mockRejectedValueOnce(new Error("connection lost"));
    await call("queue.stats", staff).catch(() => undefined); // the database fails: a failure
    lost.mockRestore();
    await call("queue.stats", otherAdmin); // another company's call

    const { errorRate } = (await call("dashboard.operations", staff)).data as OperationsStatus;
    expect(errorRate).toMatchObject({ total: 4, failed: 1, sinceProcessStart: true });
    expect(errorRate.rate).toBeCloseTo(1 / 4);
    expect(((await call("dashboard.operations", otherAdmin)).data as OperationsStatus).errorRate).toMatchObject({ total: 1, failed: 0, rate: 0 });
  });
});
