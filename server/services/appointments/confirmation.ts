/**
 * Confirmations to the customer, written to the outbox inside the transaction that books,
 * moves or cancels, so a confirmation is never lost and never sent for a change that rolled back.
 */
import type { Tx } from "@/server/calendar/provider";
import type { CompanySettings } from "@/server/calendar/company-settings";
import { enqueueJob } from "@/server/platform/outbox/enqueue";
import { NOTIFICATION_JOB } from "@/server/services/appointments/notification-job";
import { formatGermanDate, formatGermanTime } from "@/server/scheduling/time";
import { spokenDateTime } from "./wording";

export type ConfirmationKind = "booked" | "rescheduled" | "cancelled";

export interface ConfirmationInput {
  kind: ConfirmationKind;
  companyId: string;
  companyName: string;
  settings: CompanySettings;
  appointment: { id: string; startsAt: Date; serviceName: string; staffName: string | null; branchName: string; timeZone: string };
  customer: { name: string | null; phone: string; email: string | null };
  now: Date;
}

const SUBJECTS: Record<ConfirmationKind, string> = {
  booked: "Terminbestätigung",
  rescheduled: "Ihr Termin wurde verschoben",
  cancelled: "Ihr Termin wurde storniert",
};

export async function enqueueConfirmation(tx: Tx, input: ConfirmationInput): Promise<void> {
  const { appointment: a, customer, settings } = input;
  const byEmail = Boolean(customer.email) && settings.sendConfirmationEmails;
  const text = byEmail ? emailText(input) : smsText(input);
  await enqueueJob(
    tx,
    NOTIFICATION_JOB,
    {
      channel: byEmail ? "email" : "sms",
      to: byEmail ? customer.email! : customer.phone,
      subject: `${SUBJECTS[input.kind]}: ${a.serviceName} am ${formatGermanDate(a.startsAt, a.timeZone)}`,
      text,
      appointmentId: a.id,
    },
    {
      companyId: input.companyId,
      runAt: input.now,
      dedupeKey: `appointment:${a.id}:${input.kind}:${a.startsAt.toISOString()}`,
    },
  );
}

function sentence(input: ConfirmationInput): string {
  const a = input.appointment;
  const when = spokenDateTime(a.startsAt, a.timeZone);
  const withWhom = a.staffName ? ` bei ${a.staffName}` : "";
  switch (input.kind) {
    case "booked":
      return `Ihr Termin für ${a.serviceName} am ${when}${withWhom} in ${a.branchName} ist gebucht.`;
    case "rescheduled":
      return `Ihr Termin wurde auf ${formatGermanDate(a.startsAt, a.timeZone)} um ${formatGermanTime(a.startsAt, a.timeZone)} Uhr verschoben (${a.serviceName}${withWhom}, ${a.branchName}).`;
    case "cancelled":
      return `Ihr Termin für ${a.serviceName} am ${when} wurde storniert.`;
  }
}

function emailText(input: ConfirmationInput): string {
  const greeting = input.customer.name ? `Guten Tag ${input.customer.name},` : "Guten Tag,";
  const policy = input.kind === "cancelled" && input.settings.refundPolicy ? `\n\n${input.settings.refundPolicy}` : "";
  return `${greeting}\n\n${sentence(input)}${policy}\n\nViele Grüße\n${input.companyName}`;
}

function smsText(input: ConfirmationInput): string {
  return `${input.companyName}: ${sentence(input)}`;
}
