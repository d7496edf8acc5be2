/**
 * The message pipeline on the seeded demo company, end to end: bookings, moves and cancellations
 * through the appointment services, the real outbox worker, e-mail over the fake SMTP server and
 * SMS over the fake Twilio API (real HTTP). FIXED_NOW is Wednesday 11.03.2026, 10:00 in Berlin
 * (09:00 UTC; Berlin is UTC+1 throughout these dates).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/server/core/types";
import { InvalidParamsError } from "@/server/core/call-errors";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import { ErrorCodes } from "@/server/core/errors";
import { startFakeSmtp, type FakeSmtp } from "@/server/integrations/fakes/smtp-server";
import { startFakeTwilio, type FakeTwilio } from "@/server/integrations/fakes/twilio-server";
import { logger } from "@/server/platform/logger";
import type { DeliveryChannel, DeliveryChannels } from "@/server/platform/outbox/channels";
import { SmtpChannel } from "@/server/platform/outbox/channels/smtp-channel";
import { runDueJobs, type WorkerOptions } from "@/server/platform/outbox/worker";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { bookAppointment } from "@/server/services/appointments/book";
import { cancelAppointment } from "@/server/services/appointments/cancel";
import { changeAppointment } from "@/server/services/appointments/change";
import type { bookParams } from "@/server/services/appointments/schemas";
import { setMessagePreferences } from "@/server/services/customer/service";
import { sealCredentials } from "@/server/services/messaging/credentials";
import { listJobs, retryJob } from "@/server/services/queue/service";
import { appointmentsFixture, DASHBOARD, FIXED_NOW } from "@/server/testing/appointment-fixtures";
import { overrideEnv } from "@/server/testing/retell";
import { MESSAGE_JOB } from "./delivery-job";
import { planReminders } from "./reminders";
import { listForAppointment, updateReminderSettings } from "./service";

const ADMIN: Actor = { type: "user", id: "admin-1", role: "admin" };
const TWILIO = { accountSid: `AC${"2".repeat(32)}`, authToken: "0123456789abcdef0123456789abcdef" };
const at = (iso: string) => new Date(iso);

let f: Awaited<ReturnType<typeof appointmentsFixture>>;
let smtp: FakeSmtp;
let twilio: FakeTwilio;
let channels: DeliveryChannels;
let restoreEnv: () => void;

/** message.send never uses the outbox's SMS channel (SMS go through sendSms); anything else would show here. */
const noSmsChannel: DeliveryChannel = {
  name: "unused",
  send: () => Promise.reject(new Error("SMS must go through the provider")),
};

beforeAll(async () => {
  f = await appointmentsFixture();
  smtp = await startFakeSmtp();
  twilio = await startFakeTwilio({ accounts: [TWILIO] });
  restoreEnv = overrideEnv({ SMS_TWILIO_BASE_URL: twilio.url, APP_URL: "https://termine.example.de" });
  channels = { email: new SmtpChannel(smtp.url, "Salon Schönschnitt <termine@salon.test>"), sms: noSmsChannel };
  resetCircuits();
  configureResilience("sms", { initialDelayMs: 1, maxDelayMs: 2 });
}, 60_000);
afterAll(async () => {
  restoreEnv();
  await twilio.close();
  await smtp.close();
  await f.db.close();
});

const run = (now: Date, extra: Partial<WorkerOptions> = {}) =>
  runDueJobs({ db: f.prisma, now: () => now, channels, log: logger, retryDelayMs: () => 60_000, batchSize: 100, ...extra });

type BookParams = z.output<typeof bookParams>;
function book(over: Partial<BookParams> & Pick<BookParams, "date" | "time" | "customer_phone">, now = FIXED_NOW) {
  return bookAppointment(f.ctx(DASHBOARD, now), { branch_id: f.mitte, service_name: "Herrenhaarschnitt", customer_name: "Kim Kunde", ...over });
}

const messagesOf = (appointmentId: string) =>
  f.prisma.message.findMany({ where: { appointmentId }, orderBy: [{ createdAt: "asc" }, { sendAt: { sort: "asc", nulls: "first" } }] });
const jobOf = (messageId: string) => f.prisma.outboxJob.findFirstOrThrow({ where: { kind: MESSAGE_JOB, payload: { path: ["messageId"], equals: messageId } } });
const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const smsTo = (number: string) => twilio.state.list().filter((m) => m.to === number);

