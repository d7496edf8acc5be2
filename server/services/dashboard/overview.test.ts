import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { AppError } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { seedDemo } from "@/server/seed/demo";
import { getDashboardOverview } from "./overview";

// Tuesday, 10 March 2026, 09:00 in Berlin (CET, UTC+1).
const NOW = new Date("2026-03-10T08:00:00Z");

let testDb: TestDb;
let db: PrismaClient;
let demoId: string;
let otherId: string;

async function smallCompany(slug: string) {
  const company = await db.company.create({ data: { slug, name: `Firma ${slug}` } });
  const branch = await db.branch.create({ data: { companyId: company.id, name: "Filiale" } });
  const service = await db.service.create({ data: { companyId: company.id, name: "Beratung", durationMinutes: 30 } });
  const customer = await db.customer.create({ data: { companyId: company.id, phone: "+4930555000" + slug.length } });
  return { company, branch, service, customer };
}

async function appointmentAt(companyId: string, startsAt: string, status: "scheduled" | "cancelled" | "completed" = "scheduled") {
  const [branch, service, customer] = await Promise.all([
    db.branch.findFirstOrThrow({ where: { companyId }, orderBy: { name: "asc" } }),
    db.service.findFirstOrThrow({ where: { companyId }, orderBy: { name: "asc" } }),
    db.customer.findFirstOrThrow({ where: { companyId }, orderBy: { name: "asc" } }),
  ]);
  const start = new Date(startsAt);
  return db.appointment.create({
    data: { companyId, branchId: branch.id, serviceId: service.id, customerId: customer.id, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000), status },
  });
}

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.prisma;
  demoId = await seedDemo(db, { now: NOW });

  await appointmentAt(demoId, "2026-03-10T07:00:00Z", "completed"); // 08:00 today, already over
  await appointmentAt(demoId, "2026-03-10T10:00:00Z"); // 11:00 today
  await appointmentAt(demoId, "2026-03-10T11:00:00Z", "cancelled"); // 12:00 today, cancelled
  await appointmentAt(demoId, "2026-03-10T22:30:00Z"); // 23:30 today in Berlin, though 22:30 UTC
  await appointmentAt(demoId, "2026-03-10T23:15:00Z"); // 00:15 tomorrow in Berlin, same UTC date

  await db.call.createMany({
    data: [
      { companyId: demoId, retellCallId: "call-today", startedAt: new Date("2026-03-10T07:30:00Z"), durationMs: 205_400, outcome: "booked", fromNumber: "+4917112345670" },
      { companyId: demoId, retellCallId: "call-yesterday-late", startedAt: new Date("2026-03-09T22:50:00Z"), endedAt: new Date("2026-03-09T22:51:30Z"), outcome: "something-new" },
      { companyId: demoId, retellCallId: "call-not-started", createdAt: new Date("2026-03-10T07:55:00Z") },
    ],
  });

  const other = await smallCompany("andere");
  otherId = other.company.id;
  await appointmentAt(otherId, "2026-03-10T12:00:00Z");
  await db.call.create({ data: { companyId: otherId, retellCallId: "call-other", startedAt: new Date("2026-03-10T08:00:00Z") } });
});

afterAll(async () => {
  await testDb?.close();
});

