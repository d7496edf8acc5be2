/**
 * Message templates as text with placeholders, pure (no database): filled in on the server when a
 * message is written and in the template editor's preview.
 *
 * Placeholders (written in curly braces, case does not matter):
 *   {name}        the customer's name
 *   {datum}       the appointment's date, dd.MM.yyyy
 *   {uhrzeit}     its start time, HH:mm
 *   {leistung}    the service
 *   {mitarbeiter} the staff member
 *   {filiale}     the branch
 *   {adresse}     the branch's address
 *   {betrieb}     the company's name
 *   {link}        payment messages: the deposit's payment link
 *   {betrag}      payment messages: the deposit, e.g. "20,00 €"
 *
 * A value that is missing (no name, no staff member, no address) renders as nothing, and the text
 * around it is tidied so no double spaces, " ," or dangling ", " remain; a line of the form
 * "Label: {x}" whose value is missing is left out altogether.
 */

/** What a message is filled with; times already in the company's time zone. */
export interface MessageVars {
  name: string | null;
  /** dd.MM.yyyy */
  date: string;
  /** HH:mm */
  time: string;
  service: string;
  staff: string | null;
  branch: string;
  address: string | null;
  company: string;
  /** Payment messages only: the payment link and the amount as shown. */
  link?: string | null;
  amount?: string | null;
}

/** "Hauptstraße 1, 10115 Berlin", or what there is of it; null without any part. */
export function branchAddress(b: { street: string | null; postalCode: string | null; city: string | null }): string | null {
  const place = [b.postalCode, b.city].filter((x) => x && x.trim()).join(" ");
  const address = [b.street?.trim(), place].filter((x) => x).join(", ");
  return address || null;
}

export const PLACEHOLDERS = [
  { key: "name", label: "Name des Kunden", field: "name" },
  { key: "datum", label: "Datum (TT.MM.JJJJ)", field: "date" },
  { key: "uhrzeit", label: "Uhrzeit (HH:MM)", field: "time" },
  { key: "leistung", label: "Leistung", field: "service" },
  { key: "mitarbeiter", label: "Mitarbeiter", field: "staff" },
  { key: "filiale", label: "Filiale", field: "branch" },
  { key: "adresse", label: "Adresse der Filiale", field: "address" },
  { key: "betrieb", label: "Name des Betriebs", field: "company" },
  { key: "link", label: "Zahlungslink (nur Zahlungslink)", field: "link" },
  { key: "betrag", label: "Betrag der Anzahlung (nur Zahlungslink)", field: "amount" },
] as const satisfies ReadonlyArray<{ key: string; label: string; field: keyof MessageVars }>;

export type PlaceholderKey = (typeof PLACEHOLDERS)[number]["key"];

const FIELD_OF = new Map<string, keyof MessageVars>(PLACEHOLDERS.map((p) => [p.key, p.field]));

const PLACEHOLDER = /\{([^{}\n]*)\}/g;

/** The placeholders written in `text`, as written (without braces), in order. */
export function placeholdersIn(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] ?? "");
}

function normalKey(written: string): string {
  return written.trim().toLowerCase();
}

/**
 * Why `text` cannot be saved as a template, in German, or null when it can: placeholders we do
 * not know (named, e.g. "{termin}") and curly braces without their partner.
 */
export function templateProblem(text: string): string | null {
  const unknown = [...new Set(placeholdersIn(text).filter((k) => !FIELD_OF.has(normalKey(k))).map((k) => `{${k}}`))];
  if (unknown.length > 0) {
    const allowed = PLACEHOLDERS.map((p) => `{${p.key}}`).join(", ");
    return `${unknown.length === 1 ? "Unbekannter Platzhalter" : "Unbekannte Platzhalter"}: ${unknown.join(", ")}. Erlaubt sind ${allowed}.`;
  }
  const rest = text.replace(PLACEHOLDER, "");
  if (rest.includes("{") || rest.includes("}")) {
    return "Eine geschweifte Klammer steht ohne Gegenstück. Platzhalter werden so geschrieben: {name}.";
  }
  return null;
}

/** Marks where a missing value was, so the text around it can be tidied. */
const GAP = "\u0000";

function tidyLine(line: string, hadGap: boolean): string | null {
  if (!hadGap) return line;
  let out = line
    .replace(/\(\s*\u0000\s*\)/g, GAP) // "({mitarbeiter})" → nothing
    .replace(/^[ \t]*\u0000[ \t]*[,;:-]?[ \t]*/, "") // at the start, with its separator
    .replace(/[ \t]*[,;-]?[ \t]*\u0000[ \t]*$/, "") // at the end, with the separator before it
    .replace(/[ \t]*[,;][ \t]*\u0000(?=[ \t]*[,;.!?)])/g, "") // "a, {x}, b" → "a, b"
    .replace(/[ \t]*\u0000[ \t]*(?=[,;.!?)])/g, "") // "Hallo {name}," → "Hallo,"
    .replace(/([ \t]*)\u0000([ \t]*)/g, (_m, before: string, after: string) => (before && after ? " " : ""));
  out = out.replace(/[ \t]{2,}/g, " ").replace(/[ \t]+$/, "");
  // "Adresse: {adresse}" without an address: the label alone says nothing, leave the line out.
  if (/^[^:]{1,40}:$/.test(out.trim())) return null;
  return out;
}

/** Fills the placeholders of `template` with `vars`; see the module comment for missing values. */
export function renderTemplate(template: string, vars: MessageVars): string {
  const filled = template.replace(PLACEHOLDER, (whole, written: string) => {
    const field = FIELD_OF.get(normalKey(written));
    if (!field) return whole;
    const value = (vars[field] ?? "").replace(/\s+/g, " ").trim();
    return value === "" ? GAP : value;
  });
  const lines: string[] = [];
  for (const line of filled.split("\n")) {
    const tidy = tidyLine(line, line.includes(GAP));
    if (tidy !== null) lines.push(tidy);
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * The HTML part of an e-mail, built from its rendered text: every character escaped (neither a
 * template nor a value can bring its own markup), blank lines make paragraphs, single line breaks
 * stay line breaks, in a plain centred layout that mail clients show alike.
 */
export function htmlFromText(text: string, opts: { subject: string; company: string }): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p style="margin:0 0 16px 0;">${p.split("\n").map(escapeHtml).join("<br>\n")}</p>`)
    .join("\n");
  const font = "font-family:Arial,Helvetica,sans-serif;";
  return [
    "<!DOCTYPE html>",
    '<html lang="de">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(opts.subject)}</title>`,
    "</head>",
    '<body style="margin:0;padding:0;background-color:#f4f4f5;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f5;">',
    '<tr><td align="center" style="padding:24px 12px;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border:1px solid #e4e4e7;border-radius:8px;">',
    `<tr><td style="padding:20px 24px;border-bottom:1px solid #e4e4e7;${font}font-size:16px;font-weight:bold;color:#18181b;">${escapeHtml(opts.company)}</td></tr>`,
    `<tr><td style="padding:24px;${font}font-size:15px;line-height:1.5;color:#18181b;">`,
    paragraphs,
    "</td></tr>",
    "</table>",
    "</td></tr>",
    "</table>",
    "</body>",
    "</html>",
  ].join("\n");
}