async function reminderSettings(over: Partial<Parameters<typeof updateReminderSettings>[1]> = {}) {
  await updateReminderSettings(f.ctx(ADMIN), {
    reminder_offsets: [1440],
    email_reminders: true,
    sms_reminders: false,
    quiet_from: "21:00",
    quiet_until: "08:00",
    ...over,
  });
}

async function configureTwilio() {
  const data = { smsProvider: "twilio", smsCredentialsEnc: sealCredentials(f.companyId, { provider: "twilio", ...TWILIO }), smsSender: "Salon" };
  await f.prisma.messagingSettings.upsert({ where: { companyId: f.companyId }, create: { companyId: f.companyId, ...data }, update: data });
}

describe("confirmations", () => {
  it("a booking writes a queued confirmation and its job; the worker sends the e-mail with HTML and the calendar file, the reminder at its time", async () => {
    const { appointment } = await book({ date: "2026-03-16", time: "10:00", customer_phone: "0176 44400001", customer_email: "anna@example.de" });
    const [confirmation, reminder] = await messagesOf(appointment.id);
    expect(confirmation).toMatchObject({ kind: "confirmation", channel: "email", to: "anna@example.de", state: "queued", sendAt: null });
    expect(confirmation.subject).toBe("Terminbestätigung: Herrenhaarschnitt am 16.03.2026 um 10:00 Uhr");
    // The default reminder: 24 hours before the start (16.03. 10:00 Berlin = 09:00 UTC).
    expect(reminder).toMatchObject({ kind: "reminder", channel: "email", state: "queued", sendAt: at("2026-03-15T09:00:00Z") });
    const confirmationJob = await jobOf(confirmation.id);
    expect(confirmationJob).toMatchObject({ state: "pending", runAt: FIXED_NOW, companyId: f.companyId, dedupeKey: `message:confirmation:${appointment.id}` });
    expect(await jobOf(reminder.id)).toMatchObject({
      state: "pending",
      runAt: at("2026-03-15T09:00:00Z"),
      dedupeKey: `message:reminder:${appointment.id}:2026-03-16T09:00:00.000Z:2026-03-15T09:00:00.000Z`,
    });

    expect(await run(FIXED_NOW)).toMatchObject({ claimed: 1, done: 1 });
    const [mail] = mailsTo("anna@example.de");
    expect(mail.data).toContain("text/html");
    expect(mail.data).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/);
    expect(mail.data).toContain("termin.ics");
    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: confirmation.id } })).toMatchObject({ state: "sent", provider: "smtp", sentAt: FIXED_NOW, error: null });
    expect((await f.prisma.message.findUniqueOrThrow({ where: { id: reminder.id } })).state).toBe("queued");

    await run(at("2026-03-15T09:00:00Z"));
    await run(at("2026-03-15T09:05:00Z"));
    expect(mailsTo("anna@example.de").map((m) => /Subject: ([^\r\n]*)/.exec(m.data)?.[1])).toEqual([
      expect.stringContaining("Terminbest"),
      expect.stringContaining("Erinnerung"),
    ]);
    expect((await f.prisma.message.findUniqueOrThrow({ where: { id: reminder.id } })).state).toBe("sent");
  });

  it("without an SMS provider the SMS is 'nicht zugestellt', and the Warteschlange shows that instead of a delivery", async () => {
    const { appointment } = await book({ date: "2026-03-16", time: "11:00", customer_phone: "0176 44400002" });
    const [message] = await messagesOf(appointment.id);
    expect(message).toMatchObject({ channel: "sms", to: "+4917644400002", state: "queued" });
    await run(FIXED_NOW);

    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      state: "suppressed",
      error: "nicht zugestellt: kein SMS-Anbieter eingerichtet",
      sentAt: null,
    });
    const job = await jobOf(message.id);
    expect(job.state).toBe("done"); // not an error: nothing to retry
    const { jobs } = await listJobs(f.ctx(ADMIN), { kind: MESSAGE_JOB, limit: 200, offset: 0 });
    expect(jobs.find((j) => j.id === job.id)).toMatchObject({
      state: "done",
      summary: "SMS an +4917644400002: Bestätigung",
      message: { state: "suppressed", error: "nicht zugestellt: kein SMS-Anbieter eingerichtet" },
    });
  });

  it("an e-mail that still fails on the job's last attempt is 'fehlgeschlagen'; Wiederholen in the Warteschlange sends it", async () => {
    const { appointment } = await book({ date: "2026-03-16", time: "14:00", customer_phone: "0176 44400003", customer_email: "bea@example.de" });
    const [message] = await messagesOf(appointment.id);
    const job = await jobOf(message.id);
    await f.prisma.outboxJob.update({ where: { id: job.id }, data: { maxAttempts: 1 } });
    smtp.failNext(1);
    await run(FIXED_NOW);
    expect(await f.prisma.outboxJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "failed", attempts: 1 });
    const failed = await f.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/^nach 1 Versuchen nicht zugestellt: .*451/);

    await retryJob(f.ctx(ADMIN), { job_id: job.id });
    await run(FIXED_NOW);
    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ state: "sent", error: null });
    expect(mailsTo("bea@example.de")).toHaveLength(1);
  });
});

