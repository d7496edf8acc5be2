/**
 * A cancelled appointment's open deposit link is ended at Stripe (Checkout's "expire"), so the
 * customer cannot pay for an appointment that no longer exists. The cancellation enqueues the
 * job in its own transaction; the job runs after it has committed.
 */
import { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client";
import { enqueueJob } from "@/server/platform/outbox/enqueue";
import { defineJobKind, PermanentJobError } from "@/server/platform/outbox/job-kind";
import { stripeClientFor, stripeConfigOf } from "./settings";
import { isStripeError, toAppError } from "./stripe-errors";

export const DEPOSIT_EXPIRE_JOB = "stripe.deposit-expire";

/** Inside the cancellation's transaction: the job that ends the open deposit links, when there are any. */
export async function enqueueDepositExpiry(tx: Prisma.TransactionClient, input: { companyId: string; appointmentId: string; now: Date }): Promise<void> {
  const open = await tx.payment.count({ where: { companyId: input.companyId, appointmentId: input.appointmentId, kind: "deposit", state: "pending" } });
  if (open === 0) return;
  await enqueueJob(tx, DEPOSIT_EXPIRE_JOB, { appointmentId: input.appointmentId }, { companyId: input.companyId, runAt: input.now, dedupeKey: `stripe:deposit-expire:${input.appointmentId}` });
}

export const depositExpireJob = defineJobKind({
  payload: z.object({ appointmentId: z.string().min(1) }),
  async run(payload, ctx) {
    const companyId = ctx.job.companyId;
    if (!companyId) throw new PermanentJobError("Der Auftrag gehört zu keiner Firma.");
    const pending = await ctx.db.payment.findMany({ where: { companyId, appointmentId: payload.appointmentId, kind: "deposit", state: "pending" } });
    const config = pending.some((p) => p.stripeSessionId) ? await stripeConfigOf(ctx.db, companyId) : null;
    for (const payment of pending) {
      if (payment.stripeSessionId && config) {
        try {
          await stripeClientFor(config).checkout.sessions.expire(payment.stripeSessionId, {}, { idempotencyKey: `payment-${payment.id}-expire` });
        } catch (error) {
          // Paid or expired meanwhile: Stripe refuses, and its webhook tells us which.
          if (isStripeError(error) && error.type === "StripeInvalidRequestError") {
            ctx.log.info({ paymentId: payment.id, reason: error.message }, "deposit link no longer open at Stripe");
            continue;
          }
          throw toAppError(error);
        }
      }
      await ctx.db.payment.updateMany({ where: { id: payment.id, state: "pending" }, data: { state: "expired", error: "Termin abgesagt" } });
    }
  },
});
