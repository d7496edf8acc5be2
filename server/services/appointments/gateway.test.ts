/**
 * Every appointments method over real HTTP through the JSON-RPC gateway with an API token:
 * params validated by the method's schema, results shaped by its result schema, errors as
 * JSON-RPC error objects with the domain code.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ErrorCodes } from "@/server/core/errors";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createDemoTenant, createOtherCompany, type Tenant } from "@/server/testing/tenants";
import { FIXED_NOW } from "@/server/testing/appointment-fixtures";

let db: TestDb;
let demo: Tenant;
let other: Tenant;
let gateway: ServedHandler;
let mitte: string;

beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, FIXED_NOW);
  other = await createOtherCompany(db.prisma);
  mitte = (await db.prisma.branch.findFirstOrThrow({ where: { companyId: demo.companyId, name: { endsWith: "Mitte" } } })).id;
  gateway = await serveFetchHandler(createRpcHandler({ db: db.prisma, now: () => FIXED_NOW }));
});
afterAll(async () => {
  await gateway.close();
  await db.close();
});
beforeEach(() => setCache(new MemoryCache()));

let nextId = 1;
async function rpc(method: string, params: object, token = demo.token) {
  const res = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-mcp-token": token },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers are checked field by field below
  const body = (await res.json()) as { result?: { success: true; data: any }; error?: { code: number; message: string } };
  return { result: body.result?.data, error: body.error };
}

describe("appointments over the JSON-RPC gateway", () => {
  it("finds, books, moves, lists, gets and cancels", async () => {
    const found = await rpc("appointments.find", { phone: "0171 12345670" });
    expect(found.result).toMatchObject({ found: true, count: 2 });

    const free = await rpc("appointments.checkAvailability", { branch_id: mitte, service_name: "Bartpflege", date: "2026-03-13", time: "11:00" });
    expect(free.result).toMatchObject({ available: true, message: "Der Termin am Freitag, 13.03.2026 um 11:00 Uhr ist verfügbar." });
    const next = await rpc("appointments.findNextSlot", { branch_id: mitte, service_name: "Bartpflege" });
    expect(next.result.found).toBe(true);

    const booked = await rpc("appointments.book", {
      branch_id: mitte,
      service_name: "Bartpflege",
      date: "2026-03-13",
      time: "11:00",
      customer_name: "Tom Token",
      customer_phone: "+49 176 5551234",
      idempotency_key: "api-booking-0001",
    });
    expect(booked.result).toMatchObject({ success: true, already_booked: false, appointment: { source: "api", time: "11:00" } });
    const id = booked.result.appointment.id;

    const moved = await rpc("appointments.change", { appointment_id: id, new_date: "2026-03-16", new_time: "11:00" });
    expect(moved.result.message).toBe("Ihr Termin wurde auf 16.03.2026 um 11:00 Uhr verschoben.");
    expect(moved.result.appointment.rescheduled_by).toBe("API");

    const listed = await rpc("appointments.list", { date_from: "2026-03-16", date_to: "2026-03-16", search: "Token" });
    expect(listed.result.appointments.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await rpc("appointments.get", { appointment_id: id })).result.appointment.customer_name).toBe("Tom Token");

    const cancelled = await rpc("appointments.cancel", { appointment_id: id });
    expect(cancelled.result).toMatchObject({ success: true, refund_policy: "Stornierungen bis 24 Stunden vorher sind kostenlos." });
  });

  it("answers bad params and domain refusals as JSON-RPC errors with the domain code", async () => {
    const invalid = await rpc("appointments.book", { branch_id: mitte, service_name: "Bartpflege", date: "13.03.2026", time: "11:00" });
    expect(invalid.error?.code).toBe(-32602);

    const past = await rpc("appointments.book", {
      branch_id: mitte,
      service_name: "Bartpflege",
      date: "2026-03-10",
      time: "11:00",
      customer_name: "Zu Spät",
      customer_phone: "0176 5559999",
    });
    expect(past.error).toMatchObject({ code: ErrorCodes.DATE_IN_PAST, message: "Dieser Zeitpunkt liegt in der Vergangenheit." });
  });

  it("keeps each company to its own appointments", async () => {
    const maria = await db.prisma.appointment.findFirstOrThrow({ where: { companyId: demo.companyId, customer: { phone: "+4917112345670" } } });
    const foreign = await rpc("appointments.cancel", { appointment_id: maria.id }, other.token);
    expect(foreign.error?.code).toBe(ErrorCodes.NOT_FOUND);
    // The other company has a customer with the same number, but no appointments.
    expect((await rpc("appointments.find", { phone: "0171 12345670" }, other.token)).result).toMatchObject({ found: false });
  });
});