describe("SMS through the provider (fake Twilio)", () => {
  beforeAll(configureTwilio);

  it("sends the SMS and keeps the provider's id and segments", async () => {
    const { appointment } = await book({ date: "2026-03-17", time: "10:00", customer_phone: "0176 44400011" });
    const [message] = await messagesOf(appointment.id);
    await run(FIXED_NOW);
    const [sms] = smsTo("+4917644400011");
    expect(sms.body).toBe(message.body);
    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      state: "sent",
      provider: "twilio",
      providerMessageId: sms.sid,
      segments: sms.segments,
      sentAt: FIXED_NOW,
    });
  });

  it("a permanent refusal (invalid number) is 'fehlgeschlagen' with the reason and never retried", async () => {
    const { appointment } = await book({ date: "2026-03-17", time: "11:00", customer_phone: "0176 44400000" });
    const [message] = await messagesOf(appointment.id);
    expect(await run(FIXED_NOW)).toMatchObject({ failed: 1 });
    const failed = await f.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(failed.state).toBe("failed");
    expect(failed.error).toBeTruthy();
    expect(await jobOf(message.id)).toMatchObject({ state: "failed", attempts: 1, lastError: failed.error });
    await run(at("2026-03-11T12:00:00Z"));
    expect(twilio.state.requestsTo("POST", /Messages\.json$/).filter((r) => JSON.stringify(r.body).includes("4917644400000"))).toHaveLength(1);
  });

  it("a temporary outage is retried with backoff and then sent once", async () => {
    const { appointment } = await book({ date: "2026-03-17", time: "14:00", customer_phone: "0176 44400012" });
    const [message] = await messagesOf(appointment.id);
    twilio.state.failNext(1, 503);
    expect(await run(FIXED_NOW)).toMatchObject({ retried: 1 });
    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ state: "queued", error: null });
    const waiting = await jobOf(message.id);
    expect(waiting).toMatchObject({ state: "pending", attempts: 1, runAt: at("2026-03-11T09:01:00Z") });

    expect((await run(at("2026-03-11T09:00:30Z"))).claimed).toBe(0); // not before the backoff
    await run(at("2026-03-11T09:01:00Z"));
    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ state: "sent", provider: "twilio" });
    expect(smsTo("+4917644400012")).toHaveLength(1);
  });

  it("respects an opt-out made after the booking: 'Kunde möchte keine SMS', and nothing reaches the provider", async () => {
    const { appointment } = await book({ date: "2026-03-17", time: "15:00", customer_phone: "0176 44400013" });
    await setMessagePreferences(f.ctx(DASHBOARD), { customer_id: appointment.customer_id, sms_opt_out: true, email_opt_out: false });
    await run(FIXED_NOW);
    const [message] = await messagesOf(appointment.id);
    expect(message).toMatchObject({ state: "suppressed", error: "Kunde möchte keine SMS" });
    expect(smsTo("+4917644400013")).toHaveLength(0);
  });
});

