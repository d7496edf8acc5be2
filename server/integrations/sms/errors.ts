/**
 * What the SMS providers refuse, in German. A refusal (`SmsRejected`) is final for this
 * message: a wrong number or wrong credentials do not get better by sending again. Network
 * failures, 5xx and 429 are not refusals: they leave `runResilient` as its "unavailable" or
 * "overloaded" AppError.
 */

export type SmsRejectionKind =
  /** The number is invalid, not a mobile number, or the recipient opted out. */
  | "recipient"
  /** The provider does not accept the credentials (or the account is locked). */
  | "credentials"
  /** The sender (From) is not allowed. */
  | "sender"
  /** Account limits: no credit, country not enabled, duplicate text. */
  | "account"
  /** Anything else the provider refused. */
  | "request";

export class SmsRejected extends Error {
  constructor(
    readonly kind: SmsRejectionKind,
    /** German, for the message's error and the dashboard. */
    readonly reason: string,
    /** The provider's own code, e.g. Twilio "21211" or seven "202". */
    readonly providerCode: string,
    readonly providerMessage: string | null = null,
  ) {
    super(reason);
    this.name = "SmsRejected";
  }
}

export const CREDENTIALS_REFUSED = "SMS-Anbieter lehnt die Zugangsdaten ab";

/** A reason with the provider's own words and code appended: "… (Twilio 21211: The 'To' number …)". */
export function withProviderDetail(reason: string, provider: "Twilio" | "seven.io", code: string, message?: string | null): string {
  const detail = message?.trim() ? `${provider} ${code}: ${message.trim().slice(0, 300)}` : `${provider}-Fehler ${code}`;
  return `${reason} (${detail})`;
}

// Twilio error codes: twilio.com/docs/api/errors. Send-time (21xxx, 20xxx) and delivery-time (30xxx).
const twilioCodes: Record<string, { kind: SmsRejectionKind; reason: string }> = {
  "20003": { kind: "credentials", reason: CREDENTIALS_REFUSED },
  "20404": { kind: "credentials", reason: CREDENTIALS_REFUSED },
  "20005": { kind: "credentials", reason: "Das Twilio-Konto ist nicht aktiv" },
  "21211": { kind: "recipient", reason: "Die Rufnummer ist ungültig" },
  "21614": { kind: "recipient", reason: "Die Rufnummer ist keine Mobilfunknummer" },
  "21612": { kind: "recipient", reason: "An diese Rufnummer kann Twilio keine SMS senden" },
  "21610": { kind: "recipient", reason: "Der Empfänger hat SMS abbestellt (STOP)" },
  "21408": { kind: "account", reason: "Der Versand in dieses Land ist im Twilio-Konto nicht freigeschaltet" },
  "21608": { kind: "account", reason: "Das Twilio-Testkonto darf nur an bestätigte Nummern senden" },
  "21606": { kind: "sender", reason: "Der Absender ist für SMS nicht zugelassen" },
  "21212": { kind: "sender", reason: "Der Absender ist ungültig" },
  "21659": { kind: "sender", reason: "Der Absender gehört nicht zum Twilio-Konto" },
  "21603": { kind: "sender", reason: "Es ist kein Absender hinterlegt" },
  "21602": { kind: "request", reason: "Der SMS-Text fehlt" },
  "21617": { kind: "request", reason: "Der SMS-Text ist zu lang" },
  "30001": { kind: "account", reason: "Die Warteschlange des SMS-Anbieters war voll" },
  "30002": { kind: "credentials", reason: "Das Twilio-Konto ist gesperrt" },
  "30003": { kind: "recipient", reason: "Das Handy des Empfängers war nicht erreichbar" },
  "30004": { kind: "recipient", reason: "Der Empfänger oder sein Netz blockiert die SMS" },
  "30005": { kind: "recipient", reason: "Die Rufnummer ist unbekannt oder nicht mehr vergeben" },
  "30006": { kind: "recipient", reason: "Festnetznummer oder Netz nicht erreichbar" },
  "30007": { kind: "recipient", reason: "Der Netzbetreiber hat die SMS gefiltert" },
  "30008": { kind: "request", reason: "Unbekannter Zustellfehler" },
};

