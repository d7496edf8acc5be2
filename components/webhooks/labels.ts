/** German names for what the webhook event list shows: sources, states, events and errors. */

export const PROVIDER_LABELS: Record<string, string> = { retell: "Retell", calcom: "Cal.com", stripe: "Stripe" };

export const STATUS_LABELS: Record<string, string> = {
  received: "empfangen",
  processed: "verarbeitet",
  ignored: "ignoriert",
  failed: "fehlgeschlagen",
};

const EVENT_LABELS: Record<string, string> = {
  call_started: "Anruf begonnen",
  call_ended: "Anruf beendet",
  call_analyzed: "Anruf ausgewertet",
  BOOKING_CREATED: "Buchung angelegt",
  BOOKING_RESCHEDULED: "Buchung verschoben",
  BOOKING_CANCELLED: "Buchung storniert",
  "checkout.session.completed": "Zahlung abgeschlossen",
  "checkout.session.async_payment_succeeded": "Zahlung bestätigt",
  "checkout.session.async_payment_failed": "Zahlung fehlgeschlagen",
  "checkout.session.expired": "Zahlungslink abgelaufen",
  "charge.refunded": "Zahlung erstattet",
  "setup_intent.succeeded": "Karte hinterlegt",
};

/** "Anruf beendet"; an event without a German name as the provider calls it. */
export const eventLabel = (event: string): string => EVENT_LABELS[event] ?? event;

/** Messages of a program, not of ours (stack lines, exception names, database errors). */
const TECHNICAL = /\n\s+at |\b[A-Z][a-zA-Z]+Error\b|prisma|ECONN|ETIMEDOUT|\bundefined\b|\bnull\b|`/;

/** The stored error as the list shows it: our German messages as they are, anything technical in plain words. */
export function plainError(error: string | null): string | null {
  if (!error) return null;
  return TECHNICAL.test(error) ? "Unerwarteter technischer Fehler bei der Verarbeitung." : error;
}
