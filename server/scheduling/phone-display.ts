/**
 * Phone numbers as the dashboard shows them: German numbers in national form ("0171 1234567"),
 * foreign ones in international form ("+43 660 1234567"), anything unparsable as stored.
 * Uses libphonenumber's small metadata, so client components can import it.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

export function formatPhoneForDisplay(phone: string): string;
export function formatPhoneForDisplay(phone: string | null | undefined): string | null;
export function formatPhoneForDisplay(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const parsed = parsePhoneNumberFromString(phone, "DE");
  if (!parsed?.isPossible()) return phone;
  return parsed.countryCallingCode === "49" ? parsed.formatNational() : parsed.formatInternational();
}
