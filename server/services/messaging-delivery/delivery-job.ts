/**
 * Sends one Message (written by enqueue.ts) and records what became of it. The job renders
 * nothing: the Message holds subject and text, the payload the e-mail's HTML and calendar file.
 *
 * - A message no longer queued (sent, delivered, suppressed) is left alone: a second run of the
 *   job (a worker taking over after a crash, a retry from the Warteschlange) never sends twice.
 *   A failed message may be sent again (the Warteschlange's "Wiederholen").
 * - A reminder checks its appointment first: cancelled, moved or begun → "nicht gesendet".
 *   An SMS reminder never goes out in the quiet hours; one that is due there (a worker that was
 *   down) waits for their end with a follow-up job.
 * - Opted out of the channel → suppressed ("Kunde möchte keine SMS/E-Mails").
 * - SMS: sent with the provider's ids and segments; no provider → suppressed; permanent refusal
 *   → failed and no retry (PermanentJobError); temporary → the outbox retries with backoff, and
 *   the last attempt marks the message failed.
 * - E-mail: accepted by the SMTP server → sent (there is no delivery report for e-mail); without
 *   a mail server (messages only logged) → suppressed.
 */
import { z } from "zod";
import type { Message } from "@/server/generated/prisma/client";
import { enqueueJob } from "@/server/platform/outbox/enqueue";
import { defineJobKind, PermanentJobError, type JobContext } from "@/server/platform/outbox/job-kind";
import { LeaseLostError } from "@/server/platform/outbox/worker";
import { PermanentDeliveryError, SmsNotConfiguredError } from "@/server/services/messaging/delivery-errors";
import { sendSms } from "@/server/services/messaging/sms";
import { inQuietHours, quietPeriodEnd, REMINDER_MIN_BEFORE_START_MS } from "./reminders";
import { readReminderSettings } from "./settings";

export const MESSAGE_JOB = "message.send";

export const OPTED_OUT = { sms: "Kunde möchte keine SMS", email: "Kunde möchte keine E-Mails" } as const;
export const NO_MAIL_SERVER = "nicht zugestellt: kein Mailserver eingerichtet";

export const messageJob = defineJobKind({
  payload: z.object({
    messageId: z.string().min(1),
    /** For the logs and the queue view: which appointment the message is about. */
    appointmentId: z.string().optional(),
    /** Reminders: the start they remind of; a moved appointment no longer matches. */
    startsAt: z.string().optional(),
    /** E-mail only: the HTML part and the calendar file. */
    html: z.string().optional(),
    ics: z.string().optional(),
  }),
  async run(payload, ctx) {
    const message = await ctx.db.message.findUnique({ where: { id: payload.messageId } });
    if (!message) throw new PermanentJobError("Die Nachricht gibt es nicht mehr.");
    if (message.state !== "queued" && message.state !== "failed") {
      ctx.log.info({ messageId: message.id, state: message.state }, "message already handled; nothing sent");
      return;
    }
    // Sent again after a failure (the Warteschlange's "Wiederholen"): queued until it is out.
    if (message.state === "failed") {
      await ctx.db.message.updateMany({ where: { id: message.id, state: "failed" }, data: { state: "queued", error: null } });
    }
    if (message.kind === "reminder") {
      const hold = await reminderHold(message, payload.startsAt, ctx);
      if (hold === "waits") return;
      if (hold) return suppress(ctx, message, hold);
    }
    if (await optedOut(ctx, message)) return suppress(ctx, message, OPTED_OUT[message.channel]);
    if (message.channel === "sms") await deliverSms(ctx, message);
    else await deliverEmail(ctx, message, payload);
  },
});

async function deliverSms(ctx: JobContext, message: Message): Promise<void> {
  // The SMS goes past the outbox's channels: confirm the job is still this run's right before.
  await assertStillOurs(ctx);
  let sent: Awaited<ReturnType<typeof sendSms>>;
  try {
    sent = await sendSms(ctx.db, message.companyId, { to: message.to, text: message.body, messageId: message.id });
  } catch (error) {
    if (error instanceof SmsNotConfiguredError) return suppress(ctx, message, error.message);
    if (error instanceof PermanentDeliveryError) {
      await fail(ctx, message, error.message);
      throw new PermanentJobError(error.message);
    }
    await failOnLastAttempt(ctx, message, error);
    throw error;
  }
  await markSent(ctx, message, { provider: sent.provider, providerMessageId: sent.providerMessageId, segments: sent.segments });
}

async function deliverEmail(ctx: JobContext, message: Message, payload: { html?: string; ics?: string }): Promise<void> {
  // Without SMTP_URL the e-mail channel only writes to the log: nothing reaches the customer.
  if (ctx.channels.email.name === "log") return suppress(ctx, message, NO_MAIL_SERVER);
  try {
    await ctx.channels.email.send({
      channel: "email",
      to: message.to,
      subject: message.subject ?? "",
      text: message.body,
      ...(payload.html ? { html: payload.html } : {}),
      ...(payload.ics ? { ics: payload.ics } : {}),
    });
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    // 5xx from the mail server (unknown mailbox, refused address): no retry fixes it.
    const code = (error as { responseCode?: unknown }).responseCode;
    if (typeof code === "number" && code >= 500 && code < 600) {
      const reason = `Mailserver lehnt ab: ${(error as Error).message}`.slice(0, 500);
      await fail(ctx, message, reason);
      throw new PermanentJobError(reason);
    }
    await failOnLastAttempt(ctx, message, error);
    throw error;
  }
  await markSent(ctx, message, { provider: "smtp", providerMessageId: null, segments: null });
}

