/**
 * The customer's consent to a no-show fee: a setup-mode Checkout link where the customer saves a
 * card and agrees, in the text above the button, that the fee may be charged to it. Stripe then
 * sends `setup_intent.succeeded` (see webhook.ts), which stores the card's ids and the moment of
 * consent on the customer; only then can `stripe.chargeNoShowFee` charge it.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { env } from "@/server/platform/env";
import { loadAppointment } from "./payments-store";
import type * as s from "./schemas";
import { formatEuro } from "./schemas";
import { stripeClientFor, stripeConfigOf } from "./settings";
import { callStripe } from "./stripe-errors";

const LINK_MINUTES = 24 * 60;

export async function createCardSetupLink(ctx: ServiceContext, params: z.output<typeof s.createCardSetupLinkParams>): Promise<z.input<typeof s.createCardSetupLinkResult>> {
  const appointment = await loadAppointment(ctx.db, ctx.companyId, params.appointment_id);
  const config = await stripeConfigOf(ctx.db, ctx.companyId);
  if (!config) throw new AppError(ErrorCodes.STRIPE_NOT_CONFIGURED, "Stripe ist nicht eingerichtet. Bitte den geheimen Schlüssel unter Einstellungen → Zahlungen hinterlegen.");
  if (!config.noShowFeeCents) throw new AppError(ErrorCodes.PAYMENT_NOT_POSSIBLE, "Keine No-Show-Gebühr eingestellt (Einstellungen → Zahlungen).");
  const { customer } = appointment;
  const metadata = { customer_id: customer.id, company_id: ctx.companyId, appointment_id: appointment.id, kind: "card_setup" };
  const base = env().APP_URL.replace(/\/+$/, "");
  const expiresAt = Math.floor(ctx.now().getTime() / 1000) + LINK_MINUTES * 60;
  const fee = formatEuro(config.noShowFeeCents);
  const session = await callStripe(() =>
    stripeClientFor(config).checkout.sessions.create(
      {
        mode: "setup",
        currency: "eur",
        ...(customer.stripeCustomerId ? { customer: customer.stripeCustomerId } : { customer_creation: "always" as const }),
        ...(customer.email && !customer.stripeCustomerId ? { customer_email: customer.email } : {}),
        metadata,
        // Session metadata is not copied to the SetupIntent: setup_intent.succeeded names the customer through this.
        setup_intent_data: { metadata, description: `Karte für No-Show-Gebühr (${appointment.company.name})` },
        custom_text: {
          submit: {
            message: `Mit dem Speichern stimmen Sie zu, dass ${appointment.company.name} eine Gebühr von ${fee} von dieser Karte abbuchen darf, wenn Sie einen Termin ohne Absage nicht wahrnehmen.`,
          },
        },
        locale: "de",
        expires_at: expiresAt,
        success_url: `${base}/zahlung?status=karte`,
        cancel_url: `${base}/zahlung?status=abgebrochen`,
      },
      { idempotencyKey: `customer-${customer.id}-card-setup-${expiresAt}` },
    ),
  );
  return {
    url: session.url ?? "",
    expires_at: new Date(session.expires_at * 1000).toISOString(),
    message: `Link zum Hinterlegen der Karte erstellt (gültig 24 Stunden). Bitte an ${customer.name ?? "die Kundschaft"} weitergeben.`,
  };
}
