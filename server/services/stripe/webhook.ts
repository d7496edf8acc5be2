/**
 * Stripe's webhook (`/api/stripe/webhook/<company slug>`): the company is named in the URL and
 * proven by the signature with its own webhook secret. Each event is stored once (dedupe key
 * `stripe:<company id>:<event id>`) in the same transaction as its effect, so a delivery Stripe
 * repeats (at least once, in any order) changes nothing the second time. States only move
 * forward: a late "expired" never undoes "paid", a refund never becomes paid again.
 */
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { verifyStripeEvent, type Stripe } from "@/server/integrations/stripe/client";
import type { Logger } from "@/server/platform/logger";
import { webhookSecretOf } from "./settings";

type Tx = Prisma.TransactionClient;

export interface StripeWebhookRequest {
  companySlug: string;
  rawBody: string;
  signature: string | null;
}

export interface StripeWebhookAnswer {
  status: number;
  body: { received: boolean; duplicate?: boolean; outcome?: string; error?: string };
}

export interface StripeWebhookDeps {
  db: PrismaClient;
  now: () => Date;
  log: Logger;
}

type Outcome = { status: "processed" | "ignored"; note?: string };

export async function handleStripeWebhook(request: StripeWebhookRequest, deps: StripeWebhookDeps): Promise<StripeWebhookAnswer> {
  const company = await deps.db.company.findUnique({ where: { slug: request.companySlug }, select: { id: true } });
  const secret = company ? await webhookSecretOf(deps.db, company.id) : null;
  let event: Stripe.Event | null = null;
  if (company && secret && request.signature) {
    try {
      event = verifyStripeEvent(request.rawBody, request.signature, secret);
    } catch {
      event = null;
    }
  }
  // Unknown company, no secret, a wrong or old signature and a body that is no event look alike from outside.
  if (!company || !event) return { status: 400, body: { received: false, error: "Ungültige Signatur" } };

  const dedupeKey = `stripe:${company.id}:${event.id}`;
  try {
    const result = await deps.db.$transaction(async (tx) => {
      const stored = await tx.webhookEvent.createMany({
        data: [{ companyId: company.id, provider: "stripe", event: event.type, dedupeKey, payload: event as unknown as Prisma.InputJsonValue }],
        skipDuplicates: true,
      });
      if (stored.count === 0) return null;
      const outcome = await apply(tx, company.id, event, deps.now());
      await tx.webhookEvent.update({ where: { dedupeKey }, data: { status: outcome.status, processedAt: deps.now(), error: outcome.note ?? null } });
      return outcome;
    });
    if (!result) return { status: 200, body: { received: true, duplicate: true } };
    deps.log.info({ companyId: company.id, type: event.type, eventId: event.id, outcome: result.status }, "stripe webhook");
    return { status: 200, body: { received: true, outcome: result.status } };
  } catch (error) {
    deps.log.error({ err: error, companyId: company.id, type: event.type, eventId: event.id }, "stripe webhook failed");
    return { status: 500, body: { received: false, error: "Verarbeitung fehlgeschlagen" } };
  }
}

function apply(tx: Tx, companyId: string, event: Stripe.Event, now: Date): Promise<Outcome> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return sessionPaid(tx, companyId, event.data.object, now);
    case "checkout.session.async_payment_failed":
      return sessionEnded(tx, companyId, event.data.object, "failed", "Die Zahlung ist fehlgeschlagen.");
    case "checkout.session.expired":
      return sessionEnded(tx, companyId, event.data.object, "expired", null);
    case "charge.refunded":
      return chargeRefunded(tx, companyId, event.data.object, now);
    case "setup_intent.succeeded":
      return cardSaved(tx, companyId, event.data.object, new Date(event.created * 1000));
    default:
      return Promise.resolve({ status: "ignored", note: `Ereignis ${event.type} wird nicht verarbeitet` });
  }
}

const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === "string" ? value : (value?.id ?? null));

async function sessionPaid(tx: Tx, companyId: string, session: Stripe.Checkout.Session, now: Date): Promise<Outcome> {
  const payment = await tx.payment.findFirst({ where: { companyId, stripeSessionId: session.id } });
  if (!payment) return { status: "ignored", note: "Unbekannte Checkout-Session" };
  const intentId = idOf(session.payment_intent);
  if (session.payment_status !== "paid") {
    // A delayed method (e.g. SEPA): paid only with async_payment_succeeded.
    if (intentId && !payment.stripePaymentIntentId) await tx.payment.update({ where: { id: payment.id }, data: { stripePaymentIntentId: intentId } });
    return { status: "processed", note: "Zahlung wird noch bestätigt" };
  }
  const moved = await tx.payment.updateMany({
    where: { id: payment.id, state: { in: ["pending", "expired", "failed"] } },
    data: { state: "paid", paidAt: now, error: null, ...(intentId ? { stripePaymentIntentId: intentId } : {}) },
  });
  return moved.count === 1 ? { status: "processed" } : { status: "ignored", note: `Zahlung ist bereits ${payment.state}` };
}

async function sessionEnded(tx: Tx, companyId: string, session: Stripe.Checkout.Session, state: "expired" | "failed", error: string | null): Promise<Outcome> {
  const moved = await tx.payment.updateMany({ where: { companyId, stripeSessionId: session.id, state: "pending" }, data: { state, error } });
  return moved.count === 1 ? { status: "processed" } : { status: "ignored", note: "Zahlung ist nicht mehr offen oder unbekannt" };
}

async function chargeRefunded(tx: Tx, companyId: string, charge: Stripe.Charge, now: Date): Promise<Outcome> {
  const intentId = idOf(charge.payment_intent);
  const payment = intentId ? await tx.payment.findFirst({ where: { companyId, stripePaymentIntentId: intentId } }) : null;
  if (!payment) return { status: "ignored", note: "Unbekannte Zahlung" };
  const refunded = Math.min(charge.amount_refunded, payment.amountCents);
  const moved = await tx.payment.updateMany({
    where: { id: payment.id, refundedCents: { lt: refunded } },
    data: { refundedCents: refunded, state: refunded >= payment.amountCents ? "refunded" : "partially_refunded", refundedAt: now },
  });
  return moved.count === 1 ? { status: "processed" } : { status: "ignored", note: "Erstattung ist bereits erfasst" };
}

/**
 * A card saved in a setup-mode Checkout: the customer agreed there to later charges (no-show
 * fee). The customer is named in the metadata we set; only the ids are stored.
 */
async function cardSaved(tx: Tx, companyId: string, intent: Stripe.SetupIntent, at: Date): Promise<Outcome> {
  const customerId = intent.metadata?.customer_id;
  const stripeCustomer = idOf(intent.customer);
  const method = idOf(intent.payment_method);
  if (!customerId || !stripeCustomer || !method) return { status: "ignored", note: "SetupIntent ohne Kunde oder Karte" };
  const saved = await tx.customer.updateMany({
    where: { id: customerId, companyId },
    data: { stripeCustomerId: stripeCustomer, stripePaymentMethodId: method, cardConsentAt: at },
  });
  return saved.count === 1 ? { status: "processed" } : { status: "ignored", note: "Unbekannter Kunde" };
}
