import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { seedDemo } from "@/server/seed/demo";
import { createOtherCompany } from "@/server/testing/tenants";
import { getDailyActivity } from "./daily-activity";

// Tuesday, 31 March 2026, 10:00 in Berlin (summer time since Sunday 29 March).
const NOW = new Date("2026-03-31T08:00:00Z");

let testDb: TestDb;
let db: PrismaClient;
let demoId: string;
let otherId: string;

async function bookingsAt(companyId: string, ...createdAt: string[]) {
  const [branch, service, customer] = await Promise.all([
    db.branch.findFirstOrThrow({ where: { companyId } }),
    db.service.findFirstOrThrow({ where: { companyId } }),
    db.customer.findFirstOrThrow({ where: { companyId } }),
  ]);
  const startsAt = new Date("2026-04-20T08:00:00Z");
  for (const at of createdAt) {
    await db.appointment.create({
      data: { companyId, branchId: branch.id, serviceId: service.id, customerId: customer.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), createdAt: new Date(at) },
    });
  }
}

let callNo = 0;
async function callsAt(companyId: string, ...times: Array<{ startedAt?: string; createdAt?: string }>) {
  for (const t of times) {
    await db.call.create({
      data: {
        companyId,
        retellCallId: `call-${++callNo}`,
        startedAt: t.startedAt ? new Date(t.startedAt) : null,
        createdAt: t.createdAt ? new Date(t.createdAt) : undefined,
      },
    });
  }
}

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.prisma;
  // Seeded with a clock a month earlier, so the demo's own appointments lie outside the 14 days.
  demoId = await seedDemo(db, { now: new Date("2026-02-20T08:00:00Z") });
  await db.appointment.updateMany({ where: { companyId: demoId }, data: { createdAt: new Date("2026-02-20T08:00:00Z") } });
  otherId = (await createOtherCompany(db, { slug: "andere" })).companyId;
  await db.service.create({ data: { companyId: otherId, name: "Rasur", durationMinutes: 30 } });

  await callsAt(
    demoId,
    { startedAt: "2026-03-17T22:59:00Z" }, // 23:59 CET on 17 March: before the first day
    { startedAt: "2026-03-17T23:00:00Z" }, // 00:00 CET on 18 March: the first day
    { startedAt: "2026-03-28T22:30:00Z" }, // 23:30 CET on Saturday 28 March
    { startedAt: "2026-03-28T23:30:00Z" }, // 00:30 CET on Sunday 29 March
    { startedAt: "2026-03-29T21:30:00Z" }, // 23:30 CEST on Sunday 29 March
    { startedAt: "2026-03-30T22:10:00Z" }, // 00:10 CEST on 31 March (today), 30 March in UTC
    { createdAt: "2026-03-31T07:00:00Z" }, // not started yet: counts when recorded, today
  );
  await bookingsAt(demoId, "2026-03-29T22:30:00Z", "2026-03-30T21:59:00Z", "2026-03-30T22:00:00Z"); // 30th 00:30, 30th 23:59, 31st 00:00
  await callsAt(otherId, { startedAt: "2026-03-31T07:00:00Z" });
  await bookingsAt(otherId, "2026-03-31T07:00:00Z");
});

afterAll(async () => {
  await testDb?.close();
});

describe("getDailyActivity", () => {
  it("buckets calls and bookings per Berlin day over the last 14 days, across the change to summer time", async () => {
    const activity = await getDailyActivity({ db, companyId: demoId, now: () => NOW });

    expect(activity.days).toHaveLength(14);
    expect(activity.days[0]).toEqual({ date: "2026-03-18", label: "18.03.", weekday: "Mittwoch", calls: 1, bookings: 0 });
    expect(activity.days.at(-1)).toEqual({ date: "2026-03-31", label: "31.03.", weekday: "Dienstag", calls: 2, bookings: 1 });
    const byDate = Object.fromEntries(activity.days.map((d) => [d.date, [d.calls, d.bookings]]));
    expect(byDate["2026-03-28"]).toEqual([1, 0]);
    expect(byDate["2026-03-29"]).toEqual([2, 0]); // a 23-hour day holds both its calls
    expect(byDate["2026-03-30"]).toEqual([0, 2]);
    expect(activity.totals).toEqual({ calls: 6, bookings: 3 });
  });

  it("counts only the caller's company", async () => {
    const activity = await getDailyActivity({ db, companyId: otherId, now: () => NOW });
    expect(activity.totals).toEqual({ calls: 1, bookings: 1 });
    expect(activity.days.at(-1)).toMatchObject({ calls: 1, bookings: 1 });
  });

  it("takes the number of days and moves with the clock", async () => {
    const activity = await getDailyActivity({ db, companyId: demoId, now: () => new Date("2026-03-29T21:45:00Z") }, { days: 2 });
    // 23:45 CEST on Sunday 29 March: Saturday and Sunday.
    expect(activity.days.map((d) => `${d.label} ${d.calls}/${d.bookings}`)).toEqual(["28.03. 1/0", "29.03. 2/0"]);
  });
});
