/**
 * Reads behind admin-only pages are admin-only, through tRPC as through the service layer;
 * listing the functions writes nothing.
 */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { callMethod } from "@/server/core/dispatch";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { seedDemo } from "@/server/seed/demo";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

const NOW = new Date("2026-03-10T08:00:00Z");
let testDb: TestDb;
let demoId: string;
let staff: Session;
let otherId: string;
let otherAdmin: Session;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation, now: () => NOW });

beforeAll(async () => {
  testDb = await createTestDb();
  demoId = await seedDemo(testDb.prisma, { now: NOW });
  ({ staff } = await sessionsOf(testDb.prisma, demoId));
  otherId = await seedOtherDemoCompany(testDb.prisma, { now: NOW });
  otherAdmin = (await sessionsOf(testDb.prisma, otherId)).admin;
});
beforeEach(() => setCache(new MemoryCache()));
afterAll(async () => {
  await testDb?.close();
});

describe("reads behind admin pages", () => {
  it.each([
    ["retell.config.getCustomFunctions", {}],
    ["retell.config.getWebhookConfiguration", {}],
    ["retell.listAgents", {}],
    ["retell.listPhoneNumbers", {}],
    ["retell.getAgentVersions", { agent_id: "agent_x" }],
    ["company.get", {}],
    ["staff.listAbsences", {}],
  ])("refuses staff %s with 403", async (path, input) => {
    const res = await call(path, staff, input);
    expect(res.status).toBe(403);
    expect(res.error?.message).toBe("Für diese Aktion fehlt Ihnen die Berechtigung.");
  });

  it("refuses staff the company settings through the service layer too", async () => {
    const actor = { type: "user" as const, id: staff.user.id, role: "staff" as const };
    for (const method of ["company.getSettings", "company.get", "retell.config.getCustomFunctions", "retell.listAgents"]) {
      await expect(callMethod(method, {}, { companyId: demoId, actor, correlationId: "t", db: testDb.prisma, now: () => NOW }), method).rejects.toMatchObject({
        code: 3006,
      });
    }
  });

  it("lists the functions without writing a row, and the first change stores the built-in", async () => {
    const before = await testDb.prisma.retellCustomFunction.count({ where: { companyId: otherId } });
    const listed = await call("retell.config.getCustomFunctions", otherAdmin, {});
    expect(listed.status).toBe(200);
    const functions = (listed.data as { functions: Array<{ id: string; name: string; type: string; enabled: boolean }> }).functions;
    expect(functions.filter((f) => f.type === "builtin").length).toBeGreaterThan(0);
    expect(await testDb.prisma.retellCustomFunction.count({ where: { companyId: otherId } })).toBe(before);

    const builtin = functions.find((f) => f.type === "builtin" && !functions.some((g) => g !== f && g.name === f.name))!;
    const off = await call("retell.config.updateCustomFunction", otherAdmin, { function_id: builtin.id, updates: { enabled: false } }, true);
    expect(off.status).toBe(200);
    const again = (await call("retell.config.getCustomFunctions", otherAdmin, {})).data as { functions: Array<{ name: string; enabled: boolean }> };
    expect(again.functions.filter((f) => f.name === builtin.name)).toEqual([expect.objectContaining({ enabled: false })]);
  });
});
