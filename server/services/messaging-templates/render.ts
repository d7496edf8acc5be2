import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
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

/** One of the company's own texts, as stored (message_templates). */
export interface StoredTemplate {
  channel: TemplateChannel;
  kind: MessageKindName;
  subject: string | null;
  body: string;
}

/**
 * A message ready to store: the company's own text of the kind on the channel (one of
 * `templates`) or the built-in default, filled in.
 */
export function renderMessage(
  templates: readonly StoredTemplate[],
  input: { channel: TemplateChannel; kind: MessageKindName; vars: MessageVars },
): RenderedMessage {
  const { channel, kind } = input;
  const own = templates.find((t) => t.channel === channel && t.kind === kind);
  return renderText(channel, templateOrDefault(channel, kind, own), input.vars);
}

/** The company's stored text of a kind on a channel (an e-mail without subject gets the default's), or the default without one. */
export function templateOrDefault(
  channel: TemplateChannel,
  kind: MessageKindName,
  own: { subject: string | null; body: string } | undefined,
): TemplateText & { isDefault: boolean } {
  const fallback = defaultTemplate(channel, kind);
  if (!own) return { ...fallback, isDefault: true };
  return { subject: channel === "email" ? (own.subject ?? fallback.subject) : null, body: own.body, isDefault: false };
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
