/**
 * Every confirmation and reminder goes out exactly once, with two workers claiming at the same
 * time, one of them stopped half-way and a fresh one started on the same database, and two jobs
 * left behind by a worker that crashed (one after its e-mail was out, one before).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/core/types";
import { startFakeSmtp, type FakeSmtp } from "@/server/integrations/fakes/smtp-server";
import { logger } from "@/server/platform/logger";
import type { DeliveryChannels } from "@/server/platform/outbox/channels";
import { SmtpChannel } from "@/server/platform/outbox/channels/smtp-channel";
import { startOutboxWorker, type RunningWorker } from "@/server/platform/outbox/worker";
import { bookAppointment } from "@/server/services/appointments/book";
import { appointmentsFixture, DASHBOARD, FIXED_NOW } from "@/server/testing/appointment-fixtures";
import { MESSAGE_JOB } from "./delivery-job";
import { updateReminderSettings } from "./service";

const ADMIN: Actor = { type: "user", id: "admin-1", role: "admin" };
/** Thursday 26.03.2026, 10:00 in Berlin: every reminder below is due, no appointment has begun. */
const CLOCK = new Date("2026-03-26T09:00:00Z");

let f: Awaited<ReturnType<typeof appointmentsFixture>>;
let smtp: FakeSmtp;
let channels: DeliveryChannels;

beforeAll(async () => {
  f = await appointmentsFixture();
  // A slow mail server: each e-mail takes a moment, so stopping a worker catches it mid-way.
  smtp = await startFakeSmtp({ acceptDelayMs: 25 });
  channels = { email: new SmtpChannel(smtp.url, "Salon <termine@salon.test>"), sms: { name: "unused", send: () => Promise.reject(new Error("unused")) } };
}, 60_000);
afterAll(async () => {
  await smtp.close();
  await f.db.close();
});

const worker = (workerId: string): RunningWorker =>
  startOutboxWorker({ db: f.prisma, workerId, now: () => CLOCK, channels, log: logger, intervalMs: 10, batchSize: 3, staleAfterMs: 60_000 });

const openJobs = () => f.prisma.outboxJob.count({ where: { kind: MESSAGE_JOB, state: { in: ["pending", "processing"] }, runAt: { lte: CLOCK } } });

describe("exactly once", () => {
  it("two workers, a restart and a crashed worker's jobs: each message reaches its customer once", async () => {
    await updateReminderSettings(f.ctx(ADMIN), { reminder_offsets: [1440, 120], email_reminders: true, sms_reminders: false, quiet_from: "21:00", quiet_until: "08:00" });
    const bookings: Array<[branch: string, staff: string, service: string, time: string]> = [
      [f.mitte, f.staff.Jonas, "Herrenhaarschnitt", "10:15"],
      [f.mitte, f.staff.Jonas, "Herrenhaarschnitt", "11:00"],
      [f.mitte, f.staff.Anna, "Damenhaarschnitt", "10:15"],
      [f.mitte, f.staff.Anna, "Damenhaarschnitt", "11:15"],
      [f.prenzlberg, f.staff.Mehmet, "Herrenhaarschnitt", "10:15"],
      [f.prenzlberg, f.staff.Mehmet, "Herrenhaarschnitt", "11:00"],
      [f.prenzlberg, f.staff.Sophie, "Herrenhaarschnitt", "10:15"],
      [f.prenzlberg, f.staff.Sophie, "Herrenhaarschnitt", "11:00"],
    ];
    const addresses: string[] = [];
    for (const [i, [branch, staff, service, time]] of bookings.entries()) {
      const email = `kunde${i}@example.de`;
      addresses.push(email);
      await bookAppointment(f.ctx(DASHBOARD, FIXED_NOW), {
        branch_id: branch,
        staff_id: staff,
        service_name: service,
        date: "2026-03-26",
        time,
        customer_name: `Kunde ${i}`,
        customer_phone: `0176 5550${String(i).padStart(4, "0")}`,
        customer_email: email,
      });
    }
    const messages = await f.prisma.message.findMany({ where: { companyId: f.companyId } });
    expect(messages).toHaveLength(24); // 8 confirmations, 16 reminders
    expect(messages.filter((m) => m.kind === "reminder")).toHaveLength(16);

    // A worker crashed holding two reminders: one right after its e-mail went out, one before.
    const [sentBeforeCrash, notYetSent] = messages.filter((m) => m.kind === "reminder" && m.to === "kunde0@example.de");
    const crashedJob = (messageId: string) => f.prisma.outboxJob.findFirstOrThrow({ where: { payload: { path: ["messageId"], equals: messageId } } });
    for (const m of [sentBeforeCrash, notYetSent]) {
      await f.prisma.outboxJob.update({
        where: { id: (await crashedJob(m.id)).id },
        data: { state: "processing", lockedBy: "crashed", lockedAt: new Date(CLOCK.getTime() - 10 * 60_000), attempts: 1 },
      });
    }
    await f.prisma.message.update({ where: { id: sentBeforeCrash.id }, data: { state: "sent", sentAt: new Date(CLOCK.getTime() - 10 * 60_000), provider: "smtp" } });

    const a = worker("a");
    const b = worker("b");
    await expect.poll(() => smtp.received.length, { timeout: 10_000, interval: 5 }).toBeGreaterThanOrEqual(4);
    await a.stop(); // finishes the job in hand, claims nothing more
    const sentWhenStopped = smtp.received.length;
    const c = worker("c"); // the restarted instance on the same database
    await expect.poll(openJobs, { timeout: 20_000, interval: 20 }).toBe(0);
    await Promise.all([b.stop(), c.stop()]);

    expect(sentWhenStopped).toBeLessThan(23);
    // 24 messages, one of them out before the crash: 23 e-mails, three per customer (two for kunde0).
    expect(smtp.received).toHaveLength(23);
    for (const address of addresses) {
      expect(smtp.received.filter((m) => m.to.includes(address)), address).toHaveLength(address === "kunde0@example.de" ? 2 : 3);
    }
    const after = await f.prisma.message.findMany({ where: { companyId: f.companyId } });
    expect(after.every((m) => m.state === "sent")).toBe(true);
    expect(await f.prisma.outboxJob.count({ where: { kind: MESSAGE_JOB, state: { not: "done" } } })).toBe(0);
    // The crashed worker's jobs were taken over; the one whose e-mail was out sent nothing more.
    expect(await crashedJob(sentBeforeCrash.id)).toMatchObject({ state: "done", attempts: 2 });
    expect(await crashedJob(notYetSent.id)).toMatchObject({ state: "done", attempts: 2 });
  }, 60_000);
});
