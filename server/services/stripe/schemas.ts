import { z } from "zod";

export const paymentKind = z.enum(["deposit", "no_show_fee"]);
export const paymentState = z.enum(["pending", "paid", "expired", "refunded", "partially_refunded", "failed"]);
export type PaymentStateName = z.infer<typeof paymentState>;

/** The badge of each state on the appointment, German. */
export const PAYMENT_STATE_LABELS: Record<PaymentStateName, string> = {
  pending: "offen",
  paid: "bezahlt",
  expired: "abgelaufen",
  refunded: "erstattet",
  partially_refunded: "teilweise erstattet",
  failed: "fehlgeschlagen",
};
export const PAYMENT_KIND_LABELS: Record<z.infer<typeof paymentKind>, string> = { deposit: "Anzahlung", no_show_fee: "No-Show-Gebühr" };

/** 2000 → "20,00 €". */
export function formatEuro(cents: number): string {
  return `${(cents / 100).toLocaleString("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
}

/** For the phone: 2000 → "20 €", 2050 → "20,50 €". */
export function spokenEuro(cents: number): string {
  return cents % 100 === 0 ? `${(cents / 100).toLocaleString("de-DE")} €` : formatEuro(cents);
}

// ---- settings -----------------------------------------------------------------------------

/** "" means "keep what is stored" (a write-only field starts empty). */
const optionalSecret = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(z.string().regex(pattern, message).optional());

export const secretKeyInput = optionalSecret(
  /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,250}$/,
  "Der geheime Schlüssel beginnt mit sk_live_, sk_test_ oder rk_… (Stripe-Dashboard → Entwickler → API-Schlüssel).",
);
export const webhookSecretInput = optionalSecret(
  /^whsec_[A-Za-z0-9+/=_-]{8,250}$/,
  "Das Signatur-Geheimnis beginnt mit whsec_ (Stripe-Dashboard → Entwickler → Webhooks → Endpunkt).",
);

export const settingsSchema = z.object({
  /** Whether a secret key is stored, and its last 4 characters; never the key. */
  secret_key_set: z.boolean(),
  secret_key_last4: z.string().nullable(),
  /** "test" or "live", from the stored key's prefix. */
  mode: z.enum(["test", "live"]).nullable(),
  webhook_secret_set: z.boolean(),
  /** Paste into Stripe → Entwickler → Webhooks as the endpoint URL. */
  webhook_url: z.string(),
  /** The events to select for that endpoint. */
  webhook_events: z.array(z.string()),
  no_show_fee_cents: z.number().int().nullable(),
  deposit_link_minutes: z.number().int(),
  /** Key and webhook secret are both stored: deposit links go out with bookings. */
  configured: z.boolean(),
});
export type StripeSettingsDto = z.input<typeof settingsSchema>;

export const getSettingsParams = z.object({});

export const updateSettingsParams = z.object({
  secret_key: secretKeyInput.optional(),
  webhook_secret: webhookSecretInput.optional(),
  /** Removes key and webhook secret: no more deposit links. */
  remove_credentials: z.boolean().optional(),
  no_show_fee_cents: z
    .number({ error: "Bitte einen Betrag angeben." })
    .int("Der Betrag wird in Cent angegeben.")
    .min(50, "Die No-Show-Gebühr beträgt mindestens 0,50 €.")
    .max(1_000_00, "Die No-Show-Gebühr beträgt höchstens 1.000,00 €.")
    .nullable()
    .optional(),
  deposit_link_minutes: z
    .number({ error: "Bitte die Gültigkeit in Minuten angeben." })
    .int("Bitte ganze Minuten angeben.")
    .min(30, "Ein Zahlungslink gilt mindestens 30 Minuten (Vorgabe von Stripe).")
    .max(1440, "Ein Zahlungslink gilt höchstens 24 Stunden (Vorgabe von Stripe).")
    .optional(),
});

// ---- payments -----------------------------------------------------------------------------

export const paymentSchema = z.object({
  id: z.string(),
  appointment_id: z.string(),
  kind: paymentKind,
  state: paymentState,
  amount_cents: z.number().int(),
  refunded_cents: z.number().int(),
  currency: z.string(),
  /** The Checkout link while the deposit is open; null once paid, expired or for a no-show fee. */
  checkout_url: z.string().nullable(),
  expires_at: z.string().nullable(),
  paid_at: z.string().nullable(),
  refunded_at: z.string().nullable(),
  error: z.string().nullable(),
  created_at: z.string(),
});
export type PaymentDto = z.input<typeof paymentSchema>;

const appointmentId = z.string({ error: "Bitte einen Termin angeben." }).min(1, "Bitte einen Termin angeben.");

export const createDepositLinkParams = z.object({
  appointment_id: appointmentId,
  /** Send the link to the customer by SMS (default); an open link is sent again rather than replaced. */
  send: z.boolean().default(true),
});
export const createDepositLinkResult = z.object({ payment: paymentSchema, sent: z.boolean(), message: z.string() });

export const getPaymentStatusParams = z.object({ appointment_id: appointmentId });
export const getPaymentStatusResult = z.object({
  configured: z.boolean(),
  /** The deposit the appointment's service asks for; null when it asks for none. */
  deposit_cents: z.number().int().nullable(),
  payments: z.array(paymentSchema),
  /** What the dashboard may offer now. */
  can_send_link: z.boolean(),
  can_refund: z.boolean(),
  can_charge_no_show_fee: z.boolean(),
  /** Why no no-show fee can be charged (no fee set, no card saved with consent…); null when it can. */
  no_show_fee_blocker: z.string().nullable(),
  no_show_fee_cents: z.number().int().nullable(),
  /** The customer has saved a card and agreed to the no-show fee. */
  card_saved: z.boolean(),
});

export const refundParams = z.object({
  payment_id: z.string().min(1, "Bitte eine Zahlung angeben."),
  /** Cents; without it, whatever is not yet refunded. */
  amount_cents: z.number().int("Der Betrag wird in Cent angegeben.").min(1, "Der Betrag muss größer als 0 sein.").optional(),
});
export const refundResult = z.object({ payment: paymentSchema, message: z.string() });

export const chargeNoShowFeeParams = z.object({ appointment_id: appointmentId });
export const chargeNoShowFeeResult = z.object({ payment: paymentSchema, charged: z.boolean(), message: z.string() });

export const createCardSetupLinkParams = z.object({ appointment_id: appointmentId });
export const createCardSetupLinkResult = z.object({ url: z.string(), expires_at: z.string(), message: z.string() });

/** Events the webhook endpoint handles (shown in the settings to select in Stripe). */
export const WEBHOOK_EVENTS = [
  "checkout.session.completed",
  "checkout.session.expired",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "charge.refunded",
  "setup_intent.succeeded",
] as const;