/**
 * Whether a reminder may go out now: null when it may, a German reason when it must not, or
 * "waits" when it was moved behind the quiet hours (a follow-up job sends it then).
 */
async function reminderHold(message: Message, startsAt: string | undefined, ctx: JobContext): Promise<string | "waits" | null> {
  const appointment = message.appointmentId
    ? await ctx.db.appointment.findUnique({ where: { id: message.appointmentId }, select: { status: true, startsAt: true } })
    : null;
  if (!appointment || appointment.status === "cancelled") return "Termin abgesagt";
  if (appointment.status !== "scheduled") return "Termin nicht mehr aktiv";
  if (startsAt && appointment.startsAt.toISOString() !== new Date(startsAt).toISOString()) return "Termin verschoben";
  const now = ctx.now();
  if (appointment.startsAt.getTime() <= now.getTime()) return "Termin hat bereits begonnen";
  if (message.channel !== "sms") return null;

  const [settings, company] = await Promise.all([
    readReminderSettings(ctx.db, message.companyId),
    ctx.db.company.findUnique({ where: { id: message.companyId }, select: { timeZone: true } }),
  ]);
  const timeZone = company?.timeZone ?? "Europe/Berlin";
  if (!inQuietHours(now, settings.quiet, timeZone)) return null;
  const end = quietPeriodEnd(now, settings.quiet, timeZone);
  if (end.getTime() > appointment.startsAt.getTime() - REMINDER_MIN_BEFORE_START_MS) return "Ruhezeit bis kurz vor dem Termin";
  await enqueueJob(
    ctx.db,
    MESSAGE_JOB,
    { messageId: message.id, ...(message.appointmentId ? { appointmentId: message.appointmentId } : {}), ...(startsAt ? { startsAt } : {}) },
    { companyId: message.companyId, runAt: end, dedupeKey: `message:${message.id}:after-quiet:${end.toISOString()}` },
  );
  await ctx.db.message.updateMany({ where: { id: message.id, state: "queued" }, data: { sendAt: end } });
  ctx.log.info({ messageId: message.id, sendAt: end }, "SMS reminder due in the quiet hours; moved to their end");
  return "waits";
}

async function optedOut(ctx: JobContext, message: Message): Promise<boolean> {
  if (!message.customerId) return false;
  const customer = await ctx.db.customer.findUnique({ where: { id: message.customerId }, select: { smsOptOut: true, emailOptOut: true } });
  if (!customer) return false;
  return message.channel === "sms" ? customer.smsOptOut : customer.emailOptOut;
}

/** The job still belongs to this run (a worker that took it over has raised `attempts`). */
async function assertStillOurs(ctx: JobContext): Promise<void> {
  const ours = await ctx.db.outboxJob.count({ where: { id: ctx.job.id, state: "processing", attempts: ctx.job.attempts } });
  if (ours !== 1) throw new LeaseLostError(ctx.job.id);
}

async function suppress(ctx: JobContext, message: Message, reason: string): Promise<void> {
  await ctx.db.message.updateMany({ where: { id: message.id, state: "queued" }, data: { state: "suppressed", error: reason } });
  ctx.log.info({ messageId: message.id, reason }, "message not sent");
}

async function fail(ctx: JobContext, message: Message, reason: string): Promise<void> {
  await ctx.db.message.updateMany({ where: { id: message.id, state: "queued" }, data: { state: "failed", error: reason } });
}

/** A temporary failure on the job's last attempt: the outbox gives up, so the message has failed. */
async function failOnLastAttempt(ctx: JobContext, message: Message, error: unknown): Promise<void> {
  const job = await ctx.db.outboxJob.findUnique({ where: { id: ctx.job.id }, select: { maxAttempts: true } });
  if (job && ctx.job.attempts < job.maxAttempts) return;
  const reason = error instanceof Error ? error.message : String(error);
  await fail(ctx, message, `nach ${ctx.job.attempts} Versuchen nicht zugestellt: ${reason}`.slice(0, 500));
}

async function markSent(
  ctx: JobContext,
  message: Message,
  sent: { provider: string; providerMessageId: string | null; segments: number | null },
): Promise<void> {
  const sentAt = ctx.now();
  // Queued, or dropped by an absage a moment ago: the message did go out all the same.
  const { count } = await ctx.db.message.updateMany({
    where: { id: message.id, state: { in: ["queued", "suppressed"] } },
    data: { state: "sent", error: null, sentAt, ...sent },
  });
  // The provider's report (delivered or failed) was quicker than this: it stands.
  if (count === 0) await ctx.db.message.updateMany({ where: { id: message.id, sentAt: null }, data: { sentAt, ...sent } });
}
