/** A payment's state on the appointment, refunds, and the no-show fee on a card saved with consent. */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { depositCentsFor, loadAppointment, paymentToDto, type AppointmentForPayment } from "./payments-store";
import type * as s from "./schemas";
import { formatEuro } from "./schemas";
import { stripeClientFor, stripeConfigOf, type StripeConfig } from "./settings";
import { callStripe, cardErrorMessage, isStripeError, toAppError } from "./stripe-errors";

const REFUNDABLE = new Set(["paid", "partially_refunded"]);

export async function getPaymentStatus(ctx: ServiceContext, params: z.output<typeof s.getPaymentStatusParams>): Promise<z.input<typeof s.getPaymentStatusResult>> {
  const appointment = await loadAppointment(ctx.db, ctx.companyId, params.appointment_id);
  const [config, payments] = await Promise.all([
    stripeConfigOf(ctx.db, ctx.companyId),
    ctx.db.payment.findMany({ where: { companyId: ctx.companyId, appointmentId: appointment.id }, orderBy: { createdAt: "desc" } }),
  ]);
  const deposit = depositCentsFor(appointment.service);
  const depositSettled = payments.some((p) => p.kind === "deposit" && (p.state === "paid" || REFUNDABLE.has(p.state) || p.state === "refunded"));
  const blocker = noShowFeeBlocker(appointment, config, payments.some((p) => p.kind === "no_show_fee" && p.state === "paid"));
  return {
    configured: config !== null,
    deposit_cents: deposit,
    payments: payments.map(paymentToDto),
    can_send_link: config !== null && deposit !== null && !depositSettled && appointment.status === "scheduled" && appointment.startsAt > ctx.now(),
    can_refund: config !== null && payments.some((p) => REFUNDABLE.has(p.state) && p.stripePaymentIntentId),
    can_charge_no_show_fee: blocker === null,
    no_show_fee_blocker: blocker,
    no_show_fee_cents: config?.noShowFeeCents ?? null,
    card_saved: Boolean(appointment.customer.cardConsentAt && appointment.customer.stripePaymentMethodId),
  };
}

export async function refundPayment(ctx: ServiceContext, params: z.output<typeof s.refundParams>): Promise<z.input<typeof s.refundResult>> {
  const payment = await ctx.db.payment.findFirst({ where: { id: params.payment_id, companyId: ctx.companyId } });
  if (!payment) throw new AppError(ErrorCodes.NOT_FOUND, "Die Zahlung wurde nicht gefunden.");
  if (!REFUNDABLE.has(payment.state) || !payment.stripePaymentIntentId) {
    throw new AppError(ErrorCodes.PAYMENT_NOT_POSSIBLE, "Nur eine bezahlte Zahlung kann erstattet werden.");
  }
  const left = payment.amountCents - payment.refundedCents;
  const amount = params.amount_cents ?? left;
  if (amount > left) {
    throw new AppError(ErrorCodes.INVALID_INPUT, `Höchstens ${formatEuro(left)} können noch erstattet werden.`, { details: { field: "amount_cents" } });
  }
  const config = await requireConfig(ctx);
  const stripe = stripeClientFor(config);
  await callStripe(() =>
    stripe.refunds.create(
      { payment_intent: payment.stripePaymentIntentId!, amount, reason: "requested_by_customer", metadata: { payment_id: payment.id, appointment_id: payment.appointmentId } },
      // Two clicks on "Erstatten" refund once: the key names what was refunded before.
      { idempotencyKey: `payment-${payment.id}-refund-${payment.refundedCents}-${amount}` },
    ),
  );
  const refundedCents = payment.refundedCents + amount;
  // Only forward: charge.refunded may have arrived meanwhile with the same or a larger total.
  await ctx.db.payment.updateMany({
    where: { id: payment.id, refundedCents: { lt: refundedCents } },
    data: { refundedCents, state: refundedCents >= payment.amountCents ? "refunded" : "partially_refunded", refundedAt: ctx.now() },
  });
  const updated = await ctx.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
  return { payment: paymentToDto(updated), message: `${formatEuro(amount)} werden erstattet.` };
}

