/**
 * Messages to the customer, written inside the transaction that books, moves or cancels: a
 * Message row (state queued) with the rendered text and an outbox job that sends it, so a
 * message is never lost and never sent for a change that rolled back. A booking and a move also
 * plan the reminders (one Message and one job due at its time each); a move or a cancellation
 * first drops the reminders still waiting for the old time.
 *
 * The channel follows the company's rule: e-mail when the customer has an address and the
 * company sends e-mails, else SMS. Opt-outs are checked when the message is sent (see
 * delivery-job.ts), so an opt-out after the booking still counts.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client";
import { jobsInsert, type JobToWrite } from "@/server/platform/outbox/enqueue";
import { env } from "@/server/platform/env";
import { formatGermanDate, formatGermanTime } from "@/server/scheduling/time";
import { icsFor, renderMessage, type MessageVars } from "@/server/services/messaging-templates/render";
import { branchAddress } from "@/server/services/messaging-templates/template-text";
import { MESSAGE_JOB } from "./delivery-job";
import { planReminders } from "./reminders";
import { messagingContext, type MessagingContext } from "./context";
import { reminderSettingsOf } from "./settings";

type Tx = Prisma.TransactionClient;

/** payment: a deposit link (services/stripe); always by SMS, no reminders. */
export type CustomerMessageKind = "confirmation" | "change" | "cancellation" | "payment";

export interface CustomerMessageInput {
  kind: CustomerMessageKind;
  companyId: string;
  companyName: string;
  /** The company's setting "Bestätigungen per E-Mail senden". */
  sendEmails: boolean;
  appointment: {
    id: string;
    branchId: string;
    startsAt: Date;
    endsAt: Date;
    serviceName: string;
    staffName: string | null;
    branchName: string;
    /** The branch's zone: dates and times in the text. */
    timeZone: string;
  };
  customer: { id: string; name: string | null; phone: string; email: string | null };
  now: Date;
  /** payment only: the Checkout link ({link}) and the amount as shown ({betrag}, e.g. "20,00 €"). */
  payment?: { link: string; amount: string };
}

/** Why reminders still waiting were dropped, shown as "nicht gesendet: …". */
export const REMINDER_DROPPED = { change: "Termin verschoben", cancellation: "Termin abgesagt" } as const;

/** A new message: always queued (the column's default). */
type MessageRow = Pick<Prisma.MessageCreateManyInput, "id" | "companyId" | "appointmentId" | "customerId" | "channel" | "kind" | "to" | "subject" | "body" | "sendAt">;

export async function enqueueCustomerMessage(tx: Tx, input: CustomerMessageInput): Promise<void> {
  const { appointment: a, customer, now } = input;
  const context = await messagingContext(tx, input.companyId, a.branchId);
  if (input.kind === "change" || input.kind === "cancellation") await dropPendingReminders(tx, input.companyId, a.id, REMINDER_DROPPED[input.kind]);

  const vars: MessageVars = {
    name: customer.name,
    date: formatGermanDate(a.startsAt, a.timeZone),
    time: formatGermanTime(a.startsAt, a.timeZone),
    service: a.serviceName,
    staff: a.staffName,
    branch: a.branchName,
    address: addressOf(context, a.branchId),
    company: input.companyName,
    ...(input.payment ? { link: input.payment.link, amount: input.payment.amount } : {}),
  };
  const byEmail = Boolean(customer.email) && input.sendEmails && input.kind !== "payment";
  const channel = byEmail ? "email" : "sms";
  const to = byEmail ? customer.email! : customer.phone;

  const rendered = renderMessage(context?.templates ?? [], { channel, kind: input.kind, vars });
  const messageId = randomUUID();
  const ics = byEmail ? calendarFile(input, vars, rendered.text) : undefined;
  const dedupeKey =
    input.kind === "payment"
      ? `message:payment:${a.id}:${messageId}` // each send of a link is its own message ("Zahlungslink senden" again)
      : input.kind === "change"
      ? `message:change:${a.id}:${a.startsAt.toISOString()}:${now.toISOString()}`
      : `message:${input.kind}:${a.id}`;
  const sends: MessageSend[] = [
    {
      message: messageRow(input, messageId, channel, to, input.kind, rendered, null),
      job: messageJob({ messageId, appointmentId: a.id, ...(rendered.html ? { html: rendered.html } : {}), ...(ics ? { ics } : {}) }, input.companyId, now, dedupeKey),
    },
  ];
  if (input.kind === "confirmation" || input.kind === "change") sends.push(...reminderSends(input, context, vars));
  await writeSends(tx, sends);
}

/** A message and the job that sends it: the message is stored only if its job is new (dedupe key). */
interface MessageSend {
  message: MessageRow;
  job: JobToWrite<typeof MESSAGE_JOB>;
}

function messageJob(payload: JobToWrite<typeof MESSAGE_JOB>["payload"], companyId: string, runAt: Date, dedupeKey: string): JobToWrite<typeof MESSAGE_JOB> {
  return { kind: MESSAGE_JOB, payload, options: { companyId, runAt, dedupeKey } };
}

