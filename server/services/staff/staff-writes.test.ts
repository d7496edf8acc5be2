/** staff.create / staff.update through the JSON-RPC gateway: services per branch, working hours, tenants, slot engine. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ErrorCodes } from "@/server/core/errors";
import { issuesOf, startRpcGateway, type RpcTestClient } from "@/server/testing/rpc-test-client";
import type { ServiceDto } from "@/server/services/service/schemas";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createDemoTenant, createOtherCompany, type Tenant } from "@/server/testing/tenants";
import type { StaffDto } from "./schemas";

const NOW = new Date("2026-03-02T06:00:00Z"); // Monday, 07:00 in Berlin
const SUNDAY = "2026-03-15"; // not the 8th: Frauentag is a holiday in Berlin
let db: TestDb;
let demo: Tenant;
let other: Tenant;
let rpc: RpcTestClient;
let services: Record<string, string>;
let prenzlbergId: string;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
  other = await createOtherCompany(db.prisma);
  rpc = await startRpcGateway(db.prisma, () => NOW);
  const rows = await db.prisma.service.findMany({ where: { companyId: demo.companyId } });
  services = Object.fromEntries(rows.map((s) => [s.name, s.id]));
  prenzlbergId = (await db.prisma.branch.findFirstOrThrow({ where: { companyId: demo.companyId, name: { contains: "Prenzlauer" } } })).id;
});
afterAll(async () => {
  await rpc.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
});

type One = { staff: StaffDto };
const staffList = async (params: object = {}) => (await rpc.call<{ staff: StaffDto[] }>(demo.token, "staff.list", params)).result!;

describe("staff.create", () => {
  it("creates a person with services and hours; staff and service lists show it at once", async () => {
    await staffList({ branch_id: demo.branchId });
    expect((await staffList({ branch_id: demo.branchId })).metadata.cached).toBe(true);
    await rpc.call(demo.token, "service.list", {});

    const res = await rpc.call<One>(demo.token, "staff.create", {
      name: "Mira Neumann",
      email: "mira@salon-demo.de",
      branch_id: demo.branchId,
      service_ids: [services["Bartpflege"], services["Bartpflege"], services["Herrenhaarschnitt"]],
      working_hours: { "1": [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "16:00" }], "0": [] },
    });
    const created = res.result!.data.staff;
    expect(created).toMatchObject({
      name: "Mira Neumann",
      email: "mira@salon-demo.de",
      branch_id: demo.branchId,
      working_hours: { "1": [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "16:00" }] },
      is_active: true,
    });
    expect(created.service_ids.sort()).toEqual([services["Bartpflege"], services["Herrenhaarschnitt"]].sort());

    const listed = await staffList({ branch_id: demo.branchId });
    expect(listed.metadata.cached).toBe(false);
    expect(listed.data.staff.map((s) => s.name)).toContain("Mira Neumann");
    const bart = (await rpc.call<{ services: ServiceDto[] }>(demo.token, "service.list", {})).result!;
    expect(bart.metadata.cached).toBe(false);
    expect(bart.data.services.find((s) => s.name === "Bartpflege")?.staff_ids).toContain(created.id);
  });

  it("answers invalid fields and overlapping hours with German messages and stores nothing", async () => {
    const before = await db.prisma.staff.count();
    const res = await rpc.call(demo.token, "staff.create", {
      name: "",
      email: "mira@",
      branch_id: "",
      working_hours: { "2": [{ start: "09:00", end: "09:00" }], "3": [{ start: "09:00", end: "17:00" }, { start: "16:00", end: "18:00" }] },
    });
    expect(issuesOf(res)).toEqual({
      name: "Bitte einen Namen angeben.",
      email: "Bitte eine gültige E-Mail-Adresse angeben.",
      branch_id: "Bitte eine Filiale auswählen.",
      "working_hours.2.0.end": "Das Ende muss nach dem Beginn liegen.",
      "working_hours.3.1.start": "Überschneidet sich mit 09:00–17:00 Uhr.",
    });
    expect(await db.prisma.staff.count()).toBe(before);
  });

  it("refuses a service that is offered only in another branch", async () => {
    const limited = await db.prisma.service.create({ data: { companyId: demo.companyId, branchId: prenzlbergId, name: "Nur Prenzlauer Berg", durationMinutes: 30 } });
    const res = await rpc.call(demo.token, "staff.create", { name: "Ole", branch_id: demo.branchId, service_ids: [limited.id] });
    expect(issuesOf(res)).toEqual({ service_ids: "„Nur Prenzlauer Berg“ wird nur in der Filiale Salon Schönschnitt Prenzlauer Berg angeboten." });
  });

  it("refuses another company's branch and services", async () => {
    const otherService = await db.prisma.service.create({ data: { companyId: other.companyId, name: "Rasur", durationMinutes: 20 } });
    expect((await rpc.call(demo.token, "staff.create", { name: "Ole", branch_id: other.branchId })).error).toMatchObject({
      code: ErrorCodes.NOT_FOUND,
      message: "Die Filiale wurde nicht gefunden.",
    });
    expect((await rpc.call(demo.token, "staff.create", { name: "Ole", branch_id: demo.branchId, service_ids: [otherService.id] })).error).toMatchObject({
      code: ErrorCodes.NOT_FOUND,
      message: "Eine gewählte Leistung wurde nicht gefunden.",
    });
    expect(await db.prisma.staff.count({ where: { name: "Ole" } })).toBe(0);
  });
});

describe("staff.update", () => {
  it("new working hours and services reach the slot engine", async () => {
    const bart = services["Bartpflege"]!;
    const create = await rpc.call<One>(demo.token, "staff.create", { name: "Sonntagskraft", branch_id: demo.branchId, service_ids: [services["Färben"]] });
    const person = create.result!.data.staff;
    // The branch opens on Sundays, but nobody works then.
    await rpc.call(demo.token, "branch.update", { branch_id: demo.branchId, business_hours: { weekly: { "0": [{ open: "10:00", close: "14:00" }] } } });
    const sundaySlots = async () =>
      (
        await rpc.call<{ available_slots: Array<{ staff_ids: string[] }> }>(demo.token, "calcom.checkAvailability", {
          service_id: bart,
          branch_id: demo.branchId,
          date_from: SUNDAY,
          date_to: SUNDAY,
        })
      ).result!.data.available_slots;
    expect(await sundaySlots()).toEqual([]);

    const updated = await rpc.call<One>(demo.token, "staff.update", {
      staff_id: person.id,
      service_ids: [bart],
      working_hours: { "0": [{ start: "10:00", end: "12:00" }] },
    });
    expect(updated.result?.data.staff).toMatchObject({ name: "Sonntagskraft", service_ids: [bart], working_hours: { "0": [{ start: "10:00", end: "12:00" }] } });
    const slots = await sundaySlots();
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.staff_ids.includes(person.id))).toBe(true);

    await rpc.call(demo.token, "staff.update", { staff_id: person.id, is_active: false });
    expect(await sundaySlots()).toEqual([]);
    expect((await staffList()).data.staff.some((s) => s.id === person.id)).toBe(false);
    expect((await staffList({ include_inactive: true })).data.staff.find((s) => s.id === person.id)?.is_active).toBe(false);
  });

  it("moving a person to another branch re-checks the services they keep", async () => {
    const limited = await db.prisma.service.create({ data: { companyId: demo.companyId, branchId: demo.branchId, name: "Nur Mitte", durationMinutes: 30 } });
    const person = (await rpc.call<One>(demo.token, "staff.create", { name: "Wechsler", branch_id: demo.branchId, service_ids: [limited.id] })).result!.data.staff;
    const moved = await rpc.call(demo.token, "staff.update", { staff_id: person.id, branch_id: prenzlbergId });
    expect(issuesOf(moved)).toEqual({ service_ids: "„Nur Mitte“ wird nur in der Filiale Salon Schönschnitt Mitte angeboten." });
    const ok = await rpc.call<One>(demo.token, "staff.update", { staff_id: person.id, branch_id: prenzlbergId, service_ids: [] });
    expect(ok.result?.data.staff).toMatchObject({ branch_id: prenzlbergId, service_ids: [] });
  });

  it("answers another company's person with 404 and leaves them untouched", async () => {
    const anna = (await db.prisma.staff.findFirstOrThrow({ where: { companyId: demo.companyId, name: "Anna Becker" } })).id;
    const res = await rpc.call(other.token, "staff.update", { staff_id: anna, name: "Übernommen" });
    expect(res.error).toMatchObject({ code: ErrorCodes.NOT_FOUND, message: "Die Person wurde nicht gefunden." });
    expect((await db.prisma.staff.findUniqueOrThrow({ where: { id: anna } })).name).toBe("Anna Becker");
  });
});

describe("absences", () => {
  it("a holiday blocks the person's slots until it is removed; another company can neither see nor touch it", async () => {
    // Prenzlauer Berg: the tests above changed the hours of Mitte.
    const sophie = (await db.prisma.staff.findFirstOrThrow({ where: { companyId: demo.companyId, name: "Sophie Hoffmann" } })).id;
    const day = "2026-03-11"; // a Wednesday
    const sophiesSlots = async () =>
      (
        await rpc.call<{ available_slots: unknown[] }>(demo.token, "calcom.checkAvailability", {
          service_id: services["Färben"],
          branch_id: prenzlbergId,
          staff_id: sophie,
          date_from: day,
          date_to: day,
        })
      ).result!.data.available_slots.length;
    expect(await sophiesSlots()).toBeGreaterThan(0);

    const wrong = await rpc.call(demo.token, "staff.addAbsence", { staff_id: sophie, from_date: day, to_date: "2026-03-10" });
    expect(issuesOf(wrong)).toEqual({ to_date: "Das Ende muss nach dem Beginn liegen." });
    expect((await rpc.call(other.token, "staff.addAbsence", { staff_id: sophie, from_date: day, to_date: day })).error).toMatchObject({
      code: ErrorCodes.NOT_FOUND,
    });

    const added = await rpc.call<{ absence: { id: string; starts_at: string; ends_at: string } }>(demo.token, "staff.addAbsence", {
      staff_id: sophie,
      from_date: day,
      to_date: day,
      reason: "Urlaub",
    });
    // Whole days in Berlin (UTC+1 in March).
    expect(added.result?.data.absence).toMatchObject({ starts_at: "2026-03-10T23:00:00.000Z", ends_at: "2026-03-11T23:00:00.000Z" });
    expect(await sophiesSlots()).toBe(0);
    const listed = await rpc.call<{ absences: Array<{ id: string; reason: string }> }>(demo.token, "staff.listAbsences", { staff_id: sophie });
    expect(listed.result?.data.absences).toEqual([expect.objectContaining({ id: added.result!.data.absence.id, reason: "Urlaub" })]);
    expect((await rpc.call<{ absences: unknown[] }>(other.token, "staff.listAbsences", {})).result?.data.absences).toEqual([]);

    const id = added.result!.data.absence.id;
    expect((await rpc.call(other.token, "staff.removeAbsence", { absence_id: id })).error).toMatchObject({ code: ErrorCodes.NOT_FOUND });
    expect((await rpc.call(demo.token, "staff.removeAbsence", { absence_id: id })).result?.data).toEqual({ removed: true });
    expect(await sophiesSlots()).toBeGreaterThan(0);
  });
});
