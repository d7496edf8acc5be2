/**
 * CSV for German Excel: UTF-8 with a byte order mark (else Excel reads umlauts as Latin-1), `;`
 * as separator (Excel's default where the decimal separator is a comma), CRLF line ends, a
 * header row of German column names. Dates are ISO 8601 (UTC), JSON columns JSON text,
 * yes/no as "ja"/"nein"; text that would run as a formula is made plain text.
 */
import type { ExportRow } from "./entities";

export const CSV_BOM = "\uFEFF";
const SEPARATOR = ";";
const LINE_END = "\r\n";

/** German column names; a column without one keeps its field name. */
const COLUMN_LABELS: Record<string, string> = {
  id: "ID",
  slug: "Kürzel",
  name: "Name",
  timeZone: "Zeitzone",
  settings: "Einstellungen",
  createdAt: "Angelegt am",
  updatedAt: "Geändert am",
  street: "Straße",
  postalCode: "PLZ",
  city: "Ort",
  state: "Bundesland",
  phone: "Telefon",
  email: "E-Mail",
  businessHours: "Öffnungszeiten",
  workingHours: "Arbeitszeiten",
  isActive: "Aktiv",
  branchId: "Filiale (ID)",
  staffId: "Mitarbeiter/in (ID)",
  serviceId: "Leistung (ID)",
  customerId: "Kunde (ID)",
  appointmentId: "Termin (ID)",
  callId: "Anruf (ID)",
  date: "Datum",
  closed: "Geschlossen",
  hours: "Zeiten",
  reason: "Grund",
  startsAt: "Beginn",
  endsAt: "Ende",
  description: "Beschreibung",
  durationMinutes: "Dauer (Minuten)",
  bufferMinutes: "Puffer (Minuten)",
  priceCents: "Preis (Cent)",
  depositCents: "Anzahlung (Cent)",
  depositPercent: "Anzahlung (%)",
  notes: "Notizen",
  cancellationCount: "Absagen",
  noShowCount: "Nicht erschienen",
  smsOptOut: "Keine SMS",
  emailOptOut: "Keine E-Mails",
  status: "Status",
  source: "Quelle",
  rescheduledAt: "Verschoben am",
  rescheduledBy: "Verschoben von",
  rescheduleReason: "Grund der Verschiebung",
  cancelledAt: "Abgesagt am",
  cancelledBy: "Abgesagt von",
  cancellationReason: "Grund der Absage",
  createdBy: "Gebucht von",
  statusChangedAt: "Status geändert am",
  statusChangedBy: "Status geändert von",
  direction: "Richtung",
  fromNumber: "Von Nummer",
  toNumber: "An Nummer",
  startedAt: "Begonnen am",
  endedAt: "Beendet am",
  durationMs: "Dauer (ms)",
  transcript: "Gesprächsverlauf",
  summary: "Zusammenfassung",
  outcome: "Ergebnis",
  title: "Titel",
  details: "Details",
  channel: "Kanal",
  kind: "Art",
  to: "Empfänger",
  subject: "Betreff",
  body: "Text",
  sendAt: "Senden am",
  sentAt: "Gesendet am",
  deliveredAt: "Zugestellt am",
  error: "Fehler",
  category: "Kategorie",
  content: "Inhalt",
  keywords: "Stichwörter",
  version: "Version",
  instructions: "Anweisungen",
  number: "Rufnummer",
  label: "Bezeichnung",
  amountCents: "Betrag (Cent)",
  refundedCents: "Erstattet (Cent)",
  currency: "Währung",
  paidAt: "Bezahlt am",
  refundedAt: "Erstattet am",
  expiresAt: "Gültig bis",
  role: "Rolle",
  lastLoginAt: "Letzte Anmeldung",
  prefix: "Präfix",
  allowedServers: "Freigaben",
  lastUsedAt: "Zuletzt benutzt",
  revokedAt: "Widerrufen am",
  method: "Methode",
};

export function columnLabel(column: string): string {
  return COLUMN_LABELS[column] ?? column;
}

/** One field: quoted when it holds the separator, a quote or a line break (quotes doubled). */
export function csvField(value: unknown): string {
  const text = csvText(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string") return defused(value);
  return String(value);
}

/** Starts like a spreadsheet formula (=, +, -, @, tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A phone number or a signed number: harmless, kept as it is. */
const PLAIN_NUMBER = /^[+-]?[\d ]+([.,]\d+)?$/;

/**
 * Text a caller typed (a name, notes) could be a formula Excel runs when the file is opened
 * (CSV injection); such text gets a leading apostrophe, which makes it plain text.
 */
function defused(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvLine(fields: unknown[]): string {
  return fields.map(csvField).join(SEPARATOR) + LINE_END;
}

/** The header row of German column names. */
export function csvHeaderLine(columns: string[]): string {
  return csvLine(columns.map(columnLabel));
}

/** The start of a CSV file: byte order mark and header. */
export function csvHeader(columns: string[]): string {
  return CSV_BOM + csvHeaderLine(columns);
}

export function csvRow(columns: string[], row: ExportRow): string {
  return csvLine(columns.map((c) => row[c]));
}
