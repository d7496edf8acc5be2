/** service.create / service.update through the JSON-RPC gateway: names unique per company, branches, tenants, cache. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ErrorCodes } from "@/server/core/errors";
import { issuesOf, startRpcGateway, type RpcTestClient } from "@/server/testing/rpc-test-client";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createDemoTenant, createOtherCompany, type Tenant } from "@/server/testing/tenants";
import type { ServiceDto } from "./schemas";

const NOW = new Date("2026-03-02T08:00:00Z");
let db: TestDb;
let demo: Tenant;
let other: Tenant;
let rpc: RpcTestClient;
let prenzlbergId: string;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
  other = await createOtherCompany(db.prisma);
  rpc = await startRpcGateway(db.prisma, () => NOW);
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

type Created = { service: ServiceDto };
const list = async (token = demo.token, include_inactive = false) =>
  (await rpc.call<{ services: ServiceDto[] }>(token, "service.list", { include_inactive })).result!;

describe("service.create", () => {
  it("creates a service and the cached list shows it at once", async () => {
    expect((await list()).metadata.cached).toBe(false);
    expect((await list()).metadata.cached).toBe(true);
    const res = await rpc.call<Created>(demo.token, "service.create", {
      name: "Kinderhaarschnitt",
      description: "",
      duration_minutes: 25,
      price_cents: 1950,
      calcom_event_type_id: 4711,
    });
    expect(res.result?.data.service).toMatchObject({
      name: "Kinderhaarschnitt",
      description: null,
      duration_minutes: 25,
      buffer_minutes: 0,
      price_cents: 1950,
      branch_id: null,
      calcom_event_type_id: 4711,
      staff_ids: [],
      is_active: true,
    });
    const after = await list();
    expect(after.metadata.cached).toBe(false);
    expect(after.data.services.map((s) => s.name)).toContain("Kinderhaarschnitt");
  });

  it("refuses a name the company already uses, whatever its case, as a field error", async () => {
    const before = await db.prisma.service.count({ where: { companyId: demo.companyId } });
    const res = await rpc.call(demo.token, "service.create", { name: "färben", duration_minutes: 60 });
    expect(res.error?.code).toBe(-32602);
    expect(issuesOf(res)).toEqual({ name: "Eine Leistung „Färben“ gibt es bereits. Bitte einen anderen Namen wählen." });
    expect(await db.prisma.service.count({ where: { companyId: demo.companyId } })).toBe(before);
  });

  it("lets another company use the same name", async () => {
    const res = await rpc.call<Created>(other.token, "service.create", { name: "Färben", duration_minutes: 60 });
    expect(res.result?.data.service.name).toBe("Färben");
  });

  it("checks duration, buffer, price and event type with German messages", async () => {
    const res = await rpc.call(demo.token, "service.create", {
      name: "Test",
      duration_minutes: 2,
      buffer_minutes: -5,
      price_cents: 12.5,
      calcom_event_type_id: 0,
    });
    expect(issuesOf(res)).toEqual({
      duration_minutes: "Eine Leistung dauert mindestens 5 Minuten.",
      buffer_minutes: "Der Puffer kann nicht negativ sein.",
      price_cents: "Der Preis wird in Cent angegeben.",
      calcom_event_type_id: "Die Terminart-ID ist eine positive Zahl.",
    });
  });

  it("refuses another company's branch", async () => {
    const res = await rpc.call(demo.token, "service.create", { name: "Fremd", duration_minutes: 30, branch_id: other.branchId });
    expect(res.error).toMatchObject({ code: ErrorCodes.NOT_FOUND, message: "Die Filiale wurde nicht gefunden." });
    expect(await db.prisma.service.count({ where: { name: "Fremd" } })).toBe(0);
  });
});

describe("service.update", () => {
  it("edits, renames (not onto another service's name) and deactivates", async () => {
    const created = (await rpc.call<Created>(demo.token, "service.create", { name: "Glätten", duration_minutes: 60, price_cents: 5900 })).result!.data.service;

    const taken = await rpc.call(demo.token, "service.update", { service_id: created.id, name: "Bartpflege" });
    expect(issuesOf(taken)).toEqual({ name: "Eine Leistung „Bartpflege“ gibt es bereits. Bitte einen anderen Namen wählen." });

    const edited = await rpc.call<Created>(demo.token, "service.update", { service_id: created.id, name: "Glätten (Keratin)", buffer_minutes: 15, price_cents: null });
    expect(edited.result?.data.service).toMatchObject({ name: "Glätten (Keratin)", duration_minutes: 60, buffer_minutes: 15, price_cents: null });
    // Its own name in another case is no clash.
    expect((await rpc.call<Created>(demo.token, "service.update", { service_id: created.id, name: "GLÄTTEN (Keratin)" })).result?.data.service.name).toBe("GLÄTTEN (Keratin)");

    await rpc.call(demo.token, "service.update", { service_id: created.id, is_active: false });
    expect((await list()).data.services.some((s) => s.id === created.id)).toBe(false);
    expect((await list(demo.token, true)).data.services.find((s) => s.id === created.id)?.is_active).toBe(false);
  });

  it("limits a service to a branch only when no staff of another branch offers it", async () => {
    const bart = (await list()).data.services.find((s) => s.name === "Bartpflege")!;
    // Offered by Jonas Wagner (Mitte) and Mehmet Yilmaz (Prenzlauer Berg).
    const res = await rpc.call(demo.token, "service.update", { service_id: bart.id, branch_id: prenzlbergId });
    expect(issuesOf(res)).toEqual({ branch_id: "Diese Leistung bieten auch Mitarbeitende anderer Filialen an (Jonas Wagner). Bitte sie dort zuerst abwählen." });
    expect((await db.prisma.service.findUniqueOrThrow({ where: { id: bart.id } })).branchId).toBeNull();

    const own = (await rpc.call<Created>(demo.token, "service.create", { name: "Hochsteckfrisur", duration_minutes: 60 })).result!.data.service;
    const limited = await rpc.call<Created>(demo.token, "service.update", { service_id: own.id, branch_id: prenzlbergId });
    expect(limited.result?.data.service.branch_id).toBe(prenzlbergId);
  });

  it("answers another company's service with 404 and leaves it untouched", async () => {
    const salon = (await list()).data.services[0]!;
    const res = await rpc.call(other.token, "service.update", { service_id: salon.id, price_cents: 1 });
    expect(res.error).toMatchObject({ code: ErrorCodes.NOT_FOUND, message: "Die Leistung wurde nicht gefunden." });
    expect((await db.prisma.service.findUniqueOrThrow({ where: { id: salon.id } })).priceCents).toBe(salon.price_cents);
  });
});
