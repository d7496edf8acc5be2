/**
 * The built-in German wording of each message, used while a company has no MessageTemplate row
 * for the channel and kind. Pure data: the template editor shows it too.
 *
 * SMS texts stay in GSM-7 (straight quotes, "-" and "..." only: one „ or – makes the whole SMS
 * UCS-2 with 70 instead of 160 characters) and fit one SMS with names of usual length.
 */

import { MESSAGE_KIND_LABELS } from "@/server/services/messaging-delivery/schemas";

export type MessageKindName = "confirmation" | "change" | "cancellation" | "reminder" | "payment";
export type TemplateChannel = "sms" | "email";

export const MESSAGE_KINDS = ["confirmation", "change", "cancellation", "reminder", "payment"] as const satisfies readonly MessageKindName[];
export const TEMPLATE_CHANNELS = ["sms", "email"] as const satisfies readonly TemplateChannel[];

export const KIND_LABELS: Record<MessageKindName, string> = MESSAGE_KIND_LABELS;

export const CHANNEL_LABELS: Record<TemplateChannel, string> = { sms: "SMS", email: "E-Mail" };

export interface TemplateText {
  /** E-mail only; null for SMS. */
  subject: string | null;
  body: string;
}

const SMS_DEFAULTS: Record<MessageKindName, string> = {
  confirmation: "Hallo {name}, Ihr Termin bei {betrieb} am {datum} um {uhrzeit} Uhr ist bestätigt: {leistung}, {filiale}.",
  change: "Hallo {name}, Ihr Termin bei {betrieb} wurde verlegt auf {datum} um {uhrzeit} Uhr: {leistung}, {filiale}.",
  cancellation: "Hallo {name}, Ihr Termin bei {betrieb} am {datum} um {uhrzeit} Uhr ({leistung}) wurde abgesagt.",
  reminder: "Erinnerung: Ihr Termin bei {betrieb} am {datum} um {uhrzeit} Uhr, {leistung}, {filiale}, {adresse}.",
  payment: "Hallo {name}, bitte zahlen Sie die Anzahlung von {betrag} für Ihren Termin bei {betrieb} am {datum} um {uhrzeit} Uhr: {link}",
};

const DETAILS = ["Leistung: {leistung}", "Datum: {datum}", "Uhrzeit: {uhrzeit} Uhr", "Bei: {mitarbeiter}", "Filiale: {filiale}", "Adresse: {adresse}"].join("\n");

const SIGNATURE = "Viele Grüße\n{betrieb}";

const EMAIL_DEFAULTS: Record<MessageKindName, TemplateText> = {
  confirmation: {
    subject: "Terminbestätigung: {leistung} am {datum} um {uhrzeit} Uhr",
    body: [
      "Hallo {name},",
      "vielen Dank für Ihre Buchung. Ihr Termin ist bestätigt:",
      DETAILS,
      "Den Termin finden Sie auch im Anhang zum Eintragen in Ihren Kalender. Falls Sie nicht kommen können, sagen Sie bitte rechtzeitig ab.",
      SIGNATURE,
    ].join("\n\n"),
  },
  change: {
    subject: "Terminänderung: {leistung} jetzt am {datum} um {uhrzeit} Uhr",
    body: [
      "Hallo {name},",
      "Ihr Termin wurde geändert. Es gilt jetzt:",
      DETAILS,
      "Der Kalendereintrag im Anhang ersetzt den bisherigen. Falls der neue Termin nicht passt, melden Sie sich bitte bei uns.",
      SIGNATURE,
    ].join("\n\n"),
  },
  cancellation: {
    subject: "Terminabsage: {leistung} am {datum} um {uhrzeit} Uhr",
    body: [
      "Hallo {name},",
      "Ihr Termin am {datum} um {uhrzeit} Uhr ({leistung}) wurde abgesagt.",
      "Gern vereinbaren wir einen neuen Termin mit Ihnen.",
      SIGNATURE,
    ].join("\n\n"),
  },
  reminder: {
    subject: "Erinnerung: {leistung} am {datum} um {uhrzeit} Uhr",
    body: [
      "Hallo {name},",
      "wir erinnern Sie an Ihren Termin:",
      DETAILS,
      "Falls Sie nicht kommen können, sagen Sie bitte rechtzeitig ab.",
      SIGNATURE,
    ].join("\n\n"),
  },
  payment: {
    subject: "Anzahlung für Ihren Termin am {datum} um {uhrzeit} Uhr",
    body: [
      "Hallo {name},",
      "für Ihren Termin ({leistung} am {datum} um {uhrzeit} Uhr) bitten wir um eine Anzahlung von {betrag}. Sie können sie hier bezahlen:",
      "{link}",
      SIGNATURE,
    ].join("\n\n"),
  },
};

/** The built-in text of a message kind on a channel. */
export function defaultTemplate(channel: TemplateChannel, kind: MessageKindName): TemplateText {
  return channel === "sms" ? { subject: null, body: SMS_DEFAULTS[kind] } : { ...EMAIL_DEFAULTS[kind] };
}