/**
 * The jobs and their messages in one statement: the messages whose job was written (not a
 * duplicate) are inserted with them. It runs inside every booking's transaction, under the
 * booking lock, where each statement counts and the client's createMany cost about 1 ms more
 * (Prisma compiles a model query anew on every call).
 */
async function writeSends(tx: Tx, sends: MessageSend[]): Promise<void> {
  const values = sends.map(
    ({ message: m }) => Prisma.sql`(${m.id}, ${m.companyId}, ${m.appointmentId}, ${m.customerId}, ${m.channel}::"MessageChannel", ${m.kind}::"MessageKind",
                                    ${m.to}, ${m.subject}, ${m.body}, ${m.sendAt}::timestamptz)`,
  );
  await tx.$executeRaw`
    WITH written AS (${jobsInsert(sends.map((s) => s.job))})
    INSERT INTO messages (id, "companyId", "appointmentId", "customerId", channel, kind, "to", subject, body, "sendAt", "updatedAt")
    SELECT m.*, now()
      FROM (VALUES ${Prisma.join(values)}) AS m(id, "companyId", "appointmentId", "customerId", channel, kind, "to", subject, body, "sendAt")
     WHERE m.id IN (SELECT payload->>'messageId' FROM written)`;
}

/** The reminders of a booked or moved appointment: a Message and a job due at its time each. */
function reminderSends(input: CustomerMessageInput, context: MessagingContext | null, vars: MessageVars): MessageSend[] {
  const { appointment: a, customer } = input;
  const settings = reminderSettingsOf(context);
  const channel =
    customer.email && input.sendEmails && settings.emailReminders ? "email" : settings.smsReminders ? "sms" : null;
  if (!channel) return [];
  const planned = planReminders({
    startsAt: a.startsAt,
    now: input.now,
    offsetsMinutes: settings.offsetsMinutes,
    channel,
    quiet: settings.quiet,
    timeZone: context?.timeZone ?? "Europe/Berlin",
  });
  if (planned.length === 0) return [];
  const rendered = renderMessage(context?.templates ?? [], { channel, kind: "reminder", vars });
  const to = channel === "email" ? customer.email! : customer.phone;
  const startsAt = a.startsAt.toISOString();
  return planned.map(({ runAt }) => {
    const messageId = randomUUID();
    return {
      message: messageRow(input, messageId, channel, to, "reminder", rendered, runAt),
      // The start is part of the key: a moved appointment gets reminders of its own.
      job: messageJob({ messageId, appointmentId: a.id, startsAt, ...(rendered.html ? { html: rendered.html } : {}) }, input.companyId, runAt, `message:reminder:${a.id}:${startsAt}:${runAt.toISOString()}`),
    };
  });
}

/**
 * Reminders still waiting for an appointment that moved or was cancelled: their messages become
 * "nicht gesendet" with the reason, their jobs are cancelled and give up their dedupe keys (a
 * move back to the old time plans them anew). One statement.
 */
export async function dropPendingReminders(tx: Tx, companyId: string, appointmentId: string, reason: string): Promise<void> {
  await tx.$executeRaw`
    WITH dropped AS (
      UPDATE messages SET state = 'suppressed', error = ${reason}, "updatedAt" = now()
       WHERE "appointmentId" = ${appointmentId} AND "companyId" = ${companyId} AND kind = 'reminder' AND state = 'queued'
      RETURNING id)
    UPDATE outbox_jobs SET state = 'cancelled', "dedupeKey" = NULL, "updatedAt" = now()
     WHERE kind = ${MESSAGE_JOB} AND state = 'pending' AND payload->>'messageId' IN (SELECT id FROM dropped)`;
}

function addressOf(context: MessagingContext | null, branchId: string): string | null {
  const branch = context?.branches.find((b) => b.id === branchId);
  return branch ? branchAddress(branch) : null;
}

function messageRow(
  input: CustomerMessageInput,
  id: string,
  channel: "email" | "sms",
  to: string,
  kind: CustomerMessageKind | "reminder",
  rendered: { subject: string | null; text: string },
  sendAt: Date | null,
): MessageRow {
  return {
    id,
    companyId: input.companyId,
    appointmentId: input.appointment.id,
    customerId: input.customer.id,
    channel,
    kind,
    to,
    subject: rendered.subject,
    body: rendered.text,
    sendAt,
  };
}

/** The appointment as a calendar entry; one UID per appointment, so a change replaces it and an absage removes it. */
function calendarFile(input: CustomerMessageInput, vars: MessageVars, text: string): string {
  const a = input.appointment;
  return icsFor({
    uid: `${a.id}@askproai`,
    start: a.startsAt,
    end: a.endsAt,
    summary: `${a.serviceName} – ${input.companyName}`,
    location: [a.branchName, vars.address].filter(Boolean).join(", ") || null,
    description: text,
    organizerName: input.companyName,
    organizerEmail: addressIn(env().MAIL_FROM),
    cancelled: input.kind === "cancellation",
    now: input.now,
  });
}

/** "Salon <termine@salon.de>" → "termine@salon.de". */
function addressIn(from: string): string | undefined {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(from) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(from);
  return match?.[1];
}
