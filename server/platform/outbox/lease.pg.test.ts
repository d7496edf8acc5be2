/**
 * Outbox leases on a real PostgreSQL with workers on separate connections: a slow mail server
 * never causes a double send, a crashed worker's job is taken over within the stale window
 * (and logged), and a worker that lost its job sends nothing more for it.
 */
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPgTestDb, reportPgSkip, type PgTestDb } from "@/server/testing/pg-test-db";
import type { DeliveryChannel, OutgoingMessage } from "@/server/platform/outbox/channels";
import { startFakeSmtp, type FakeSmtp } from "@/server/integrations/fakes/smtp-server";
import { SmtpChannel } from "@/server/platform/outbox/channels/smtp-channel";
import { enqueueJob } from "./enqueue";
import { defineJobKind } from "./job-kind";
import { jobKinds } from "@/server/composition";
import { NOTIFICATION_JOB } from "@/server/services/appointments/notification-job";
import { runDueJobs, startOutboxWorker } from "./worker";

const enabled = Boolean(process.env.DATABASE_URL);
reportPgSkip("outbox leases with parallel workers on PostgreSQL");

let db: PgTestDb;
let smtp: FakeSmtp;
beforeAll(async () => {
  if (!enabled) return;
  db = await createPgTestDb({ poolSize: 10 });
  smtp = await startFakeSmtp({ acceptDelayMs: 300 });
}, 120_000);
afterAll(async () => {
  if (!enabled) return;
  await smtp.close();
  await db.close();
});
beforeEach(async () => {
  if (enabled) await db.prisma.outboxJob.deleteMany();
});

/** A logger whose JSON lines the test can read. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

const mail = (i: number) => ({ channel: "email" as const, to: `kunde${i}@example.de`, subject: "Ihr Termin", text: `Termin ${i}`, appointmentId: `appt-${i}` });

describe.skipIf(!enabled)("outbox leases on PostgreSQL", () => {
  it("two workers and a slow SMTP server: a batch longer than the stale window sends every message exactly once", async () => {
    for (let i = 0; i < 10; i++) await enqueueJob(db.prisma, NOTIFICATION_JOB, mail(i), { runAt: new Date() });
    const email = new SmtpChannel(smtp.url, "Salon <termine@salon.test>");
    const { log } = capturedLog();
    // 10 sends × 300 ms take 3 s, longer than the 2 s stale window.
    const worker = async (id: string) => {
      // Polls like the background worker until no job is left pending or in progress.
      for (;;) {
        const summary = await runDueJobs({ db: db.prisma, workerId: id, batchSize: 10, staleAfterMs: 2_000, retryDelayMs: () => 0, log, channels: { email, sms: email } });
        if (summary.claimed > 0) continue;
        if ((await db.prisma.outboxJob.count({ where: { state: { in: ["pending", "processing"] } } })) === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await Promise.all([worker("a"), worker("b")]);
    const recipients = smtp.received.map((m) => m.to[0]);
    expect(recipients).toHaveLength(10);
    expect(new Set(recipients).size).toBe(10);
    expect(await db.prisma.outboxJob.count({ where: { state: "done" } })).toBe(10);
  }, 30_000);

  it("a job left in progress by a crashed worker is taken over within the stale window, logged with job and appointment ids", async () => {
    await enqueueJob(db.prisma, NOTIFICATION_JOB, { ...mail(99), channel: "sms" }, { runAt: new Date() });
    const job = await db.prisma.outboxJob.findFirstOrThrow();
    await db.prisma.outboxJob.update({ where: { id: job.id }, data: { state: "processing", lockedBy: "crashed-worker", lockedAt: new Date(), attempts: 1 } });

    const sent: OutgoingMessage[] = [];
    const sms: DeliveryChannel = { name: "memory", send: async (m) => void sent.push(m) };
    const { log, lines } = capturedLog();
    const started = Date.now();
    const worker = startOutboxWorker({ db: db.prisma, workerId: "survivor", staleAfterMs: 1_000, intervalMs: 100, log, channels: { email: sms, sms } });
    await expect.poll(() => sent.length, { timeout: 5_000, interval: 50 }).toBe(1);
    const tookMs = Date.now() - started;
    await worker.stop();
    expect(tookMs).toBeLessThan(3_000);
    expect(lines).toContainEqual(expect.objectContaining({ msg: expect.stringContaining("taken over"), jobId: job.id, previousOwner: "crashed-worker", appointmentId: "appt-99" }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: "outbox job delivered", jobId: job.id, appointmentId: "appt-99", attempts: 2 }));
  });

  it("a worker that lost its job to another sends nothing more for it", async () => {
    // A kind that sends two messages with a pause between them.
    const twoStep = defineJobKind({
      payload: z.object({ to: z.string() }),
      async run({ to }, ctx) {
        await ctx.channels.sms.send({ channel: "sms", to, subject: "1", text: "eins" });
        await new Promise((r) => setTimeout(r, 400));
        await ctx.channels.sms.send({ channel: "sms", to, subject: "2", text: "zwei" });
      },
    });
    await db.prisma.outboxJob.create({ data: { kind: "test.two-step", payload: { to: "+4917100000042" }, runAt: new Date() } });
    const sent: OutgoingMessage[] = [];
    const sms: DeliveryChannel = { name: "memory", send: async (m) => void sent.push(m) };
    const { log, lines } = capturedLog();
    const run = runDueJobs({ db: db.prisma, workerId: "paused", log, channels: { email: sms, sms }, kinds: { ...jobKinds, "test.two-step": twoStep } });
    await expect.poll(() => sent.length).toBe(1);
    // Meanwhile another worker took the job over (as after a pause longer than the lease).
    await db.prisma.outboxJob.updateMany({ data: { lockedBy: "other-worker" } });
    expect(await run).toMatchObject({ claimed: 1, done: 0 });
    expect(sent.map((m) => m.subject)).toEqual(["1"]);
    expect(await db.prisma.outboxJob.findFirstOrThrow()).toMatchObject({ state: "processing", lockedBy: "other-worker" });
    expect(lines).toContainEqual(expect.objectContaining({ msg: expect.stringContaining("lost to another worker") }));
  });
});
