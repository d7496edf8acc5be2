import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { logger } from "@/server/platform/logger";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import type { DeliveryChannel, OutgoingMessage } from "@/server/platform/outbox/channels";
import { runDueJobs } from "@/server/platform/outbox/worker";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";

/** Refuses every message, so jobs run out of attempts. */
class RefusingChannel implements DeliveryChannel {
  readonly name = "refusing";
  async send(_message: OutgoingMessage): Promise<void> {
    throw new Error("SMTP 550: Postfach unbekannt");
  }
}

let db: Awaited<ReturnType<typeof seededTestDb>>;
let door: DoorContext;
const call = (method: string, params: object = {}) => callMethod(method, params, door).then((r) => r.data as Record<string, unknown>);
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: { code: number }) => e.code);

beforeAll(async () => {
  db = await seededTestDb();
  door = { companyId: db.companyId, actor: { type: "user", id: "u1", role: "admin" }, correlationId: "t", db: db.prisma, now: () => FIXED_NOW };
  const branch = await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId }, orderBy: { createdAt: "asc" } });
  // Confirmations only (no reminders), by e-mail: the refusing mail server makes them fail.
  await db.prisma.messagingSettings.create({ data: { companyId: db.companyId, emailReminders: false } });
  for (const [time, phone] of [["15:00", "0176 5550001"], ["16:00", "0176 5550002"]]) {
    await call("appointments.book", {
      branch_id: branch.id,
      service_name: "Herrenhaarschnitt",
      date: "2026-03-12",
      time,
      customer_name: "Kunde",
      customer_phone: phone,
      customer_email: `kunde${phone.slice(-1)}@example.de`,
    });
  }
  // Another company's job must stay invisible.
  const other = await db.prisma.company.create({ data: { slug: "fremd", name: "Fremd" } });
  await db.prisma.outboxJob.create({ data: { companyId: other.id, kind: "notification.send", payload: {}, state: "failed" } });
});
afterAll(() => db.close());

describe("queue server", () => {
  it("counts, lists, retries and cancels the company's jobs", async () => {
    expect(await call("queue.stats")).toMatchObject({ pending: 2, failed: 0, oldest_pending_seconds: 0 });

    // Deliveries fail until the jobs give up (maxAttempts 5, no delay between attempts here).
    for (let i = 0; i < 5; i++) {
      await runDueJobs({ db: db.prisma, now: () => FIXED_NOW, log: logger, retryDelayMs: () => 0, channels: { email: new RefusingChannel(), sms: new RefusingChannel() } });
    }
    expect(await call("queue.stats")).toMatchObject({ pending: 0, failed: 2, oldest_pending_seconds: null });

    const failed = await call("queue.list", { state: "failed" });
    expect(failed.total).toBe(2);
    const [job] = failed.jobs as Array<Record<string, unknown>>;
    expect(job).toMatchObject({
      kind: "message.send",
      attempts: 5,
      last_error: "SMTP 550: Postfach unbekannt",
      message: { state: "failed", error: "nach 5 Versuchen nicht zugestellt: SMTP 550: Postfach unbekannt" },
    });
    expect(job.summary).toMatch(/^E-Mail an kunde\d@example\.de: Bestätigung$/);

    const retried = await call("queue.retry", { job_id: job.id });
    expect(retried.job).toMatchObject({ state: "pending", attempts: 0 });
    const cancelled = await call("queue.cancel", { job_id: job.id });
    expect(cancelled.job).toMatchObject({ state: "cancelled" });
    expect(await call("queue.stats")).toMatchObject({ failed: 1, cancelled: 1 });
  });

  it("refuses retrying a waiting job, cancelling a finished one, and other companies' jobs", async () => {
    const [failed] = (await call("queue.list", { state: "failed" })).jobs as Array<{ id: string }>;
    await call("queue.retry", { job_id: failed.id });
    expect(await errorOf(call("queue.retry", { job_id: failed.id }))).toBe(ErrorCodes.CONFLICT);
    await db.prisma.outboxJob.update({ where: { id: failed.id }, data: { state: "done" } });
    expect(await errorOf(call("queue.cancel", { job_id: failed.id }))).toBe(ErrorCodes.CONFLICT);

    const foreign = await db.prisma.outboxJob.findFirstOrThrow({ where: { company: { slug: "fremd" } } });
    expect(await errorOf(call("queue.retry", { job_id: foreign.id }))).toBe(ErrorCodes.NOT_FOUND);
  });

  it("lets only admins retry or cancel", async () => {
    const staffDoor: DoorContext = { ...door, actor: { type: "user", id: "u2", role: "staff" } };
    expect(await callMethod("queue.stats", {}, staffDoor)).toBeTruthy();
    expect(await errorOf(callMethod("queue.cancel", { job_id: "x" }, staffDoor))).toBe(ErrorCodes.FORBIDDEN);
  });
});
