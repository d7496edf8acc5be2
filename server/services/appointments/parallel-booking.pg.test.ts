/**
 * Real concurrency on PostgreSQL: parallel bookings on separate connections, and two outbox
 * workers claiming jobs at the same time. (On PGlite the same tests pass trivially, since it
 * has one connection; see book.test.ts and the worker tests.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockBookingSpan } from "@/server/calendar/booking-lock";
import { ErrorCodes } from "@/server/core/errors";
import { logger } from "@/server/platform/logger";
import type { DeliveryChannel, OutgoingMessage } from "@/server/platform/outbox/channels";
import { enqueueJob } from "@/server/platform/outbox/enqueue";
import { NOTIFICATION_JOB } from "@/server/services/appointments/notification-job";
import { runDueJobs } from "@/server/platform/outbox/worker";
import { FIXED_NOW, testContext } from "@/server/testing/retell";
import { seedDemo } from "@/server/seed/demo";
import { createPgTestDb, reportPgSkip, type PgTestDb } from "@/server/testing/pg-test-db";
import { bookAppointment } from "./book";

const enabled = Boolean(process.env.DATABASE_URL);
reportPgSkip("parallel bookings and outbox claims on PostgreSQL");

let db: PgTestDb;
let companyId: string;
let mitte: string;
let leonie: string;

beforeAll(async () => {
  if (!enabled) return;
  db = await createPgTestDb({ poolSize: 25 });
  companyId = await seedDemo(db.prisma, { now: FIXED_NOW });
  mitte = (await db.prisma.branch.findFirstOrThrow({ where: { companyId }, orderBy: { createdAt: "asc" } })).id;
  leonie = (await db.prisma.staff.findFirstOrThrow({ where: { name: "Leonie Schmidt" } })).id;
}, 120_000);
afterAll(async () => {
  if (enabled) await db.close();
});

const attempt = (time: string, i: number, staffId?: string, date = "2026-03-12") =>
  bookAppointment(testContext(db.prisma, companyId, { actor: { type: "retell", id: null } }), {
    branch_id: mitte,
    service_name: "Herrenhaarschnitt",
    date,
    time,
    staff_id: staffId,
    customer_name: `Anrufer ${i}`,
    customer_phone: `0176 4${String(i).padStart(7, "0")}`,
  });

describe.skipIf(!enabled)("on PostgreSQL", () => {
  it("lets exactly one of 25 parallel callers book one staff member's slot", async () => {
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => attempt("17:00", i, leonie)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as { code: number }).code).toBe(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE);
    }
    const rows = await db.prisma.appointment.count({ where: { staffId: leonie, startsAt: new Date("2026-03-12T16:00:00Z") } });
    expect(rows).toBe(1);
  });

  it("books a time for 'any staff member' exactly as often as staff are free", async () => {
    // 12:00 Thursday: Jonas and Leonie (from 12:00) both offer men's cuts and are free.
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => attempt("12:00", 100 + i)));
    const booked = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.appointment.staff_id] : []));
    expect(booked).toHaveLength(2);
    expect(new Set(booked).size).toBe(2);
  });

  it("a booking waits only for bookings of the same branch and day: another day's goes ahead", async () => {
    // Another transaction (as on a second instance) holds Thursday's lock of the branch.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.prisma.$transaction(
      async (tx) => {
        await lockBookingSpan(tx, { branchId: mitte, days: ["2026-03-12"] });
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    let thursdayDone = false;
    const thursday = attempt("15:00", 200).finally(() => (thursdayDone = true));
    const friday = await attempt("15:00", 201, undefined, "2026-03-13");
    expect(friday.appointment.date).toBe("13.03.2026");
    await new Promise((r) => setTimeout(r, 300));
    expect(thursdayDone).toBe(false);
    release();
    await holder;
    expect((await thursday).appointment.date).toBe("12.03.2026");
  });

  it("delivers each outbox job exactly once with two workers claiming at the same time", async () => {
    await db.prisma.outboxJob.deleteMany();
    for (let i = 0; i < 40; i++) {
      await enqueueJob(db.prisma, NOTIFICATION_JOB, { channel: "sms", to: `+4917600000${String(i).padStart(3, "0")}`, subject: "s", text: "t" }, { runAt: FIXED_NOW });
    }
    const delivered: string[] = [];
    const slow: DeliveryChannel = {
      name: "slow",
      async send(message: OutgoingMessage) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        delivered.push(message.to);
      },
    };
    const worker = (id: string) => runDueJobs({ db: db.prisma, workerId: id, batchSize: 8, now: () => FIXED_NOW, log: logger, channels: { email: slow, sms: slow } });
    for (let round = 0; round < 5; round++) await Promise.all([worker("a"), worker("b"), worker("c")]);
    expect(delivered).toHaveLength(40);
    expect(new Set(delivered).size).toBe(40);
    expect(await db.prisma.outboxJob.count({ where: { state: "done" } })).toBe(40);
  });
});
