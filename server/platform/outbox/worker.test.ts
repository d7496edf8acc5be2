import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { logger } from "@/server/platform/logger";
import type { DeliveryChannel, DeliveryChannels, OutgoingMessage } from "@/server/platform/outbox/channels";
import { startFakeSmtp, type FakeSmtp } from "@/server/integrations/fakes/smtp-server";
import { SmtpChannel } from "@/server/platform/outbox/channels/smtp-channel";
import { enqueueJob } from "./enqueue";
import { defineJobKind, PermanentJobError, type JobKind } from "./job-kind";
import { jobKinds } from "@/server/composition";
import { NOTIFICATION_JOB } from "@/server/services/appointments/notification-job";
import { runDueJobs, startOutboxWorker, type WorkerOptions } from "./worker";

const T0 = new Date("2026-03-11T09:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A channel that keeps what it was given and can refuse the next few messages. */
class RecordingChannel implements DeliveryChannel {
  readonly name = "recording";
  readonly sent: OutgoingMessage[] = [];
  failures = 0;
  async send(message: OutgoingMessage) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error("Zustellung fehlgeschlagen");
    }
    this.sent.push(message);
  }
}

let db: TestDb;
let channel: RecordingChannel;
let channels: DeliveryChannels;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.outboxJob.deleteMany();
  channel = new RecordingChannel();
  channels = { email: channel, sms: channel };
});

const message = (to: string) => ({ channel: "sms" as const, to, subject: "Terminbestätigung", text: `Hallo ${to}` });
const run = (at: Date, extra: Partial<WorkerOptions> = {}) =>
  runDueJobs({ db: db.prisma, channels, now: () => at, log: logger, retryDelayMs: () => 60_000, ...extra });

