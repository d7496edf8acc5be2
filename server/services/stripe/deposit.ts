/**
 * Deposit links: a Stripe Checkout Session for the deposit the appointment's service asks for,
 * a Payment row (pending) and, when asked, the link to the customer by SMS (message kind
 * "payment"). Bookings do not wait for Stripe: they enqueue the `stripe.deposit-link` job in
 * their own transaction, and the job makes the link afterwards (retried while Stripe is down).
 */
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { env } from "@/server/platform/env";
import { enqueueJob } from "@/server/platform/outbox/enqueue";
import { defineJobKind, PermanentJobError } from "@/server/platform/outbox/job-kind";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { formatGermanDate } from "@/server/scheduling/time";
import { enqueueCustomerMessage } from "@/server/services/messaging-delivery/enqueue";
import { depositCentsFor, loadAppointment, paymentToDto, type AppointmentForPayment } from "./payments-store";
import type * as s from "./schemas";
import { formatEuro, spokenEuro } from "./schemas";
import { stripeClientFor, stripeConfigOf, type StripeConfig } from "./settings";
import { callStripe } from "./stripe-errors";

type Tx = Prisma.TransactionClient;
type Result = z.input<typeof s.createDepositLinkResult>;

export const DEPOSIT_LINK_JOB = "stripe.deposit-link";

export async function createDepositLink(ctx: ServiceContext, params: z.output<typeof s.createDepositLinkParams>): Promise<Result> {
  return depositLinkFor(ctx.db, { companyId: ctx.companyId, appointmentId: params.appointment_id, send: params.send, now: ctx.now() });
}

/**
 * The appointment's open deposit link, made at Stripe when there is none (or the last one ran
 * out). `send`: an SMS with the link; for an open link made earlier, the same link again.
 */
export async function depositLinkFor(
  db: PrismaClient,
  input: { companyId: string; appointmentId: string; send: boolean; now: Date; onlyIfNew?: boolean },
): Promise<Result> {
  const appointment = await loadAppointment(db, input.companyId, input.appointmentId);
  const amount = depositCentsFor(appointment.service);
  if (amount === null) throw notPossible(`Für „${appointment.service.name}“ ist keine Anzahlung eingerichtet.`);
  if (appointment.status !== "scheduled") throw notPossible("Für einen abgesagten oder abgeschlossenen Termin wird keine Anzahlung verlangt.");
  if (appointment.startsAt <= input.now) throw notPossible("Der Termin hat schon begonnen; ein Zahlungslink ist nicht mehr sinnvoll.");
  const config = await stripeConfigOf(db, input.companyId);
  if (!config) throw new AppError(ErrorCodes.STRIPE_NOT_CONFIGURED, "Stripe ist nicht eingerichtet. Bitte den geheimen Schlüssel unter Einstellungen → Zahlungen hinterlegen.");

  const deposits = await db.payment.findMany({ where: { companyId: input.companyId, appointmentId: appointment.id, kind: "deposit" }, orderBy: { createdAt: "desc" } });
  if (deposits.some((p) => p.state === "paid" || p.state === "refunded" || p.state === "partially_refunded")) {
    throw notPossible("Die Anzahlung für diesen Termin ist bereits bezahlt.");
  }
  const open = deposits.find((p) => p.state === "pending" && p.expiresAt && p.expiresAt > input.now && p.checkoutUrl);
  if (open) {
    // The job made it already (a second run after a crash): nothing is sent twice.
    if (input.onlyIfNew) return { payment: paymentToDto(open), sent: false, message: "Der Zahlungslink besteht bereits." };
    if (input.send) await db.$transaction((tx) => sendLink(tx, appointment, open.checkoutUrl!, open.amountCents, input.now));
    return { payment: paymentToDto(open), sent: input.send, message: input.send ? "Der Zahlungslink wurde erneut per SMS gesendet." : "Der Zahlungslink ist noch gültig." };
  }

  // Links that ran out without Stripe's "expired" reaching us are expired all the same.
  await db.payment.updateMany({
    where: { companyId: input.companyId, appointmentId: appointment.id, kind: "deposit", state: "pending", stripeSessionId: { not: null }, expiresAt: { lte: input.now } },
    data: { state: "expired" },
  });
  // The payment is reserved here before Stripe is asked, so a retry (the job after an outage)
  // sends the very same parameters under the same idempotency key and gets the same session.
  const reserved =
    deposits.find((p) => p.state === "pending" && !p.stripeSessionId) ??
    (await db.payment.create({
      data: {
        companyId: input.companyId,
        appointmentId: appointment.id,
        customerId: appointment.customerId,
        kind: "deposit",
        state: "pending",
        amountCents: amount,
        currency: "eur",
        expiresAt: linkExpiry(config, input.now),
      },
    }));
  const attempt = deposits.filter((p) => p.stripeSessionId).length + 1;
  let key = attempt === 1 ? `appointment-${appointment.id}-deposit` : `appointment-${appointment.id}-deposit-${attempt}`;
  let expiresAt = reserved.expiresAt ?? linkExpiry(config, input.now);
  if (expiresAt.getTime() < input.now.getTime() + 31 * 60_000) {
    // Stripe wants at least 30 minutes: a retry long after the reservation asks for a new expiry, under a key of its own.
    expiresAt = linkExpiry(config, input.now);
    key = `${key}-${Math.floor(expiresAt.getTime() / 1000)}`;
    await db.payment.update({ where: { id: reserved.id }, data: { expiresAt } });
  }

  let session: Awaited<ReturnType<typeof createSession>>;
  try {
    session = await createSession(config, appointment, reserved.amountCents, expiresAt, key);
  } catch (error) {
    // Refused (bad key, invalid request): the reservation ends as failed with the reason; an outage keeps it for the retry.
    if (error instanceof AppError && error.code !== ErrorCodes.STRIPE_UNAVAILABLE) {
      await db.payment.updateMany({ where: { id: reserved.id, stripeSessionId: null }, data: { state: "failed", error: error.message.slice(0, 500) } });
    }
    throw error;
  }
  const payment = await db.$transaction(async (tx) => {
    let row;
    try {
      row = await tx.payment.update({
        where: { id: reserved.id },
        data: { stripeSessionId: session.id, checkoutUrl: session.url, expiresAt: new Date(session.expires_at * 1000) },
      });
    } catch (error) {
      // Another run stored this very session (Stripe replayed it) on its own reservation.
      if (!isUniqueViolation(error)) throw error;
      return null;
    }
    if (input.send && session.url) await sendLink(tx, appointment, session.url, reserved.amountCents, input.now);
    return row;
  });
  if (!payment) {
    await db.payment.deleteMany({ where: { id: reserved.id, stripeSessionId: null } });
    const stored = await db.payment.findUniqueOrThrow({ where: { stripeSessionId: session.id } });
    return { payment: paymentToDto(stored), sent: false, message: "Der Zahlungslink besteht bereits." };
  }
  const euro = formatEuro(reserved.amountCents);
  return {
    payment: paymentToDto(payment),
    sent: input.send,
    message: input.send ? `Zahlungslink über ${euro} erstellt und per SMS gesendet.` : `Zahlungslink über ${euro} erstellt.`,
  };
}

