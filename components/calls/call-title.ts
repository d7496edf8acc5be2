/** How a call is named and placed in time in the dashboard (pure; list, detail and overview share it). */
import { formatDateTime } from "@/components/forms/format";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";

/** A caller's number when one was transmitted ("anonymous" and empty ones were not). */
function callerNumber(fromNumber: string | null | undefined): string | null {
  return fromNumber && /\d/.test(fromNumber) ? formatPhoneForDisplay(fromNumber) : null;
}

/** "Anruf von Anna Schmidt", "Anruf von 0171 1234567" or "Anruf (Nummer unterdrückt)". */
export function callTitle(customerName: string | null | undefined, fromNumber: string | null | undefined): string {
  const name = customerName?.trim();
  if (name) return `Anruf von ${name}`;
  const number = callerNumber(fromNumber);
  return number ? `Anruf von ${number}` : "Anruf (Nummer unterdrückt)";
}

/** The caller's number for display, or "Nummer unterdrückt". */
export function callerLabel(fromNumber: string | null | undefined): string {
  return callerNumber(fromNumber) ?? "Nummer unterdrückt";
}

/** "03.12.2026 10:15" from the start, or "eingegangen 03.12.2026 10:15" while the start is not reported. */
export function callWhen(startedAt: string | null, createdAt: string): string {
  return startedAt ? formatDateTime(startedAt) : `eingegangen ${formatDateTime(createdAt)}`;
}
