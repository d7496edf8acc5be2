/** Warteschlange through tRPC: everyone reads, retry and cancel follow the methods' roles, companies stay apart. */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { JobDto } from "@/server/services/queue/schemas";
import { seedDemo } from "@/server/seed/demo";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

const NOW = new Date("2026-03-10T08:00:00Z");

let testDb: TestDb;
let admin: Session;
let staff: Session;
let otherAdmin: Session;
const jobs: Record<"pending" | "failed" | "done", string> = { pending: "", failed: "", done: "" };

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation, now: () => NOW });

beforeAll(async () => {
  testDb = await createTestDb();
  const demoId = await seedDemo(testDb.prisma, { now: NOW });
  ({ admin, staff } = await sessionsOf(testDb.prisma, demoId));
  const otherId = await seedOtherDemoCompany(testDb.prisma, { now: NOW });
  otherAdmin = (await sessionsOf(testDb.prisma, otherId)).admin;

  const payload = { channel: "email", to: "maria@example.de", subject: "Terminbestätigung", text: "…" };
  for (const state of ["pending", "failed", "done"] as const) {
    const job = await testDb.prisma.outboxJob.create({
      data: { companyId: demoId, kind: "notification.send", payload, state, attempts: state === "failed" ? 5 : 0, lastError: state === "failed" ? "SMTP 550" : null, runAt: new Date(NOW.getTime() - 60_000) },
    });
    jobs[state] = job.id;
  }
  await testDb.prisma.outboxJob.create({ data: { companyId: otherId, kind: "notification.send", payload, state: "failed" } });
});

beforeEach(() => setCache(new MemoryCache()));

afterAll(async () => {
  await testDb?.close();
});

describe("Warteschlange", () => {
  it("shows staff the company's counts and jobs by state", async () => {
    expect((await call("queue.stats", staff)).data).toEqual({ pending: 1, processing: 0, done: 1, failed: 1, cancelled: 0, oldest_pending_seconds: 60 });
    const failed = (await call("queue.list", staff, { state: "failed" })).data as { jobs: JobDto[]; total: number };
    expect(failed.total).toBe(1);
    expect(failed.jobs[0]).toMatchObject({ id: jobs.failed, attempts: 5, last_error: "SMTP 550", summary: "E-Mail an maria@example.de: Terminbestätigung" });
  });

  it("refuses retry and cancel to staff and leaves the jobs alone", async () => {
    expect((await call("queue.retry", staff, { job_id: jobs.failed }, true)).status).toBe(403);
    expect((await call("queue.cancel", staff, { job_id: jobs.pending }, true)).status).toBe(403);
    expect((await call("queue.stats", staff)).data).toMatchObject({ pending: 1, failed: 1, cancelled: 0 });
  });

  it("lets admins cancel a waiting job and retry a failed one; a finished job is a conflict", async () => {
    expect((await call("queue.cancel", admin, { job_id: jobs.pending }, true)).data).toMatchObject({ job: { state: "cancelled" } });
    expect((await call("queue.retry", admin, { job_id: jobs.failed }, true)).data).toMatchObject({ job: { state: "pending", attempts: 0 } });
    const done = await call("queue.cancel", admin, { job_id: jobs.done }, true);
    expect(done.status).toBe(409);
    expect(done.error?.message).toBe("Nur wartende Aufträge können abgebrochen werden.");
  });

  it("keeps companies apart", async () => {
    expect((await call("queue.list", otherAdmin, {})).data).toMatchObject({ total: 1 });
    expect((await call("queue.retry", otherAdmin, { job_id: jobs.done }, true)).status).toBe(404);
    expect((await call("queue.cancel", otherAdmin, { job_id: jobs.failed }, true)).status).toBe(404);
    expect((await call("queue.list", admin, { state: "failed" })).data).toMatchObject({ total: 0 });
  });
});