/** When a link made now runs out: the company's validity, within Stripe's 30 minutes to 24 hours. */
function linkExpiry(config: StripeConfig, now: Date): Date {
  const minutes = Math.min(Math.max(config.depositLinkMinutes, 30), 1440);
  return new Date(Math.floor(now.getTime() / 1000) * 1000 + minutes * 60_000);
}

async function createSession(config: StripeConfig, appointment: AppointmentForPayment, amount: number, expiresAt: Date, idempotencyKey: string) {
  const stripe = stripeClientFor(config);
  const metadata = { appointment_id: appointment.id, company_id: appointment.companyId, customer_id: appointment.customerId, kind: "deposit" };
  const base = env().APP_URL.replace(/\/+$/, "");
  const name = `Anzahlung ${appointment.service.name} am ${formatGermanDate(appointment.startsAt, appointment.branch.timeZone)}`;
  return callStripe(() =>
    stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: amount, product_data: { name: name.slice(0, 250) } } }],
        expires_at: Math.floor(expiresAt.getTime() / 1000),
        metadata,
        client_reference_id: appointment.id,
        locale: "de",
        ...(appointment.customer.stripeCustomerId ? { customer: appointment.customer.stripeCustomerId } : appointment.customer.email ? { customer_email: appointment.customer.email } : {}),
        payment_intent_data: { metadata, description: name.slice(0, 250) },
        success_url: `${base}/zahlung?status=bezahlt`,
        cancel_url: `${base}/zahlung?status=abgebrochen`,
      },
      // Stable per reserved payment: a retried job gets the same session back.
      { idempotencyKey },
    ),
  );
}