describe("outbox worker", () => {
  it("delivers a due job once and marks it done", async () => {
    await enqueueJob(db.prisma, NOTIFICATION_JOB, message("+4917100000001"), { runAt: T0 });
    expect(await run(T0)).toMatchObject({ claimed: 1, done: 1 });
    expect(channel.sent.map((m) => m.to)).toEqual(["+4917100000001"]);
    expect(await run(later(1000))).toMatchObject({ claimed: 0 });
    const job = await db.prisma.outboxJob.findFirstOrThrow();
    expect(job).toMatchObject({ state: "done", attempts: 1, lockedBy: null, completedAt: T0 });
  });

  it("waits for runAt", async () => {
    await enqueueJob(db.prisma, NOTIFICATION_JOB, message("+4917100000002"), { runAt: later(5000) });
    expect((await run(T0)).claimed).toBe(0);
    expect((await run(later(5000))).done).toBe(1);
  });

  it("retries with backoff and gives up after maxAttempts", async () => {
    await enqueueJob(db.prisma, NOTIFICATION_JOB, message("+4917100000003"), { runAt: T0, maxAttempts: 3 });
    channel.failures = 5;
    expect((await run(T0)).retried).toBe(1);
    expect((await run(later(30_000))).claimed).toBe(0); // backoff: due again after 60 s
    expect((await run(later(60_000))).retried).toBe(1);
    expect((await run(later(120_000))).failed).toBe(1);
    const job = await db.prisma.outboxJob.findFirstOrThrow();
    expect(job).toMatchObject({ state: "failed", attempts: 3, lastError: "Zustellung fehlgeschlagen" });
    expect(channel.sent).toHaveLength(0);
  });

  it("delivers after a transient failure", async () => {
    await enqueueJob(db.prisma, NOTIFICATION_JOB, message("+4917100000004"), { runAt: T0 });
    channel.failures = 1;
    await run(T0);
    await run(later(60_000));
    expect(channel.sent).toHaveLength(1);
    expect((await db.prisma.outboxJob.findFirstOrThrow()).state).toBe("done");
  });

  it("re-claims the job of a worker that died mid-delivery, but not before the lock is stale", async () => {
    await enqueueJob(db.prisma, NOTIFICATION_JOB, message("+4917100000005"), { runAt: T0 });
    // The first worker claims the job and then dies: its delivery never finishes.
    const dying: DeliveryChannel = { name: "dying", send: () => new Promise(() => {}) };
    // Abandoned: when its send times out long after this test, it meets a closed database.
    run(T0, { workerId: "dead", channels: { email: dying, sms: dying } }).catch(() => undefined);
    await expect.poll(async () => (await db.prisma.outboxJob.findFirstOrThrow()).state).toBe("processing");

    expect((await run(later(60_000), { workerId: "alive", staleAfterMs: 300_000 })).claimed).toBe(0);
    expect(await run(later(300_001), { workerId: "alive", staleAfterMs: 300_000 })).toMatchObject({ claimed: 1, done: 1 });
    expect(channel.sent.map((m) => m.to)).toEqual(["+4917100000005"]);
    expect(await db.prisma.outboxJob.findFirstOrThrow()).toMatchObject({ state: "done", attempts: 2 });
  });

  it("fails a job with a malformed payload or an unknown kind at once", async () => {
    await enqueueJob(db.prisma, NOTIFICATION_JOB, { channel: "fax" } as never, { runAt: T0 });
    await db.prisma.outboxJob.create({ data: { kind: "no.such.kind", payload: {}, runAt: T0 } });
    expect((await run(T0)).failed).toBe(2);
    const errors = (await db.prisma.outboxJob.findMany({ orderBy: { kind: "asc" } })).map((j) => j.lastError);
    expect(errors).toEqual([expect.stringContaining("Unbekannte Auftragsart"), expect.stringContaining("Ungültige Auftragsdaten")]);
  });

  it("runs kinds registered next to the notification, and stops retrying on a permanent error", async () => {
    const seen: string[] = [];
    const echo = defineJobKind({
      payload: z.object({ word: z.string() }),
      async run({ word }) {
        if (word === "kaputt") throw new PermanentJobError("nicht reparierbar");
        seen.push(word);
      },
    });
    const kinds: Record<string, JobKind> = { ...jobKinds, "test.echo": echo as JobKind };
    for (const word of ["hallo", "kaputt"]) {
      await db.prisma.outboxJob.create({ data: { kind: "test.echo", payload: { word }, runAt: T0 } });
    }
    expect(await run(T0, { kinds })).toMatchObject({ done: 1, failed: 1 });
    expect(seen).toEqual(["hallo"]);
  });

  it("writes a job only once per dedupe key, also inside a transaction", async () => {
    const first = await enqueueJob(db.prisma, NOTIFICATION_JOB, message("+4917100000006"), { runAt: T0, dedupeKey: "k1" });
    const again = await db.prisma.$transaction((tx) =>
      enqueueJob(tx, NOTIFICATION_JOB, message("+4917100000007"), { runAt: T0, dedupeKey: "k1" }),
    );
    expect([first, again]).toEqual([true, false]);
    expect(await db.prisma.outboxJob.count()).toBe(1);
  });

  it("keeps polling as a background worker until stopped", async () => {
    const worker = startOutboxWorker({ db: db.prisma, channels, now: () => T0, log: logger, intervalMs: 10 });
    await enqueueJob(db.prisma, NOTIFICATION_JOB, message("+4917100000008"), { runAt: T0 });
    await expect.poll(() => channel.sent.length, { timeout: 5000 }).toBe(1);
    await worker.stop();
  });
});

describe("SMTP channel", () => {
  let smtp: FakeSmtp;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
  });
  afterAll(() => smtp.close());

  it("delivers a confirmation e-mail over SMTP and retries when the server refuses it", async () => {
    const email = new SmtpChannel(smtp.url, "Salon <termine@salon.test>");
    await enqueueJob(
      db.prisma,
      NOTIFICATION_JOB,
      { channel: "email", to: "kundin@example.de", subject: "Ihr Termin", text: "Ihr Termin am 12.03.2026 um 14:00 Uhr ist gebucht." },
      { runAt: T0 },
    );
    smtp.failNext(1);
    expect((await run(T0, { channels: { email, sms: channel } })).retried).toBe(1);
    expect((await run(later(60_000), { channels: { email, sms: channel } })).done).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: "termine@salon.test", to: ["kundin@example.de"] });
    expect(smtp.received[0].data).toContain("Subject: Ihr Termin");
  });
});
