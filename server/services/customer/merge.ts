/**
 * customer.merge: the same person known under two numbers becomes one customer. Everything that
 * names the duplicate (appointments, calls, tasks, payments, messages) moves to the customer who
 * stays, the counters add up, the notes are joined (with the duplicate's number), an opt-out of
 * either wins, and the duplicate is deleted: all in one transaction. customer.mergePreview counts what would move.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { Customer, Prisma } from "@/server/generated/prisma/client";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";
import { MERGE_MESSAGES, type mergeMovesSchema, type mergeParams, type mergePreviewResult, type mergeResult } from "./schemas";
import { toDto } from "./service";

type Moves = z.input<typeof mergeMovesSchema>;
type Db = ServiceContext["db"] | Prisma.TransactionClient;

async function loadPair(db: Db, companyId: string, params: z.output<typeof mergeParams>): Promise<{ keep: Customer; duplicate: Customer }> {
  if (params.customer_id === params.duplicate_id) throw new AppError(ErrorCodes.INVALID_INPUT, MERGE_MESSAGES.same);
  const keep = await db.customer.findFirst({ where: { id: params.customer_id, companyId } });
  const duplicate = await db.customer.findFirst({ where: { id: params.duplicate_id, companyId } });
  if (!keep) throw new AppError(ErrorCodes.NOT_FOUND, MERGE_MESSAGES.notFound);
  if (!duplicate) throw new AppError(ErrorCodes.NOT_FOUND, MERGE_MESSAGES.duplicateNotFound);
  if (keep.erasedAt || duplicate.erasedAt) throw new AppError(ErrorCodes.CONFLICT, MERGE_MESSAGES.erased);
  return { keep, duplicate };
}

async function countMoves(db: Db, companyId: string, customerId: string): Promise<Moves> {
  const of = { companyId, customerId };
  const [appointments, calls, tasks, payments, messages] = await Promise.all([
    db.appointment.count({ where: of }),
    db.call.count({ where: of }),
    db.task.count({ where: of }),
    db.payment.count({ where: of }),
    db.message.count({ where: of }),
  ]);
  return { appointments, calls, tasks, payments, messages };
}

/** The notes given, each once, in order (the kept customer's first). */
export function joinNotes(...notes: Array<string | null>): string | null {
  const parts = notes.map((n) => n?.trim()).filter((n): n is string => Boolean(n));
  const unique = parts.filter((n, i) => parts.indexOf(n) === i);
  return unique.length ? unique.join("\n\n") : null;
}

export async function previewMerge(ctx: ServiceContext, params: z.output<typeof mergeParams>): Promise<z.input<typeof mergePreviewResult>> {
  const { keep, duplicate } = await loadPair(ctx.db, ctx.companyId, params);
  return { customer: toDto(keep), duplicate: toDto(duplicate), moves: await countMoves(ctx.db, ctx.companyId, duplicate.id) };
}

export async function mergeCustomers(ctx: ServiceContext, params: z.output<typeof mergeParams>): Promise<z.input<typeof mergeResult>> {
  return ctx.db.$transaction(async (tx) => {
    // Both rows locked: a booking for the duplicate meanwhile waits and cannot land on a row about to be deleted.
    await tx.$queryRaw`SELECT id FROM customers WHERE id IN (${params.customer_id}, ${params.duplicate_id}) AND "companyId" = ${ctx.companyId} FOR UPDATE`;
    const { keep, duplicate } = await loadPair(tx, ctx.companyId, params);
    const from = { companyId: ctx.companyId, customerId: duplicate.id };
    const to = { customerId: keep.id };
    // One statement after the other: a transaction runs on one connection.
    const appointments = await tx.appointment.updateMany({ where: from, data: to });
    const calls = await tx.call.updateMany({ where: from, data: to });
    const tasks = await tx.task.updateMany({ where: from, data: to });
    const payments = await tx.payment.updateMany({ where: from, data: to });
    const messages = await tx.message.updateMany({ where: from, data: to });
    // The saved card goes along only as a whole (customer, card and consent belong together).
    const card = keep.stripeCustomerId
      ? {}
      : { stripeCustomerId: duplicate.stripeCustomerId, stripePaymentMethodId: duplicate.stripePaymentMethodId, cardConsentAt: duplicate.cardConsentAt };
    await tx.customer.delete({ where: { id: duplicate.id } });
    const merged = await tx.customer.update({
      where: { id: keep.id },
      data: {
        name: keep.name ?? duplicate.name,
        email: keep.email ?? duplicate.email,
        // The duplicate's number goes with it; the note keeps it findable for the team.
        notes: joinNotes(keep.notes, duplicate.notes, `Weitere Nummer: ${formatPhoneForDisplay(duplicate.phone)}`),
        cancellationCount: keep.cancellationCount + duplicate.cancellationCount,
        noShowCount: keep.noShowCount + duplicate.noShowCount,
        smsOptOut: keep.smsOptOut || duplicate.smsOptOut,
        emailOptOut: keep.emailOptOut || duplicate.emailOptOut,
        ...card,
      },
    });
    return {
      ...toDto(merged),
      removed_id: duplicate.id,
      moved: { appointments: appointments.count, calls: calls.count, tasks: tasks.count, payments: payments.count, messages: messages.count },
    };
  });
}
