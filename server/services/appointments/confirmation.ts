/**
 * Confirmations to the customer, written inside the transaction that books, moves or cancels,
 * so a confirmation is never lost and never sent for a change that rolled back. The messaging
 * pipeline (services/messaging-delivery) renders the company's template, stores the Message,
 * queues its delivery and plans or drops the reminders.
 */
import type { Tx } from "@/server/calendar/provider";
import type { CompanySettings } from "@/server/calendar/company-settings";
import { enqueueCustomerMessage, type CustomerMessageInput, type CustomerMessageKind } from "@/server/services/messaging-delivery/enqueue";

export type ConfirmationKind = "booked" | "rescheduled" | "cancelled";

export interface ConfirmationInput {
  kind: ConfirmationKind;
  companyId: string;
  companyName: string;
  settings: CompanySettings;
  appointment: CustomerMessageInput["appointment"];
  customer: CustomerMessageInput["customer"];
  now: Date;
}

const KINDS: Record<ConfirmationKind, CustomerMessageKind> = {
  booked: "confirmation",
  rescheduled: "change",
  cancelled: "cancellation",
};

export async function enqueueConfirmation(tx: Tx, input: ConfirmationInput): Promise<void> {
  await enqueueCustomerMessage(tx, {
    kind: KINDS[input.kind],
    companyId: input.companyId,
    companyName: input.companyName,
    sendEmails: input.settings.sendConfirmationEmails,
    appointment: input.appointment,
    customer: input.customer,
    now: input.now,
  });
}