async function sendLink(tx: Tx, a: AppointmentForPayment, link: string, amountCents: number, now: Date): Promise<void> {
  await enqueueCustomerMessage(tx, {
    kind: "payment",
    companyId: a.companyId,
    companyName: a.company.name,
    sendEmails: false,
    appointment: {
      id: a.id,
      branchId: a.branch.id,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      serviceName: a.service.name,
      staffName: a.staff?.name ?? null,
      branchName: a.branch.name,
      timeZone: a.branch.timeZone,
    },
    customer: { id: a.customer.id, name: a.customer.name, phone: a.customer.phone, email: a.customer.email },
    now,
    payment: { link, amount: formatEuro(amountCents) },
  });
}

function notPossible(message: string): AppError {
  return new AppError(ErrorCodes.PAYMENT_NOT_POSSIBLE, message);
}

// ---- booking hook ---------------------------------------------------------------------------

/**
 * The deposit a new booking of this service asks for, in cents, when the company takes deposits
 * through Stripe (key and webhook secret stored); null otherwise. Reads only, no decryption.
 */
export async function depositDue(db: PrismaClient | Tx, companyId: string, serviceId: string, rule?: DepositRule): Promise<number | null> {
  // The rule of the cached master data spares the phone path both reads for the usual service without a deposit.
  if (rule && depositCentsFor(rule) === null) return null;
  const [service, settings] = await Promise.all([
    rule ?? db.service.findFirst({ where: { id: serviceId, companyId }, select: { priceCents: true, depositCents: true, depositPercent: true } }),
    db.paymentSettings.findUnique({ where: { companyId }, select: { stripeSecretKeyEnc: true, stripeWebhookSecretEnc: true } }),
  ]);
  if (!service || !settings?.stripeSecretKeyEnc || !settings.stripeWebhookSecretEnc) return null;
  return depositCentsFor(service);
}

type DepositRule = Parameters<typeof depositCentsFor>[0];

/**
 * Inside the booking's transaction: the job that makes and sends the deposit link once it has
 * committed. Returns the deposit in cents, null when none is asked for.
 */
export async function enqueueDepositLink(
  tx: Tx,
  input: { companyId: string; appointmentId: string; serviceId: string; deposit?: DepositRule; now: Date },
): Promise<number | null> {
  const amount = await depositDue(tx, input.companyId, input.serviceId, input.deposit);
  if (amount === null) return null;
  await enqueueJob(tx, DEPOSIT_LINK_JOB, { appointmentId: input.appointmentId }, { companyId: input.companyId, runAt: input.now, dedupeKey: `stripe:deposit:${input.appointmentId}` });
  return amount;
}

/** What the phone agent adds to a booking's answer when a deposit link follows by SMS; null when none does. */
export function depositSentenceFor(amountCents: number | null): string | null {
  return amountCents === null ? null : `Sie erhalten gleich eine SMS mit dem Link für die Anzahlung von ${spokenEuro(amountCents)}.`;
}

/** The same for a booking answered again (a retried call): its deposit read from the database. */
export async function depositSentence(db: PrismaClient, companyId: string, appointmentId: string): Promise<string | null> {
  const appointment = await db.appointment.findFirst({ where: { id: appointmentId, companyId }, select: { serviceId: true } });
  return depositSentenceFor(appointment ? await depositDue(db, companyId, appointment.serviceId) : null);
}

const NOTHING_TO_DO = new Set<number>([ErrorCodes.PAYMENT_NOT_POSSIBLE, ErrorCodes.NOT_FOUND, ErrorCodes.STRIPE_NOT_CONFIGURED]);

export const depositLinkJob = defineJobKind({
  payload: z.object({ appointmentId: z.string().min(1) }),
  async run(payload, ctx) {
    const companyId = ctx.job.companyId;
    if (!companyId) throw new PermanentJobError("Der Auftrag gehört zu keiner Firma.");
    try {
      const result = await depositLinkFor(ctx.db, { companyId, appointmentId: payload.appointmentId, send: true, now: ctx.now(), onlyIfNew: true });
      ctx.log.info({ appointmentId: payload.appointmentId, paymentId: result.payment.id }, "deposit link created");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Cancelled or paid meanwhile, Stripe switched off: nothing left to do, and nothing is wrong.
      if (NOTHING_TO_DO.has(error.code)) {
        ctx.log.info({ appointmentId: payload.appointmentId, reason: error.message }, "no deposit link needed");
        return;
      }
      // Stripe down or slow: the outbox tries again later. Everything else (a refused key) no retry can fix.
      if (error.code === ErrorCodes.STRIPE_UNAVAILABLE) throw error;
      throw new PermanentJobError(error.message);
    }
  },
});

