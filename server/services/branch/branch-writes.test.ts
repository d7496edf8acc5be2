/** branch.create / branch.update through the JSON-RPC gateway: validation, tenants, and caches that must see new hours. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ErrorCodes } from "@/server/core/errors";
import { issuesOf, startRpcGateway, type RpcTestClient } from "@/server/testing/rpc-test-client";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { resolveBranchFromContext } from "@/server/services/retell-function/resolve-owner";
import { createDemoTenant, createOtherCompany, type Tenant } from "@/server/testing/tenants";
import type { Branch } from "./schemas";

const NOW = new Date("2026-03-02T08:00:00Z"); // a Monday
const SATURDAY = "2026-03-07";
let db: TestDb;
let demo: Tenant;
let other: Tenant;
let rpc: RpcTestClient;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
  other = await createOtherCompany(db.prisma);
  rpc = await startRpcGateway(db.prisma, () => NOW);
});
afterAll(async () => {
  await rpc.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
});

const weekdays = (open: string, close: string) => Object.fromEntries(["1", "2", "3", "4", "5"].map((d) => [d, [{ open, close }]]));

describe("branch.create", () => {
  it("creates a branch with address, state and hours; empty fields become null and closed days are left out", async () => {
    const res = await rpc.call<{ branch: Branch }>(demo.token, "branch.create", {
      name: " Salon Schönschnitt Charlottenburg ",
      street: "Kantstraße 10",
      postal_code: "10623",
      city: "Berlin",
      state: "BE",
      phone: "030 5556677",
      email: "",
      business_hours: { weekly: { ...weekdays("10:00", "19:00"), "6": [] }, breaks: { "1": [{ start: "13:00", end: "13:30" }] } },
    });
    expect(res.result?.data.branch).toMatchObject({
      name: "Salon Schönschnitt Charlottenburg",
      postal_code: "10623",
      state: "BE",
      phone: "+49305556677",
      email: null,
      is_active: true,
      business_hours: { weekly: weekdays("10:00", "19:00"), breaks: { "1": [{ start: "13:00", end: "13:30" }] } },
    });
    const stored = await db.prisma.branch.findUniqueOrThrow({ where: { id: res.result!.data.branch.id } });
    expect(stored.companyId).toBe(demo.companyId);
    expect(stored.businessHours).toEqual({ weekly: weekdays("10:00", "19:00"), breaks: { "1": [{ start: "13:00", end: "13:30" }] } });
  });

  it("answers invalid fields with German messages at their exact path and stores nothing", async () => {
    const before = await db.prisma.branch.count();
    const res = await rpc.call(demo.token, "branch.create", {
      name: " ",
      postal_code: "1011",
      state: "XX",
      phone: "abc",
      email: "kein-at",
      business_hours: {
        weekly: { "1": [{ open: "18:00", close: "09:00" }], "2": [{ open: "09:00", close: "13:00" }, { open: "12:00", close: "18:00" }], "3": [{ open: "9", close: "18:00" }] },
        // Monday's break is not reported: Monday's hours are wrong themselves.
        breaks: { "1": [{ start: "13:00", end: "13:30" }], "2": [{ start: "19:00", end: "19:30" }], "0": [{ start: "12:00", end: "12:30" }] },
      },
    });
    expect(res.error?.code).toBe(-32602);
    expect(issuesOf(res)).toEqual({
      name: "Bitte einen Namen angeben.",
      postal_code: "Bitte eine fünfstellige Postleitzahl angeben.",
      state: "Bitte ein Bundesland auswählen.",
      phone: "Bitte eine gültige Telefonnummer angeben, z. B. 030 1234567.",
      email: "Bitte eine gültige E-Mail-Adresse angeben.",
      "business_hours.weekly.1.0.close": "Das Ende muss nach dem Beginn liegen.",
      "business_hours.weekly.2.1.open": "Überschneidet sich mit 09:00–13:00 Uhr.",
      "business_hours.weekly.3.0.open": "Bitte eine Uhrzeit im Format HH:mm angeben.",
      "business_hours.breaks.2.0.start": "Die Pause liegt außerhalb der Öffnungszeiten.",
      "business_hours.breaks.0.0.start": "An diesem Tag ist geschlossen; bitte die Pause entfernen.",
    });
    expect(await db.prisma.branch.count()).toBe(before);
  });
});

describe("branch.update", () => {
  it("changes only the fields given", async () => {
    const res = await rpc.call<{ branch: Branch }>(demo.token, "branch.update", { branch_id: demo.branchId, phone: "+49 30 1112223" });
    expect(res.result?.data.branch).toMatchObject({ name: "Salon Schönschnitt Mitte", street: "Friedrichstraße 120", phone: "+49301112223" });
    expect(res.result?.data.branch.business_hours.weekly["6"]).toEqual([{ open: "09:00", close: "14:00" }]);
  });

  it("refuses another company's branch with 404 and leaves it untouched", async () => {
    const res = await rpc.call(other.token, "branch.update", { branch_id: demo.branchId, name: "Übernommen" });
    expect(res.error).toMatchObject({ code: ErrorCodes.NOT_FOUND, message: "Die Filiale wurde nicht gefunden." });
    expect((await db.prisma.branch.findUniqueOrThrow({ where: { id: demo.branchId } })).name).toBe("Salon Schönschnitt Mitte");
  });

  it("closing Saturday reaches cached reads, the slot engine and live calls at once", async () => {
    const service = await db.prisma.service.findFirstOrThrow({ where: { companyId: demo.companyId, name: "Herrenhaarschnitt" } });
    const slots = () =>
      rpc.call<{ available_slots: unknown[] }>(demo.token, "calcom.checkAvailability", {
        service_id: service.id,
        branch_id: demo.branchId,
        date_from: SATURDAY,
        date_to: SATURDAY,
      });
    const get = () => rpc.call<Branch>(demo.token, "branch.get", { branch_id: demo.branchId });

    expect((await slots()).result?.data.available_slots.length).toBeGreaterThan(0);
    expect((await get()).result?.metadata.cached).toBe(false);
    expect((await get()).result).toMatchObject({ metadata: { cached: true }, data: { business_hours: { weekly: { "6": [{ open: "09:00", close: "14:00" }] } } } });
    const live = await resolveBranchFromContext(db.prisma, demo.companyId, { branch_id: demo.branchId });
    expect(live.businessHours).toMatchObject({ weekly: { "6": [{ open: "09:00", close: "14:00" }] } });

    const current = (await get()).result!.data.business_hours;
    const { "6": _saturday, ...weekly } = current.weekly;
    const updated = await rpc.call<{ branch: Branch }>(demo.token, "branch.update", { branch_id: demo.branchId, business_hours: { ...current, weekly } });
    expect(updated.result?.data.branch.business_hours.weekly["6"]).toBeUndefined();

    const after = await get();
    expect(after.result?.metadata.cached).toBe(false);
    expect(after.result?.data.business_hours.weekly["6"]).toBeUndefined();
    expect((await slots()).result?.data.available_slots).toEqual([]);
    const liveAfter = await resolveBranchFromContext(db.prisma, demo.companyId, { branch_id: demo.branchId });
    expect((liveAfter.businessHours as { weekly: Record<string, unknown> }).weekly["6"]).toBeUndefined();
  });
});
