/**
 * privacy.eraseCustomer (Art. 17 DSGVO). One transaction: the customer row stays (appointments
 * and payments are needed for the books) but without name, contact data and notes; the phone
 * becomes a placeholder unique to the row, so the company's (companyId, phone) rule holds and the
 * number can belong to a new customer later. Calls lose transcript, recording and what was
 * collected; messages their address and text; tasks their details; queued messages are not sent.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { MESSAGE_JOB } from "@/server/services/messaging-delivery/delivery-job";
import { sameName } from "@/server/services/appointments/schemas";
import { clearCallTraces, clearedCallContent } from "./call-content";
import { callsOf, messagesOf, tasksOf } from "./customer-records";
import { ERASE_CONFIRM_WORD, type eraseParams, type eraseResult } from "./schemas";

export const ERASED_TEXT = "Gelöscht (Datenschutz)";
export const erasedPhone = (customerId: string) => `erased:${customerId}`;

export async function eraseCustomer(ctx: ServiceContext, params: z.output<typeof eraseParams>): Promise<z.input<typeof eraseResult>> {
  const { companyId } = ctx;
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    // The row lock makes a second erase running at the same time wait and then find erasedAt set.
    await tx.$queryRaw`SELECT id FROM customers WHERE id = ${params.customer_id} AND "companyId" = ${companyId} FOR UPDATE`;
    const customer = await tx.customer.findFirst({ where: { id: params.customer_id, companyId } });
    if (!customer) throw new AppError(ErrorCodes.NOT_FOUND, "Der Kunde wurde nicht gefunden.");
    if (customer.erasedAt) throw new AppError(ErrorCodes.CONFLICT, "Die Daten dieses Kunden wurden bereits gelöscht.");
    const expected = customer.name?.trim() || ERASE_CONFIRM_WORD;
    if (!sameName(params.confirm_name, expected)) {
      throw new AppError(ErrorCodes.INVALID_INPUT, `Zur Bestätigung bitte genau „${expected}“ eingeben.`);
    }

    const appointments = await tx.appointment.findMany({ where: { companyId, customerId: customer.id }, select: { id: true } });
    const appointmentIds = appointments.map((a) => a.id);
    const calls = await tx.call.findMany({ where: callsOf(companyId, customer), select: { id: true, retellCallId: true } });
    const callIds = calls.map((c) => c.id);

    await tx.appointment.updateMany({
      where: { companyId, customerId: customer.id },
      data: { notes: null, cancellationReason: null, rescheduleReason: null },
    });
    const clearedCalls = await tx.call.updateMany({
      where: { id: { in: callIds } },
      data: { ...clearedCallContent(now), fromNumber: null, customerId: customer.id },
    });
    await clearCallTraces(tx, companyId, calls.map((c) => c.retellCallId));
    const clearedTasks = await tx.task.updateMany({
      where: tasksOf(companyId, customer.id, callIds),
      data: { title: "Rückruf (Kundendaten gelöscht)", details: Prisma.DbNull },
    });

    const messages = await tx.message.findMany({ where: messagesOf(companyId, customer.id, appointmentIds), select: { id: true, state: true } });
    const messageIds = messages.map((m) => m.id);
    const queued = messages.filter((m) => m.state === "queued").map((m) => m.id);
    // Queued messages are never sent; every message job about them loses the rendered text it carries.
    const remindersCancelled = queued.length
      ? await tx.$executeRaw`
          UPDATE outbox_jobs SET state = 'cancelled', "dedupeKey" = NULL, "updatedAt" = now()
           WHERE kind = ${MESSAGE_JOB} AND state = 'pending' AND payload->>'messageId' IN (${Prisma.join(queued)})`
      : 0;
    if (messageIds.length) {
      await tx.$executeRaw`
        UPDATE outbox_jobs SET payload = jsonb_build_object('messageId', payload->>'messageId'), "updatedAt" = now()
         WHERE kind = ${MESSAGE_JOB} AND payload->>'messageId' IN (${Prisma.join(messageIds)})`;
    }
    await tx.message.updateMany({ where: { id: { in: queued } }, data: { state: "suppressed", error: "Kundendaten gelöscht" } });
    await tx.message.updateMany({
      where: { id: { in: messageIds } },
      data: { to: "", subject: null, body: ERASED_TEXT, customerId: customer.id },
    });

    await tx.customer.update({
      where: { id: customer.id },
      data: {
        name: null,
        email: null,
        notes: null,
        phone: erasedPhone(customer.id),
        smsOptOut: true,
        emailOptOut: true,
        stripeCustomerId: null,
        stripePaymentMethodId: null,
        cardConsentAt: null,
        erasedAt: now,
      },
    });
    return {
      id: customer.id,
      erased_at: now.toISOString(),
      appointments_kept: appointmentIds.length,
      calls_cleared: clearedCalls.count,
      messages_cleared: messageIds.length,
      tasks_cleared: clearedTasks.count,
      reminders_cancelled: remindersCancelled,
    };
  });
}