export async function chargeNoShowFee(ctx: ServiceContext, params: z.output<typeof s.chargeNoShowFeeParams>): Promise<z.input<typeof s.chargeNoShowFeeResult>> {
  const appointment = await loadAppointment(ctx.db, ctx.companyId, params.appointment_id);
  const config = await requireConfig(ctx);
  const earlier = await ctx.db.payment.findMany({ where: { companyId: ctx.companyId, appointmentId: appointment.id, kind: "no_show_fee" } });
  const blocker = noShowFeeBlocker(appointment, config, earlier.some((p) => p.state === "paid"));
  if (blocker) throw new AppError(ErrorCodes.PAYMENT_NOT_POSSIBLE, blocker);
  const { customer } = appointment;
  const amount = config.noShowFeeCents!;
  const stripe = stripeClientFor(config);
  const metadata = { appointment_id: appointment.id, company_id: ctx.companyId, customer_id: customer.id, kind: "no_show_fee" };
  const base = { companyId: ctx.companyId, appointmentId: appointment.id, customerId: customer.id, kind: "no_show_fee" as const, amountCents: amount, currency: "eur" };
  try {
    const intent = await stripe.paymentIntents.create(
      {
        amount,
        currency: "eur",
        customer: customer.stripeCustomerId!,
        payment_method: customer.stripePaymentMethodId!,
        off_session: true,
        confirm: true,
        description: `No-Show-Gebühr ${appointment.service.name}`,
        metadata,
      },
      { idempotencyKey: `appointment-${appointment.id}-no-show-fee-${earlier.length + 1}` },
    );
    const paid = intent.status === "succeeded";
    const payment = await ctx.db.payment.create({
      data: { ...base, state: paid ? "paid" : "pending", stripePaymentIntentId: intent.id, paidAt: paid ? ctx.now() : null },
    });
    return { payment: paymentToDto(payment), charged: paid, message: paid ? `No-Show-Gebühr von ${formatEuro(amount)} berechnet.` : "Die Zahlung wird noch bearbeitet." };
  } catch (error) {
    if (!isStripeError(error) || error.type !== "StripeCardError") throw toAppError(error);
    // Declined or the bank wants the customer to confirm (SCA): recorded as failed, with the reason.
    const reason = cardErrorMessage(error);
    const intentId = (error.raw as { payment_intent?: { id?: string } } | undefined)?.payment_intent?.id ?? null;
    const payment = await ctx.db.payment.create({ data: { ...base, state: "failed", stripePaymentIntentId: intentId, error: reason } });
    return { payment: paymentToDto(payment), charged: false, message: `No-Show-Gebühr nicht berechnet: ${reason}` };
  }
}

/** Why no no-show fee can be charged now, in German; null when it can. */
function noShowFeeBlocker(a: AppointmentForPayment, config: StripeConfig | null, alreadyCharged: boolean): string | null {
  if (!config) return "Stripe ist nicht eingerichtet.";
  if (!config.noShowFeeCents) return "Keine No-Show-Gebühr eingestellt (Einstellungen → Zahlungen).";
  if (a.status !== "no_show") return "Eine No-Show-Gebühr gibt es nur für Termine mit dem Status „Nicht erschienen“.";
  if (alreadyCharged) return "Die No-Show-Gebühr wurde bereits berechnet.";
  if (!a.customer.cardConsentAt || !a.customer.stripeCustomerId || !a.customer.stripePaymentMethodId) {
    return "Der Kunde hat keine Karte mit seiner Zustimmung hinterlegt; eine No-Show-Gebühr kann nicht abgebucht werden.";
  }
  return null;
}

async function requireConfig(ctx: ServiceContext): Promise<StripeConfig> {
  const config = await stripeConfigOf(ctx.db, ctx.companyId);
  if (!config) throw new AppError(ErrorCodes.STRIPE_NOT_CONFIGURED, "Stripe ist nicht eingerichtet. Bitte den geheimen Schlüssel unter Einstellungen → Zahlungen hinterlegen.");
  return config;
}
