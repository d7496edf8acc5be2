/**
 * database.statistics against a seeded PGlite: exact counts for a company with known rows,
 * per-day buckets on the Berlin calendar (appointments just after midnight Berlin are still
 * the previous day in UTC), the booking rate, the default range, refused ranges, and the demo
 * company's rows (same days) never counted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { ErrorCodes } from "@/server/core/errors";
import type { Actor } from "@/server/core/types";
import { RANGE, seedStatisticsCompany, type StatisticsCompany } from "@/server/testing/database-fixtures";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { startRpcGateway } from "@/server/testing/rpc-test-client";
import type { Statistics } from "./schemas";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let mine: StatisticsCompany;

const staffUser: Actor = { type: "user", id: "staff-1", role: "staff" };

function statistics(params: unknown, companyId = mine.companyId): Promise<Statistics> {
  return callMethod("database.statistics", params, { companyId, actor: staffUser, correlationId: "stats-test", db: db.prisma, now: () => FIXED_NOW }).then(
    (r) => r.data as Statistics,
  );
}

beforeAll(async () => {
  db = await seededTestDb();
  mine = await seedStatisticsCompany(db.prisma);
  // The demo company has rows on the same days; they must never show up in mine.
  const demoBranch = await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId } });
  const demoCustomer = await db.prisma.customer.findFirstOrThrow({ where: { companyId: db.companyId } });
  const demoService = await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId } });
  await db.prisma.appointment.create({
    data: {
      companyId: db.companyId,
      branchId: demoBranch.id,
      customerId: demoCustomer.id,
      serviceId: demoService.id,
      startsAt: new Date("2026-03-10T09:00:00Z"),
      endsAt: new Date("2026-03-10T09:30:00Z"),
    },
  });
  await db.prisma.call.create({ data: { companyId: db.companyId, retellCallId: "demo-booked", startedAt: new Date("2026-03-10T09:00:00Z"), outcome: "booked" } });
});

afterAll(async () => {
  await db?.close();
});

describe("database.statistics", () => {
  it("counts the company's rows per entity", async () => {
    const result = await statistics(RANGE);
    expect(result.counts).toEqual({
      customers: 2,
      appointments: 7,
      calls: 5,
      staff: 2,
      services: 2,
      branches: 1,
      messages: 0,
      tasks: 1,
      open_tasks: 1,
      knowledge_entries: 0,
      phone_numbers: 0,
      users: 1,
      payments: 0,
    });
  });

  it("buckets appointments by the Berlin calendar day, across midnight UTC", async () => {
    const result = await statistics(RANGE);
    expect(result).toMatchObject({ from: "2026-03-08", to: "2026-03-11", time_zone: "Europe/Berlin" });
    // In UTC the days would be 09.03.: 2, 10.03.: 2 and 11.03.: 2 (the 12.03. 00:30 appointment is 11.03. 23:30 UTC).
    expect(result.appointments.per_day).toEqual([
      { date: "2026-03-08", count: 0 },
      { date: "2026-03-09", count: 1 },
      { date: "2026-03-10", count: 3 },
      { date: "2026-03-11", count: 1 },
    ]);
    expect(result.appointments.total).toBe(5);
  });

  it("counts appointments per status, staff member and service, largest first", async () => {
    const { appointments } = await statistics(RANGE);
    expect(appointments.per_status).toHaveLength(4);
    expect(appointments.per_status[0]).toEqual({ status: "scheduled", label: "Geplant", count: 2 });
    expect(appointments.per_status.slice(1)).toEqual(
      expect.arrayContaining([
        { status: "completed", label: "Erledigt", count: 1 },
        { status: "cancelled", label: "Abgesagt", count: 1 },
        { status: "no_show", label: "Nicht erschienen", count: 1 },
      ]),
    );
    expect(appointments.per_staff).toEqual(
      expect.arrayContaining([
        { staff_id: mine.staff.anna, name: "Anna Acker", count: 2 },
        { staff_id: mine.staff.ben, name: "Ben Berg", count: 2 },
        { staff_id: null, name: "Ohne Mitarbeiter/in", count: 1 },
      ]),
    );
    expect(appointments.per_staff.at(-1)?.count).toBe(1);
    expect(appointments.per_service).toEqual([
      { service_id: mine.services.cut, name: "Haarschnitt", count: 4 },
      { service_id: mine.services.colour, name: "Färben", count: 1 },
    ]);
  });

  it("counts calls of the range, those that ended in a booking and the booking rate", async () => {
    const { calls } = await statistics(RANGE);
    // Four calls in the range (one without a start, counted on the day it arrived), two booked.
    expect(calls).toEqual({ total: 4, booked: 2, booking_rate: 0.5 });
  });

  it("answers no booking rate when there were no calls", async () => {
    const { calls, appointments } = await statistics({ from: "2026-01-01", to: "2026-01-31" });
    expect(calls).toEqual({ total: 0, booked: 0, booking_rate: null });
    expect(appointments.per_day).toHaveLength(31);
    expect(appointments.total).toBe(0);
  });

  it("defaults to the last 30 days up to today in the company's time zone", async () => {
    const result = await statistics({});
    expect(result.to).toBe("2026-03-11");
    expect(result.from).toBe("2026-02-10");
    expect(result.appointments.per_day).toHaveLength(30);
    // The 12.03. 00:30 appointment is tomorrow in Berlin: not yet counted.
    expect(result.appointments.total).toBe(6);
  });

  it("refuses a range that ends before it starts or spans more than a year", async () => {
    for (const params of [
      { from: "2026-03-11", to: "2026-03-10" },
      { from: "2025-01-01", to: "2026-03-10" },
    ]) {
      const err = await statistics(params).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: ErrorCodes.INVALID_DATE });
    }
    const invalid = await statistics({ from: "2026-02-30" }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ issues: [expect.objectContaining({ path: ["from"] })] });
  });

  it("never counts another company's rows", async () => {
    const demo = await statistics(RANGE, db.companyId);
    const demoAppointments = await db.prisma.appointment.count({
      where: { companyId: db.companyId, startsAt: { gte: new Date("2026-03-07T23:00:00Z"), lt: new Date("2026-03-11T23:00:00Z") } },
    });
    expect(demo.appointments.total).toBe(demoAppointments);
    expect(demo.appointments.per_staff.map((s) => s.staff_id)).not.toContain(mine.staff.anna);
    expect(demo.counts.customers).toBe(await db.prisma.customer.count({ where: { companyId: db.companyId } }));
  });

  it("answers a token with the database grant over JSON-RPC and refuses one without", async () => {
    const rpc = await startRpcGateway(db.prisma, () => FIXED_NOW);
    try {
      const granted = await rpc.call<Statistics>(mine.databaseToken, "database.statistics", RANGE);
      expect(granted.result?.data.calls).toEqual({ total: 4, booked: 2, booking_rate: 0.5 });
      const refused = await rpc.call(mine.customerOnlyToken, "database.statistics", RANGE);
      expect(refused.result).toBeUndefined();
      expect(refused.error?.data?.type).toBe("Forbidden");
    } finally {
      await rpc.close();
    }
  });
});
