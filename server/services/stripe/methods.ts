import { defineMethod, defineServer } from "@/server/core/types";
import { createCardSetupLink } from "./card-setup";
import { createDepositLink } from "./deposit";
import { stripeHealth } from "./health";
import { chargeNoShowFee, getPaymentStatus, refundPayment } from "./payments";
import * as s from "./schemas";
import { getStripeSettings, updateStripeSettings } from "./settings";

const everyone = ["admin", "staff"] as const;

export const stripeServer = defineServer({
  name: "stripe",
  version: "1.0.0",
  description: "Anzahlungen und No-Show-Gebühren über Stripe: Zahlungslinks zu Terminen, Zahlungsstand, Erstattungen.",
  health: stripeHealth,
  methods: [
    defineMethod({
      name: "stripe.getSettings",
      description: "Zeigt, ob ein Stripe-Schlüssel und ein Webhook-Geheimnis hinterlegt sind (nie die Werte), die Webhook-Adresse und die No-Show-Gebühr.",
      params: s.getSettingsParams,
      result: s.settingsSchema,
      kind: "read",
      configuration: true,
      roles: ["admin"],
      handler: getStripeSettings,
    }),
    defineMethod({
      name: "stripe.updateSettings",
      description: "Speichert den geheimen Schlüssel und das Webhook-Geheimnis verschlüsselt (leer: unverändert), die No-Show-Gebühr und wie lange ein Zahlungslink gilt.",
      params: s.updateSettingsParams,
      result: s.settingsSchema,
      kind: "write",
      audit: { entity: "stripe" },
      configuration: true,
      roles: ["admin"],
      handler: updateStripeSettings,
    }),
    defineMethod({
      name: "stripe.createDepositLink",
      description: "Erstellt den Zahlungslink (Stripe Checkout) für die Anzahlung eines Termins und sendet ihn per SMS; ein noch gültiger Link wird erneut gesendet.",
      params: s.createDepositLinkParams,
      result: s.createDepositLinkResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: createDepositLink,
    }),
    defineMethod({
      name: "stripe.getPaymentStatus",
      description: "Zahlungen eines Termins (Anzahlung, No-Show-Gebühr) mit Stand und was möglich ist.",
      params: s.getPaymentStatusParams,
      result: s.getPaymentStatusResult,
      kind: "read",
      handler: getPaymentStatus,
    }),
    defineMethod({
      name: "stripe.refund",
      description: "Erstattet eine bezahlte Zahlung ganz oder teilweise (Betrag in Cent).",
      params: s.refundParams,
      result: s.refundResult,
      kind: "write",
      audit: { entity: "appointment", id: (_p, r) => r?.payment?.appointment_id },
      roles: ["admin"],
      handler: refundPayment,
    }),
    defineMethod({
      name: "stripe.createCardSetupLink",
      description: "Erstellt einen Link, über den der Kunde eine Karte hinterlegt und der No-Show-Gebühr zustimmt (Voraussetzung für stripe.chargeNoShowFee).",
      params: s.createCardSetupLinkParams,
      result: s.createCardSetupLinkResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: createCardSetupLink,
    }),
    defineMethod({
      name: "stripe.chargeNoShowFee",
      description: "Berechnet die No-Show-Gebühr für einen nicht wahrgenommenen Termin – nur mit einer Karte, die der Kunde mit Zustimmung hinterlegt hat.",
      params: s.chargeNoShowFeeParams,
      result: s.chargeNoShowFeeResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: ["admin"],
      handler: chargeNoShowFee,
    }),
  ],
});
