/**
 * CSV as German spreadsheet programs open it without an import dialog: UTF-8 with a byte order
 * mark (else Excel reads umlauts as Latin-1), ";" between cells (the comma is the decimal
 * separator), CRLF between rows, and every cell quoted when it holds a separator, a quote or a
 * line break (quotes doubled, RFC 4180).
 */
const BOM = "\uFEFF";
const SEPARATOR = ";";

/**
 * Text a spreadsheet would run as a formula (=, @, or + / - not followed by a plain number, as in
 * "=HYPERLINK(…)" typed as a customer's name) starts with an apostrophe, which shows it as text.
 * Phone numbers such as +4917112345670 stay as they are.
 */
function defuse(cell: string): string {
  return /^[=@\t\r]/.test(cell) || /^[+-](?![\d ]+$)/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string | number | null | undefined): string {
  const text = defuse(value == null ? "" : String(value));
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file's text: header row first, then the rows, with the byte order mark in front. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(SEPARATOR)).join("\r\n") + "\r\n";
}

/** Lets the browser save `text` as `fileName` (a CSV file). */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file over; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
