import type { AnyRouter } from "@trpc/server";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { AppError, ErrorCodes, type ErrorCode } from "@/server/core/errors";
import { seedDemo } from "@/server/seed/demo";
import { callTrpc, sessionFor } from "@/server/testing/trpc";
import { INTERNAL_ERROR_MESSAGE } from "./errors";
import { appRouter } from "./root";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure } from "./trpc";

const NOW = new Date("2026-03-10T08:00:00Z");

let testDb: TestDb;
let admin: Session;
let staff: Session;

/** One request through tRPC's fetch adapter, exactly as the route handler serves it. */
function call(router: AnyRouter, path: string, session: Session | null, input?: unknown) {
  return callTrpc(router, path, session, input, { db: testDb.prisma, now: () => NOW });
}

beforeAll(async () => {
  testDb = await createTestDb();
  const companyId = await seedDemo(testDb.prisma, { now: NOW });
  const users = await testDb.prisma.user.findMany({ orderBy: { role: "asc" } });
  admin = sessionFor(users.find((u) => u.role === "admin")!, companyId);
  staff = sessionFor(users.find((u) => u.role === "staff")!, companyId);
});

afterAll(async () => {
  await testDb?.close();
});

describe("dashboard router over HTTP", () => {
  it("answers the overview for the session's company", async () => {
    const { status, data } = await call(appRouter, "dashboard.overview", staff);
    expect(status).toBe(200);
    expect(data).toMatchObject({
      today: { date: "10.03.2026", weekday: "Dienstag" },
      counts: { appointmentsToday: 0, upcomingAppointments: 9, customers: 6, callsToday: 0, callsTotal: 0 },
    });
    expect((data as { nextAppointments: unknown[] }).nextAppointments).toHaveLength(5);
  });

  it("refuses a request without session with 401 and a German message", async () => {
    const { status, error } = await call(appRouter, "dashboard.overview", null);
    expect(status).toBe(401);
    expect(error).toMatchObject({ message: "Bitte melden Sie sich an.", data: { code: "UNAUTHORIZED" } });
  });

  it("maps the service's FORBIDDEN AppError for staff to 403 with its message and code", async () => {
    const { status, error } = await call(appRouter, "dashboard.sectionFigures", staff, { section: "api-tokens" });
    expect(status).toBe(403);
    expect(error).toMatchObject({
      message: "Keine Berechtigung für diesen Bereich.",
      data: { code: "FORBIDDEN", appError: { code: 3006, type: "Forbidden", retryAfter: null } },
    });
    const asAdmin = await call(appRouter, "dashboard.sectionFigures", admin, { section: "api-tokens" });
    expect(asAdmin).toMatchObject({ status: 200, data: { primary: 0, secondary: 0 } });
  });

  it("answers invalid input with 400, a German message and the zod field errors", async () => {
    const { status, error } = await call(appRouter, "dashboard.sectionFigures", admin, { section: "geheim" });
    expect(status).toBe(400);
    expect(error?.message).toBe("Die Eingaben sind ungültig.");
    expect(error?.data.zodError).toMatchObject({ fieldErrors: { section: [expect.any(String)] } });
  });
});

describe("error mapping", () => {
  const thrower = (code: ErrorCode, message: string, retryAfter?: number) =>
    publicProcedure.query(() => {
      throw new AppError(code, message, { retryAfter });
    });
  const router = createTRPCRouter({
    notFound: thrower(ErrorCodes.NOT_FOUND, "Der Termin wurde nicht gefunden."),
    forbidden: thrower(ErrorCodes.FORBIDDEN, "Keine Berechtigung."),
    invalidDate: thrower(ErrorCodes.INVALID_DATE, "Das Datum ist ungültig."),
    tooLate: thrower(ErrorCodes.TOO_LATE_TO_MODIFY, "Zu spät für eine Änderung."),
    rateLimited: thrower(ErrorCodes.RATE_LIMITED, "Zu viele Anfragen.", 42),
    retellDown: thrower(ErrorCodes.RETELL_UNAVAILABLE, "Retell ist gerade nicht erreichbar."),
    crash: publicProcedure.query(() => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2");
    }),
    adminOnly: adminProcedure.query(() => "geheim"),
    whoAmI: protectedProcedure.query(({ ctx }) => ({ actor: ctx.service.actor, company: ctx.service.companyId, cid: ctx.service.correlationId })),
  });

  it.each([
    ["notFound", 404, "NOT_FOUND", "Der Termin wurde nicht gefunden."],
    ["forbidden", 403, "FORBIDDEN", "Keine Berechtigung."],
    ["invalidDate", 400, "BAD_REQUEST", "Das Datum ist ungültig."],
    ["tooLate", 400, "BAD_REQUEST", "Zu spät für eine Änderung."],
    ["rateLimited", 429, "TOO_MANY_REQUESTS", "Zu viele Anfragen."],
    ["retellDown", 503, "SERVICE_UNAVAILABLE", "Retell ist gerade nicht erreichbar."],
  ])("%s → %i %s", async (path, status, code, message) => {
    const res = await call(router, path, admin);
    expect(res.status).toBe(status);
    expect(res.error).toMatchObject({ message, data: { code } });
  });

  it("passes retryAfter of a rate limit on", async () => {
    const res = await call(router, "rateLimited", admin);
    expect(res.error?.data.appError).toEqual({ code: 3008, type: "RateLimited", retryAfter: 42 });
  });

  it("hides unexpected errors behind a generic German message without stack", async () => {
    const res = await call(router, "crash", admin);
    expect(res.status).toBe(500);
    expect(res.error?.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(JSON.stringify(res.error)).not.toMatch(/hunter2|ECONNREFUSED|stack|at /);
  });

  it("lets admins through adminProcedure and refuses staff", async () => {
    expect(await call(router, "adminOnly", admin)).toMatchObject({ status: 200, data: "geheim" });
    expect(await call(router, "adminOnly", staff)).toMatchObject({ status: 403, error: { message: "Keine Berechtigung." } });
  });

  it("builds the ServiceContext from the session: user actor with the name for the audit log, company, request correlation id", async () => {
    const res = await call(router, "whoAmI", staff);
    expect(res.data).toEqual({
      actor: { type: "user", id: staff.user.id, role: "staff", name: staff.user.name },
      company: staff.user.companyId,
      cid: "test-correlation-1",
    });
  });
});