describe("reminders", () => {
  beforeAll(configureTwilio);

  it("one per offset, none that would be due already or within minutes of the booking", async () => {
    await reminderSettings({ reminder_offsets: [1440, 120, 73] });
    // 14:00 today: 24 h before has passed, 2 h before is 12:00, 73 min before is 12:47.
    const today = await book({ date: "2026-03-11", time: "14:00", customer_phone: "0176 44400021", customer_email: "carl@example.de" });
    expect((await messagesOf(today.appointment.id)).filter((m) => m.kind === "reminder").map((m) => m.sendAt)).toEqual([
      at("2026-03-11T11:00:00Z"),
      at("2026-03-11T11:47:00Z"),
    ]);
    // 11:15 today: 73 min before would be 10:02, two minutes after the booking: skipped like the rest.
    const soon = await book({ date: "2026-03-11", time: "11:15", customer_phone: "0176 44400022", customer_email: "dora@example.de" });
    expect((await messagesOf(soon.appointment.id)).map((m) => m.kind)).toEqual(["confirmation"]);
    await reminderSettings();
  });

  it("SMS reminders (when turned on) leave the quiet hours: 21:00 becomes 08:00 of the appointment's day", async () => {
    await reminderSettings({ reminder_offsets: [1440, 720], sms_reminders: true });
    const { appointment } = await book({ branch_id: f.prenzlberg, date: "2026-03-13", time: "09:00", customer_phone: "0176 44400031" });
    const reminders = (await messagesOf(appointment.id)).filter((m) => m.kind === "reminder");
    // 24 h before: Thursday 09:00; 12 h before would be Thursday 21:00, so Friday 08:00.
    expect(reminders.map((m) => [m.channel, m.sendAt])).toEqual([
      ["sms", at("2026-03-12T08:00:00Z")],
      ["sms", at("2026-03-13T07:00:00Z")],
    ]);
    await run(at("2026-03-12T08:00:00Z")); // Thursday 09:00: confirmation and the first reminder
    expect(smsTo("+4917644400031")).toHaveLength(2);
    await run(at("2026-03-12T20:30:00Z")); // Thursday 21:30: nothing
    expect(smsTo("+4917644400031")).toHaveLength(2);
    await run(at("2026-03-13T07:00:00Z"));
    expect(smsTo("+4917644400031")).toHaveLength(3);
    expect((await messagesOf(appointment.id)).map((m) => m.state)).toEqual(["sent", "sent", "sent"]);
    await reminderSettings();
  });

  it("an SMS reminder that comes due inside the quiet hours (worker down in the evening) waits for their end", async () => {
    await reminderSettings({ reminder_offsets: [780], sms_reminders: true });
    const { appointment } = await book({ branch_id: f.prenzlberg, date: "2026-03-20", time: "09:00", customer_phone: "0176 44400032" });
    const [, reminder] = await messagesOf(appointment.id);
    expect(reminder.sendAt).toEqual(at("2026-03-19T19:00:00Z")); // Thursday 20:00
    await run(FIXED_NOW);

    await run(at("2026-03-19T21:30:00Z")); // Thursday 22:30
    expect(smsTo("+4917644400032")).toHaveLength(1); // the confirmation only
    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: reminder.id } })).toMatchObject({ state: "queued", sendAt: at("2026-03-20T07:00:00Z") });
    expect((await run(at("2026-03-20T06:59:00Z"))).claimed).toBe(0);
    await run(at("2026-03-20T07:00:00Z"));
    await run(at("2026-03-20T07:30:00Z"));
    expect(smsTo("+4917644400032")).toHaveLength(2);
    expect((await f.prisma.message.findUniqueOrThrow({ where: { id: reminder.id } })).state).toBe("sent");
    await reminderSettings();
  });

  it("a move drops the waiting reminder and plans one for the new time; moving back plans the old time again", async () => {
    const { appointment } = await book({ date: "2026-03-18", time: "10:00", customer_phone: "0176 44400041", customer_email: "emil@example.de" });
    const [, first] = await messagesOf(appointment.id);
    const firstJob = await jobOf(first.id);

    await changeAppointment(f.ctx(DASHBOARD), { appointment_id: appointment.id, new_date: "2026-03-19", new_time: "11:00" });
    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "suppressed", error: "Termin verschoben" });
    expect(await f.prisma.outboxJob.findUniqueOrThrow({ where: { id: firstJob.id } })).toMatchObject({ state: "cancelled", dedupeKey: null });
    const afterMove = (await messagesOf(appointment.id)).filter((m) => m.state === "queued" && m.kind !== "confirmation");
    expect(afterMove.map((m) => [m.kind, m.sendAt])).toEqual([
      ["change", null],
      ["reminder", at("2026-03-18T10:00:00Z")],
    ]);

    await changeAppointment(f.ctx(DASHBOARD), { appointment_id: appointment.id, new_date: "2026-03-18", new_time: "10:00" });
    const queuedReminders = (await messagesOf(appointment.id)).filter((m) => m.kind === "reminder" && m.state === "queued");
    expect(queuedReminders.map((m) => m.sendAt)).toEqual([at("2026-03-17T09:00:00Z")]);

    for (const when of ["2026-03-11T09:00:00Z", "2026-03-17T09:00:00Z", "2026-03-18T10:00:00Z"]) await run(at(when));
    const reminders = mailsTo("emil@example.de").filter((m) => /Subject: Erinnerung/.test(m.data));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].data).toContain("18.03.2026 um 10:00 Uhr");
  });

  it("a cancellation drops the waiting reminders and sends the Absage with a calendar cancellation", async () => {
    const { appointment } = await book({ date: "2026-03-18", time: "14:00", customer_phone: "0176 44400042", customer_email: "finn@example.de" });
    const [, reminder] = await messagesOf(appointment.id);
    await cancelAppointment(f.ctx(DASHBOARD), { appointment_id: appointment.id });
    expect(await f.prisma.message.findUniqueOrThrow({ where: { id: reminder.id } })).toMatchObject({ state: "suppressed", error: "Termin abgesagt" });
    expect((await jobOf(reminder.id)).state).toBe("cancelled");

    await run(FIXED_NOW);
    await run(at("2026-03-17T13:00:00Z"));
    const subjects = mailsTo("finn@example.de").map((m) => /Subject: ([^\r\n]*)/.exec(m.data)?.[1] ?? "");
    expect(subjects).toHaveLength(2);
    expect(subjects.some((s) => s.includes("Erinnerung"))).toBe(false);
    expect(mailsTo("finn@example.de").some((m) => /method=CANCEL/.test(m.data))).toBe(true);
  });

  it("a reminder checks its appointment when it runs: cancelled or moved elsewhere (e.g. in Cal.com) → not sent", async () => {
    const cancelled = await book({ date: "2026-03-18", time: "15:00", customer_phone: "0176 44400043", customer_email: "gina@example.de" });
    const moved = await book({ date: "2026-03-18", time: "16:00", customer_phone: "0176 44400044", customer_email: "hugo@example.de" });
    await run(FIXED_NOW);
    // Changed behind the pipeline's back, as a calendar sync would: the reminders' jobs are still waiting.
    await f.prisma.appointment.update({ where: { id: cancelled.appointment.id }, data: { status: "cancelled" } });
    await f.prisma.appointment.update({ where: { id: moved.appointment.id }, data: { startsAt: at("2026-03-18T16:00:00Z"), endsAt: at("2026-03-18T16:30:00Z") } });
    await run(at("2026-03-17T15:00:00Z"));

    const reminderOf = async (id: string) => (await messagesOf(id)).find((m) => m.kind === "reminder")!;
    expect(await reminderOf(cancelled.appointment.id)).toMatchObject({ state: "suppressed", error: "Termin abgesagt" });
    expect(await reminderOf(moved.appointment.id)).toMatchObject({ state: "suppressed", error: "Termin verschoben" });
    expect(mailsTo("gina@example.de")).toHaveLength(1);
    expect(mailsTo("hugo@example.de")).toHaveLength(1);
  });

  it("an e-mail opt-out after the booking stops the reminder too", async () => {
    const { appointment } = await book({ date: "2026-03-19", time: "14:00", customer_phone: "0176 44400045", customer_email: "ida@example.de" });
    await run(FIXED_NOW);
    await setMessagePreferences(f.ctx(DASHBOARD), { customer_id: appointment.customer_id, sms_opt_out: false, email_opt_out: true });
    await run(at("2026-03-18T13:00:00Z"));
    const [confirmation, reminder] = await messagesOf(appointment.id);
    expect(confirmation.state).toBe("sent");
    expect(reminder).toMatchObject({ state: "suppressed", error: "Kunde möchte keine E-Mails" });
    expect(mailsTo("ida@example.de")).toHaveLength(1);
  });
});

