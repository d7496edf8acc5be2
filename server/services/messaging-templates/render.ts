import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { defaultTemplate, type MessageKindName, type TemplateChannel, type TemplateText } from "./defaults";
import { htmlFromText, renderTemplate, type MessageVars } from "./template-text";

export type { MessageKindName } from "./defaults";
export type { MessageVars } from "./template-text";

export interface RenderedMessage {
  /** E-mail only. */
  subject: string | null;
  text: string;
  /** E-mail only: the text as HTML, every value escaped. */
  html: string | null;
}

/** Fills a template (the company's or the default) for one channel. */
export function renderText(channel: TemplateChannel, template: TemplateText, vars: MessageVars): RenderedMessage {
  const text = renderTemplate(template.body, vars);
  if (channel === "sms") return { subject: null, text, html: null };
  const subject = renderTemplate(template.subject ?? "", vars).replace(/\s*\n\s*/g, " ");
  return { subject, text, html: htmlFromText(text, { subject, company: vars.company }) };
}

/** The company's wording of a kind on a channel, or the built-in default when it has none. */
export async function templateFor(
  db: PrismaClient | Prisma.TransactionClient,
  companyId: string,
  channel: TemplateChannel,
  kind: MessageKindName,
): Promise<TemplateText & { isDefault: boolean }> {
  const [row] = await db.$queryRaw<Array<{ subject: string | null; body: string }>>`
    SELECT subject, body FROM message_templates
    WHERE "companyId" = ${companyId} AND channel = ${channel}::"MessageChannel" AND kind = ${kind}::"MessageKind"`;
  return templateOrDefault(channel, kind, row);
}

/** The company's stored text of a kind on a channel (an e-mail without subject gets the default's), or the default without one. */
export function templateOrDefault(
  channel: TemplateChannel,
  kind: MessageKindName,
  row: { subject: string | null; body: string } | undefined,
): TemplateText & { isDefault: boolean } {
  if (!row) return { ...defaultTemplate(channel, kind), isDefault: true };
  const fallback = defaultTemplate(channel, kind);
  return { subject: channel === "email" ? (row.subject ?? fallback.subject) : null, body: row.body, isDefault: false };
}

/** A message ready to store: the company's template (or the default) filled with the appointment's values. */
export async function renderMessage(
  db: PrismaClient | Prisma.TransactionClient,
  input: { companyId: string; channel: "sms" | "email"; kind: MessageKindName; vars: MessageVars },
): Promise<{ subject: string | null; text: string; html: string | null }> {
  const template = await templateFor(db, input.companyId, input.channel, input.kind);
  return renderText(input.channel, template, input.vars);
}

/** SEQUENCE when the caller names none: grows with time, so a later version of an appointment supersedes an earlier one. */
function sequenceFromClock(now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.UTC(2024, 0, 1)) / 1000));
}

/**
 * The appointment as an iCalendar file (the e-mail's "termin.ics"). Times are written in UTC, so
 * calendars show them right in Europe/Berlin across daylight saving. The UID must stay the same
 * for one appointment (e.g. `<appointmentId>@askproai`): a changed appointment then replaces the
 * calendar entry, and `cancelled` (METHOD:CANCEL, STATUS:CANCELLED) removes it. SEQUENCE grows
 * with each version; without `sequence` it is taken from the clock.
 */
export function icsFor(input: {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string;
  organizerName: string;
  /** The sender address (MAIL_FROM); Outlook and Gmail expect an organizer with an address for METHOD:REQUEST. */
  organizerEmail?: string;
  /** A higher number than the last version sent for this UID. */
  sequence?: number;
  cancelled?: boolean;
  now?: Date;
}): string {
  const now = input.now ?? new Date();
  const calendar = ical({
    prodId: { company: "AskProAI", product: "Termine", language: "DE" },
    method: input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence ?? sequenceFromClock(now),
    stamp: now,
    start: input.start,
    end: input.end,
    summary: input.summary,
    location: input.location,
    description: input.description,
    // Without an address no ORGANIZER is written (iCalendar wants one with a mailto).
    organizer: input.organizerEmail ? { name: input.organizerName, email: input.organizerEmail } : null,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
