/** Einstellungen through tRPC: admins change company, branches, services, staff and calendar; staff are refused; companies stay apart. */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { Branch } from "@/server/services/branch/schemas";
import type { StaffDto } from "@/server/services/staff/schemas";
import { seedDemo } from "@/server/seed/demo";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

const NOW = new Date("2026-03-10T08:00:00Z");
let testDb: TestDb;
let admin: Session;
let staff: Session;
let otherAdmin: Session;
let mitteId: string;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation, now: () => NOW });

beforeAll(async () => {
  testDb = await createTestDb();
  const demoId = await seedDemo(testDb.prisma, { now: NOW });
  ({ admin, staff } = await sessionsOf(testDb.prisma, demoId));
  otherAdmin = (await sessionsOf(testDb.prisma, await seedOtherDemoCompany(testDb.prisma))).admin;
  mitteId = (await testDb.prisma.branch.findFirstOrThrow({ where: { companyId: demoId, name: "Salon Schönschnitt Mitte" } })).id;
});
beforeEach(() => setCache(new MemoryCache()));
afterAll(async () => {
  await testDb?.close();
});

describe("Einstellungen", () => {
  it("lets admins rename the company and change booking rules; the company read shows both", async () => {
    expect((await call("company.update", admin, { name: "Salon Schönschnitt GmbH" }, true)).data).toMatchObject({ name: "Salon Schönschnitt GmbH" });
    const rules = await call("company.updateSettings", admin, { settings: { slotIntervalMinutes: 30, contactEmail: "info@salon-demo.de", refundPolicy: "Kostenlos bis 24 Stunden vorher." } }, true);
    expect(rules.data).toMatchObject({ settings: { slotIntervalMinutes: 30, contactEmail: "info@salon-demo.de", minimumNoticeMinutes: 60 } });
    expect((await call("company.get", admin, {})).data).toMatchObject({
      name: "Salon Schönschnitt GmbH",
      settings: { slotIntervalMinutes: 30, refundPolicy: "Kostenlos bis 24 Stunden vorher." },
    });
    await call("company.update", admin, { name: "Salon Schönschnitt" }, true);
  });

  it("hands field errors to the form in German", async () => {
    const rules = await call("company.updateSettings", admin, { settings: { slotIntervalMinutes: 2, contactEmail: "info@" } }, true);
    expect(rules.status).toBe(400);
    expect(rules.error?.data.issues).toEqual([
      { path: "settings.slotIntervalMinutes", message: expect.stringMatching(/5/) },
      { path: "settings.contactEmail", message: expect.stringMatching(/E-Mail/) },
    ]);
    const hours = await call(
      "branch.update",
      admin,
      { branch_id: mitteId, business_hours: { weekly: { "6": [{ open: "14:00", close: "09:00" }] } } },
      true,
    );
    expect(hours.status).toBe(400);
    expect(hours.error?.data.issues).toEqual([{ path: "business_hours.weekly.6.0.close", message: "Das Ende muss nach dem Beginn liegen." }]);
    const branch = (await call("branch.list", admin, {})).data as { branches: Branch[] };
    expect(branch.branches.find((b) => b.id === mitteId)?.business_hours.weekly["6"]).toEqual([{ open: "09:00", close: "14:00" }]);
  });

  it("lets staff read the lists but refuses every write", async () => {
    expect((await call("branch.list", staff, {})).status).toBe(200);
    expect((await call("service.list", staff, {})).status).toBe(200);
    expect((await call("staff.list", staff, { branch_id: mitteId })).status).toBe(200);
    const writes: Array<[string, unknown]> = [
      ["company.update", { name: "X" }],
      ["company.updateSettings", { settings: { slotIntervalMinutes: 30 } }],
      ["branch.create", { name: "X" }],
      ["branch.update", { branch_id: mitteId, name: "X" }],
      ["service.create", { name: "X", duration_minutes: 30 }],
      ["staff.create", { name: "X", branch_id: mitteId }],
      ["staff.addAbsence", { staff_id: "x", from_date: "2026-04-01", to_date: "2026-04-01" }],
      ["staff.removeAbsence", { absence_id: "x" }],
      ["calcom.updateConnection", { provider: "local" }],
      ["calcom.testConnection", {}],
    ];
    for (const [path, input] of writes) {
      const res = await call(path, staff, input, true);
      expect(res.status, path).toBe(403);
      expect(res.error?.message).toBe("Für diese Aktion fehlt Ihnen die Berechtigung.");
    }
    // The calendar connection names Cal.com's URL and key: admins only, like every read behind this admin page.
    expect((await call("calcom.getConnection", staff, {})).status).toBe(403);
    expect((await call("company.get", staff, {})).status).toBe(403);
    expect(await testDb.prisma.branch.count({ where: { name: "X" } })).toBe(0);
  });

  it("keeps companies apart", async () => {
    const anna = (await testDb.prisma.staff.findFirstOrThrow({ where: { name: "Anna Becker" } })).id;
    expect((await call("branch.update", otherAdmin, { branch_id: mitteId, name: "Park" }, true)).status).toBe(404);
    expect((await call("staff.update", otherAdmin, { staff_id: anna, is_active: false }, true)).status).toBe(404);
    const otherStaff = (await call("staff.list", otherAdmin, { branch_id: mitteId })).data as { staff: StaffDto[] };
    expect(otherStaff.staff).toEqual([]);
    const names = ((await call("branch.list", otherAdmin, {})).data as { branches: Branch[] }).branches.map((b) => b.name);
    expect(names).toEqual(["Physiotherapie am Park"]);
  });

  it("creates a service and a person offering it", async () => {
    const created = await call("service.create", admin, { name: "Augenbrauen", duration_minutes: 15, price_cents: 1200 }, true);
    const serviceId = (created.data as { service: { id: string } }).service.id;
    const person = await call(
      "staff.create",
      admin,
      { name: "Nora Klein", email: "", branch_id: mitteId, service_ids: [serviceId], working_hours: { "2": [{ start: "09:00", end: "15:00" }] } },
      true,
    );
    expect(person.data).toMatchObject({ staff: { name: "Nora Klein", email: null, service_ids: [serviceId] } });
    const listed = (await call("staff.list", admin, { branch_id: mitteId })).data as { staff: StaffDto[] };
    expect(listed.staff.map((s) => s.name)).toContain("Nora Klein");
  });

  it("tests the built-in calendar, keeps a Cal.com key write-only and reports an unreachable Cal.com quickly in German", async () => {
    const local = await call("calcom.testConnection", admin, {}, true);
    expect(local.data).toMatchObject({ provider: "local", ok: true, message: "Der eingebaute Kalender ist aktiv." });

    const key = "cal_live_0123456789abcdef";
    const switched = await call("calcom.updateConnection", admin, { provider: "calcom", base_url: "http://127.0.0.1:9/v2", api_key: key }, true);
    expect(switched.status).toBe(200);
    expect(JSON.stringify(switched.data)).not.toContain(key);
    const read = await call("calcom.getConnection", admin, {});
    expect(JSON.stringify(read.data)).not.toContain(key);
    expect(read.data).toMatchObject({ connection: { provider: "calcom", base_url: "http://127.0.0.1:9/v2", api_key: "cal_••••••••cdef" } });

    const started = Date.now();
    const unreachable = await call("calcom.testConnection", admin, {}, true);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(unreachable.data).toMatchObject({ provider: "calcom", ok: false, message: expect.stringMatching(/nicht erreichbar/) });
    expect((await call("calcom.getConnection", admin, {})).data).toMatchObject({ connection: { last_test_status: "failed" } });

    await call("calcom.updateConnection", admin, { provider: "local" }, true);
    expect((await call("calcom.testConnection", admin, {}, true)).data).toMatchObject({ provider: "local", ok: true });
  }, 30_000);
});