describe("reminder planning (quiet hours)", () => {
  const quiet = { from: "21:00", until: "08:00" };
  const plan = (startsAt: string, offsetsMinutes: number[], channel: "sms" | "email" = "sms", q = quiet) =>
    planReminders({ startsAt: at(startsAt), now: FIXED_NOW, offsetsMinutes, channel, quiet: q, timeZone: "Europe/Berlin" }).map((p) => p.runAt.toISOString());

  it("moves an SMS before the quiet hours when their end is too close to the appointment", () => {
    // 08:15 Friday: 10 h before is Thursday 22:15; 08:00 would be only 15 minutes ahead, so Thursday 20:59.
    expect(plan("2026-03-13T07:15:00Z", [600])).toEqual(["2026-03-12T19:59:00.000Z"]);
    // E-mail has no quiet hours.
    expect(plan("2026-03-13T07:15:00Z", [600], "email")).toEqual(["2026-03-12T21:15:00.000Z"]);
  });

  it("gives one reminder when two offsets end up at the same moment, and none of the quiet hours when from equals until", () => {
    // 09:00 Friday: 12 h (21:00) and 10 h (23:00) before both become 08:00.
    expect(plan("2026-03-13T08:00:00Z", [720, 600])).toEqual(["2026-03-13T07:00:00.000Z"]);
    expect(plan("2026-03-13T08:00:00Z", [720], "sms", { from: "00:00", until: "00:00" })).toEqual(["2026-03-12T20:00:00.000Z"]);
  });
});