describe("getDashboardOverview", () => {
  it("counts today's and upcoming appointments, customers and calls of the company only", async () => {
    const overview = await getDashboardOverview({ db, companyId: demoId, now: () => NOW });

    expect(overview.today).toEqual({ date: "10.03.2026", weekday: "Dienstag" });
    expect(overview.counts).toEqual({
      appointmentsToday: 3, // 08:00, 11:00, 23:30; not the cancelled one, not 00:15 tomorrow
      upcomingAppointments: 12, // 9 seeded on the next working days + 11:00, 23:30, 00:15
      customers: 6,
      callsToday: 2, // one started today, one recorded today but not yet started
      callsTotal: 3,
    });
  });

  it("counts the last week's messages that did not reach customers, and says when an SMS provider is missing", async () => {
    const none = await getDashboardOverview({ db, companyId: demoId, now: () => NOW });
    expect(none.undelivered).toEqual({ messages: 0, noSmsProvider: false });
    const message = (state: "failed" | "suppressed" | "delivered", error: string | null, daysAgo = 1) =>
      db.message.create({
        data: { companyId: demoId, channel: "sms", kind: "confirmation", to: "+4917600000001", body: "Hallo", state, error, createdAt: new Date(NOW.getTime() - daysAgo * 86_400_000) },
      });
    await message("delivered", null);
    await message("suppressed", "Kunde möchte keine SMS"); // wanted: not a problem
    await message("failed", "Ungültige Rufnummer", 8); // older than a week
    expect((await getDashboardOverview({ db, companyId: demoId, now: () => NOW })).undelivered).toEqual({ messages: 0, noSmsProvider: false });
    await message("failed", "Ungültige Rufnummer");
    await message("suppressed", "nicht zugestellt: kein SMS-Anbieter eingerichtet");
    expect((await getDashboardOverview({ db, companyId: demoId, now: () => NOW })).undelivered).toEqual({ messages: 2, noSmsProvider: true });
    await db.message.deleteMany({ where: { companyId: demoId } });
  });

  it("lists the next five scheduled appointments in Berlin time with German dates", async () => {
    const { nextAppointments } = await getDashboardOverview({ db, companyId: demoId, now: () => NOW });

    expect(nextAppointments.map((a) => `${a.weekday} ${a.date} ${a.startTime}-${a.endTime}`)).toEqual([
      "Dienstag 10.03.2026 11:00-11:30",
      "Dienstag 10.03.2026 23:30-00:00",
      "Mittwoch 11.03.2026 00:15-00:45",
      "Mittwoch 11.03.2026 10:00-10:45",
      "Mittwoch 11.03.2026 11:00-11:30",
    ]);
    // The row opens the appointment; the name stays apart from the number (shown readable by the page).
    expect(nextAppointments[3]!.id).toEqual(expect.any(String));
    expect(nextAppointments[3]).toMatchObject({
      customerName: "Maria Müller",
      customerPhone: "+4917112345670",
      serviceName: "Damenhaarschnitt",
      staffName: "Anna Becker",
      branchName: "Salon Schönschnitt Mitte",
    });
  });

  it("lists the latest calls of the company, newest first by start or first record, in Berlin time", async () => {
    const { recentCalls } = await getDashboardOverview({ db, companyId: demoId, now: () => NOW });

    expect(recentCalls).toEqual([
      { id: expect.any(String), date: "10.03.2026", time: "08:55", received: true, durationSeconds: null, outcome: null, caller: null, customerName: null },
      { id: expect.any(String), date: "10.03.2026", time: "08:30", received: false, durationSeconds: 205, outcome: "booked", caller: "+4917112345670", customerName: null },
      // Duration from start and end when Retell sent none; an unknown outcome is shown as none.
      { id: expect.any(String), date: "09.03.2026", time: "23:50", received: false, durationSeconds: 90, outcome: null, caller: null, customerName: null },
    ]);
  });

  it("shows at most five calls", async () => {
    await db.call.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({ companyId: otherId, retellCallId: `call-other-${i}`, startedAt: new Date(Date.UTC(2026, 2, 1 + i, 9)) })),
    });
    const { recentCalls } = await getDashboardOverview({ db, companyId: otherId, now: () => NOW });
    expect(recentCalls.map((c) => c.date)).toEqual(["10.03.2026", "06.03.2026", "05.03.2026", "04.03.2026", "03.03.2026"]);
  });

  it("honours a custom limit and moves on with the clock", async () => {
    const later = new Date("2026-03-11T09:30:00Z"); // Wednesday 10:30 Berlin
    const overview = await getDashboardOverview({ db, companyId: demoId, now: () => later }, { limit: 2 });

    expect(overview.today).toEqual({ date: "11.03.2026", weekday: "Mittwoch" });
    expect(overview.nextAppointments.map((a) => `${a.startTime} ${a.serviceName}`)).toEqual(["11:00 Herrenhaarschnitt", "14:00 Färben"]);
    expect(overview.counts.callsToday).toBe(0);
  });

  it("uses a 23-hour day when the clocks go forward", async () => {
    const dstDay = new Date("2026-03-29T10:00:00Z"); // Sunday, summer time from 03:00
    await appointmentAt(otherId, "2026-03-28T23:30:00Z"); // 00:30 CET on the 29th
    await appointmentAt(otherId, "2026-03-29T21:45:00Z"); // 23:45 CEST on the 29th
    await appointmentAt(otherId, "2026-03-29T22:15:00Z"); // 00:15 on the 30th

    const overview = await getDashboardOverview({ db, companyId: otherId, now: () => dstDay });
    expect(overview.today).toEqual({ date: "29.03.2026", weekday: "Sonntag" });
    expect(overview.counts.appointmentsToday).toBe(2);
    expect(overview.nextAppointments.map((a) => `${a.date} ${a.startTime}`)).toEqual(["29.03.2026 23:45", "30.03.2026 00:15"]);
  });

  it("answers an unknown company with a German AppError", async () => {
    await expect(getDashboardOverview({ db, companyId: "missing", now: () => NOW })).rejects.toMatchObject({
      code: 3001,
      message: "Das Unternehmen wurde nicht gefunden.",
    });
    await expect(getDashboardOverview({ db, companyId: "missing", now: () => NOW })).rejects.toBeInstanceOf(AppError);
  });
});
