import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import * as queue from "@/server/services/queue/schemas";
import { seedDemo } from "@/server/seed/demo";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";
import { methodMutation, methodQuery } from "./method-procedure";
import { appRouter } from "./root";

let testDb: TestDb;
let admin: Session;
let staff: Session;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation });

beforeAll(async () => {
  testDb = await createTestDb();
  const companyId = await seedDemo(testDb.prisma, { now: new Date("2026-03-10T08:00:00Z") });
  ({ admin, staff } = await sessionsOf(testDb.prisma, companyId));
});

afterAll(async () => {
  await testDb?.close();
});

describe("tRPC bridge to the service layer", () => {
  it("answers a read with the method's result for the session's company", async () => {
    const res = await call("queue.stats", staff);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ pending: expect.any(Number), failed: expect.any(Number) });
  });

  it("applies the method's role rule: a write is refused to staff with the service's German message", async () => {
    const res = await call("queue.retry", staff, { job_id: "job_x" }, true);
    expect(res.status).toBe(403);
    expect(res.error).toMatchObject({ message: "Für diese Aktion fehlt Ihnen die Berechtigung.", data: { appError: { code: 3006 } } });
  });

  it("answers invalid params with 400, German issues and their paths, validated by the method's schema", async () => {
    const res = await call("queue.retry", admin, { job_id: "" }, true);
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe("Die Eingaben sind ungültig.");
    expect(res.error?.data.issues).toEqual([{ path: "job_id", message: expect.stringMatching(/Zu klein/) }]);
  });

  it("passes domain errors on with their code: an unknown job is 404", async () => {
    const res = await call("queue.retry", admin, { job_id: "job_unknown" }, true);
    expect(res.status).toBe(404);
    expect(res.error?.data.appError).toMatchObject({ code: expect.any(Number) });
  });

  it("refuses a company_id of another company in the input", async () => {
    const res = await call("queue.list", admin, { company_id: "another-company" });
    expect(res.status).toBe(403);
  });

  it("refuses at definition time a procedure whose method is unknown, of the other kind or with other params", () => {
    expect(() => methodQuery("queue.nothing", queue.listParams, queue.listResult)).toThrow(/not registered/);
    expect(() => methodQuery("queue.retry", queue.retryParams, queue.retryResult)).toThrow(/is a write/);
    expect(() => methodMutation("queue.list", queue.listParams, queue.listResult)).toThrow(/is a read/);
    expect(() => methodQuery("queue.list", z.object({}), queue.listResult)).toThrow(/another params schema/);
  });
});