describe("messaging.delivery through callMethod", () => {
  const door = (actor: Actor): DoorContext => ({ companyId: f.companyId, actor, correlationId: "t", db: f.prisma, now: () => FIXED_NOW });
  const STAFF: Actor = { type: "user", id: "staff-1", role: "staff" };

  it("staff read an appointment's messages and set opt-outs; only admins see or change the reminder settings", async () => {
    const { appointment } = await book({ date: "2026-03-19", time: "15:00", customer_phone: "0176 44400051", customer_email: "jana@example.de" });
    const { data } = await callMethod("messaging.delivery.listForAppointment", { appointment_id: appointment.id }, door(STAFF));
    expect(data).toMatchObject({
      messages: [
        { kind: "confirmation", channel: "email", to: "jana@example.de", state: "queued", send_at: null },
        { kind: "reminder", channel: "email", state: "queued", send_at: "2026-03-18T14:00:00.000Z" },
      ],
      customer: { id: appointment.customer_id, has_email: true, sms_opt_out: false, email_opt_out: false },
    });
    await callMethod("customer.setMessagePreferences", { customer_id: appointment.customer_id, sms_opt_out: true, email_opt_out: false }, door(STAFF));
    expect((await listForAppointment(f.ctx(STAFF), { appointment_id: appointment.id })).customer).toMatchObject({ sms_opt_out: true, email_opt_out: false });

    const refused = (p: Promise<unknown>) => p.then(() => null, (e: { code: number }) => e.code);
    expect(await refused(callMethod("messaging.delivery.getReminderSettings", {}, door(STAFF)))).toBe(ErrorCodes.FORBIDDEN);
    expect(await refused(callMethod("customer.setMessagePreferences", { customer_id: "nope", sms_opt_out: true, email_opt_out: true }, door(STAFF)))).toBe(ErrorCodes.NOT_FOUND);
    expect(await refused(callMethod("messaging.delivery.listForAppointment", { appointment_id: "nope" }, door(STAFF)))).toBe(ErrorCodes.NOT_FOUND);

    const settings = await callMethod("messaging.delivery.getReminderSettings", {}, door(ADMIN));
    expect(settings.data).toEqual({ reminder_offsets: [1440], email_reminders: true, sms_reminders: false, quiet_from: "21:00", quiet_until: "08:00" });
    const invalid = await callMethod(
      "messaging.delivery.updateReminderSettings",
      { reminder_offsets: [1440, 1440], email_reminders: true, sms_reminders: false, quiet_from: "25:00", quiet_until: "08:00" },
      door(ADMIN),
    ).then(() => null, (e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidParamsError);
    expect((invalid as InvalidParamsError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["reminder_offsets", "Jeder Zeitpunkt nur einmal."],
      ["quiet_from", "Bitte eine Uhrzeit im Format HH:mm angeben, z. B. 21:00."],
    ]);

    const list = await callMethod("messaging.delivery.list", { state: "suppressed", limit: 5 }, door(STAFF));
    expect((list.data as { messages: Array<{ state: string }> }).messages.every((m) => m.state === "suppressed")).toBe(true);
    // The SMS provider's settings in the same row stay as they are.
    expect(await f.prisma.messagingSettings.findUniqueOrThrow({ where: { companyId: f.companyId } })).toMatchObject({ smsProvider: "twilio" });
  });
});