/** German reason and kind for a Twilio error code (send answer or status callback). */
export function twilioError(code: string | number | null | undefined): { kind: SmsRejectionKind; reason: string } {
  const key = code === null || code === undefined ? "" : String(code);
  return twilioCodes[key] ?? { kind: "request", reason: key ? "Twilio hat die SMS abgelehnt" : "Nicht zugestellt" };
}

// seven.io `success` codes of POST /api/sms (docs.seven.io/en/rest-api/endpoints/sms).
const sevenCodes: Record<string, { kind: SmsRejectionKind; reason: string }> = {
  "101": { kind: "recipient", reason: "Die SMS konnte nicht an den Empfänger gesendet werden" },
  "201": { kind: "sender", reason: "Der Absender ist ungültig (höchstens 11 Zeichen oder 16 Ziffern)" },
  "202": { kind: "recipient", reason: "Die Rufnummer ist ungültig" },
  "300": { kind: "credentials", reason: CREDENTIALS_REFUSED },
  "301": { kind: "recipient", reason: "Die Rufnummer fehlt" },
  "305": { kind: "request", reason: "Der SMS-Text ist ungültig" },
  "306": { kind: "sender", reason: "Der Absender ist ungültig" },
  "401": { kind: "request", reason: "Der SMS-Text ist zu lang" },
  "402": { kind: "account", reason: "Dieselbe SMS ging in den letzten 3 Minuten schon an diese Nummer (Sperre gegen Doppelversand)" },
  "500": { kind: "account", reason: "Das Guthaben beim SMS-Anbieter reicht nicht" },
  "600": { kind: "recipient", reason: "Der Netzbetreiber hat die SMS nicht angenommen" },
  "700": { kind: "request", reason: "Unbekannter Fehler beim SMS-Anbieter" },
  "900": { kind: "credentials", reason: CREDENTIALS_REFUSED },
  "902": { kind: "credentials", reason: "Die HTTP-API ist im seven.io-Konto abgeschaltet" },
  "903": { kind: "credentials", reason: "seven.io lässt Anfragen von dieser Server-Adresse nicht zu" },
};

export function sevenError(code: string): { kind: SmsRejectionKind; reason: string } {
  return sevenCodes[code] ?? { kind: "request", reason: "seven.io hat die SMS abgelehnt" };
}

/** seven.io delivery report states that end a message as not delivered. */
const sevenFailedStates: Record<string, string> = {
  NOTDELIVERED: "Nicht zugestellt",
  EXPIRED: "Nicht zugestellt: Gültigkeit abgelaufen (Handy zu lange nicht erreichbar)",
  REJECTED: "Vom Netzbetreiber abgelehnt",
  FAILED: "Zustellung fehlgeschlagen",
};

export type DeliveryOutcome = { state: "delivered" } | { state: "failed"; reason: string } | { state: "sent" } | { state: "ignored" };

/** What a seven.io delivery report status means for the message. */
export function sevenDeliveryOutcome(status: string): DeliveryOutcome {
  const s = status.toUpperCase();
  if (s === "DELIVERED") return { state: "delivered" };
  if (s in sevenFailedStates) return { state: "failed", reason: `${sevenFailedStates[s]} (seven.io ${s})` };
  if (s === "BUFFERED" || s === "TRANSMITTED" || s === "ACCEPTED") return { state: "sent" };
  return { state: "ignored" };
}

/** What a Twilio MessageStatus means for the message. */
export function twilioDeliveryOutcome(status: string, errorCode: string | null): DeliveryOutcome {
  switch (status) {
    case "delivered":
    case "read":
      return { state: "delivered" };
    case "undelivered":
    case "failed": {
      const { reason } = twilioError(errorCode);
      return { state: "failed", reason: errorCode ? `${reason} (Twilio-Fehler ${errorCode})` : `${reason} (Twilio: ${status})` };
    }
    case "canceled":
      return { state: "failed", reason: "Vom SMS-Anbieter abgebrochen (Twilio: canceled)" };
    case "queued":
    case "accepted":
    case "scheduled":
    case "sending":
    case "sent":
      return { state: "sent" };
    default:
      return { state: "ignored" };
  }
}
