/** The company's messages as the dashboard sees them, and its reminder settings. */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { Message } from "@/server/generated/prisma/client";
import { readReminderSettings } from "./settings";
import type * as s from "./schemas";
import { invalidateMessagingContext } from "./context";

function toDto(m: Message): s.MessageDto {
  return {
    id: m.id,
    appointment_id: m.appointmentId,
    channel: m.channel,
    kind: m.kind,
    to: m.to,
    subject: m.subject,
    body: m.body,
    state: m.state,
    error: m.error,
    provider: m.provider,
    segments: m.segments,
    send_at: m.sendAt?.toISOString() ?? null,
    sent_at: m.sentAt?.toISOString() ?? null,
    delivered_at: m.deliveredAt?.toISOString() ?? null,
    created_at: m.createdAt.toISOString(),
  };
}

/** Every message about one appointment, oldest first (reminders in the order they go out). */
export async function listForAppointment(
  ctx: ServiceContext,
  params: z.output<typeof s.listForAppointmentParams>,
): Promise<z.input<typeof s.listForAppointmentResult>> {
  const appointment = await ctx.db.appointment.findFirst({
    where: { id: params.appointment_id, companyId: ctx.companyId },
    select: { customer: { select: { id: true, name: true, email: true, smsOptOut: true, emailOptOut: true } } },
  });
  if (!appointment) throw new AppError(ErrorCodes.NOT_FOUND, "Der Termin wurde nicht gefunden.");
  const messages = await ctx.db.message.findMany({
    where: { companyId: ctx.companyId, appointmentId: params.appointment_id },
    orderBy: [{ createdAt: "asc" }, { sendAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
  const c = appointment.customer;
  return {
    messages: messages.map(toDto),
    customer: { id: c.id, name: c.name, has_email: Boolean(c.email), sms_opt_out: c.smsOptOut, email_opt_out: c.emailOptOut },
  };
}

/** The company's messages, newest first, optionally of one state. */
export async function listMessages(ctx: ServiceContext, params: z.output<typeof s.listParams>): Promise<z.input<typeof s.listResult>> {
  const where = { companyId: ctx.companyId, ...(params.state ? { state: params.state } : {}) };
  const [rows, total] = await Promise.all([
    ctx.db.message.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: params.limit, skip: params.offset }),
    ctx.db.message.count({ where }),
  ]);
  return { messages: rows.map(toDto), total };
}

export async function getReminderSettings(
  ctx: ServiceContext,
  _params: z.output<typeof s.getReminderSettingsParams>,
): Promise<z.input<typeof s.getReminderSettingsResult>> {
  const settings = await readReminderSettings(ctx.db, ctx.companyId);
  return {
    reminder_offsets: [...settings.offsetsMinutes].sort((a, b) => b - a),
    email_reminders: settings.emailReminders,
    sms_reminders: settings.smsReminders,
    quiet_from: settings.quiet.from,
    quiet_until: settings.quiet.until,
  };
}

/**
 * Stores the reminder settings (only these columns: the SMS provider's stay as they are). They
 * apply to appointments booked or moved from now on; reminders already planned keep their time.
 */
export async function updateReminderSettings(
  ctx: ServiceContext,
  params: z.output<typeof s.updateReminderSettingsParams>,
): Promise<z.input<typeof s.updateReminderSettingsResult>> {
  const data = {
    reminderOffsets: [...params.reminder_offsets].sort((a, b) => b - a),
    emailReminders: params.email_reminders,
    smsReminders: params.sms_reminders,
    quietFrom: params.quiet_from,
    quietUntil: params.quiet_until,
  };
  await ctx.db.messagingSettings.upsert({ where: { companyId: ctx.companyId }, create: { companyId: ctx.companyId, ...data }, update: data });
  await invalidateMessagingContext(ctx.companyId);
  return getReminderSettings(ctx, {});
}
