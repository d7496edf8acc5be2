/**
 * The cached company data (company-data.ts) is read once and then served from the cache, and
 * every write of the data it holds, through the servers that make them, drops it at once.
 */
import "@/server/composition";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { checkAvailability } from "@/server/services/appointments/service";
import { FIXED_NOW, seededTestDb, testContext } from "@/server/testing/retell";
import { companyData } from "./company-data";

let db: Awaited<ReturnType<typeof seededTestDb>>;
const MONDAY = "2026-03-16";

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(() => db.close());

const admin = { type: "user" as const, id: null, role: "admin" as const };
const write = (name: string, params: Record<string, unknown>) =>
  callMethod(name, params, { companyId: db.companyId, actor: admin, correlationId: "company-data-test", db: db.prisma, now: () => FIXED_NOW });
const data = async () => (await companyData(db.prisma, db.companyId))!;

describe("company data", () => {
  it("holds the active branches, services (by name) and staff with their services and hours", async () => {
    const d = await data();
    expect(d.name).toBe("Salon Schönschnitt");
    expect(d.calendar).toBe("local");
    expect(d.settings.slotIntervalMinutes).toBe(15);
    expect(d.branches.map((b) => b.name)).toEqual(["Salon Schönschnitt Mitte", "Salon Schönschnitt Prenzlauer Berg"]);
    expect(d.services.map((s) => s.name)).toEqual(["Bartpflege", "Damenhaarschnitt", "Färben", "Herrenhaarschnitt"]);
    const anna = d.staff.find((s) => s.name === "Anna Becker")!;
    expect(anna.serviceIds.sort()).toEqual(d.services.filter((s) => ["Damenhaarschnitt", "Färben"].includes(s.name)).map((s) => s.id).sort());
    expect(anna.workingHours).toMatchObject({ 1: [{ start: "09:00", end: "17:00" }] });
  });

  it("is served from the cache: a change behind the servers' back is not seen", async () => {
    await data();
    await db.prisma.company.update({ where: { id: db.companyId }, data: { name: "Unbemerkt" } });
    expect((await data()).name).toBe("Salon Schönschnitt");
    await write("company.update", { name: "Salon Schönschnitt" });
    expect((await data()).name).toBe("Salon Schönschnitt");
  });

  it("is dropped by every write of a service, staff member, branch, the settings and the calendar connection", async () => {
    const before = await data();
    const damen = before.services.find((s) => s.name === "Damenhaarschnitt")!;
    const leonie = before.staff.find((s) => s.name === "Leonie Schmidt")!;
    const mitte = before.branches[0];

    await write("service.update", { service_id: damen.id, duration_minutes: 50 });
    expect((await data()).services.find((s) => s.id === damen.id)?.durationMinutes).toBe(50);

    await write("staff.update", { staff_id: leonie.id, is_active: false });
    expect((await data()).staff.map((s) => s.id)).not.toContain(leonie.id);

    await write("branch.update", { branch_id: mitte.id, name: "Mitte neu" });
    expect((await data()).branches[0].name).toBe("Mitte neu");

    await write("company.updateSettings", { settings: { slotIntervalMinutes: 30 } });
    expect((await data()).settings.slotIntervalMinutes).toBe(30);

    await write("calcom.updateConnection", { provider: "calcom", api_key: "cal_live_12345678" });
    expect((await data()).calendar).toBe("calcom");
    await write("calcom.updateConnection", { provider: "local" });
    expect((await data()).calendar).toBe("local");
  });

  it("never holds absences: a new one is seen by the next availability answer", async () => {
    const d = await data();
    const jonas = d.staff.find((s) => s.name === "Jonas Wagner")!;
    const herren = d.services.find((s) => s.name === "Herrenhaarschnitt")!;
    const ctx = testContext(db.prisma, db.companyId);
    const ask = () => checkAvailability(ctx, { branch_id: jonas.branchId, service_id: herren.id, date: MONDAY, staff_id: jonas.id });
    expect((await ask()).available).toBe(true);
    await write("staff.addAbsence", { staff_id: jonas.id, from_date: MONDAY, to_date: MONDAY });
    expect(await ask()).toMatchObject({ available: false, slots: [] });
  });
});
