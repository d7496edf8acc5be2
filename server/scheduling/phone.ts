/**
 * Phone numbers as callers say them (or as speech-to-text writes them down),
 * normalised to E.164 ("+491711234567").
 */
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { AppError, ErrorCodes } from "@/server/core/errors";

const INVALID_PHONE_MESSAGE = "Die Telefonnummer ist ungültig.";

/** Digits plus the separators people and transcripts use: spaces, dashes, slashes, dots, brackets. */
const ALLOWED_CHARACTERS = /^\+?[\d\s\-/.()]+$/;

/**
 * Normalises a phone number to E.164. Accepts national ("0171 1234567"),
 * international ("+49 (171) 123 45 67", "+49 (0)30 1234567", "0049 171 1234567")
 * and country-code-without-plus ("49 171 1234567") forms.
 *
 * @throws AppError INVALID_PHONE when the input is not a valid number.
 */
export function normalizePhone(input: string, defaultCountry = "DE"): string {
  const normalized = tryNormalizePhone(input, defaultCountry);
  if (normalized === null) {
    throw new AppError(ErrorCodes.INVALID_PHONE, INVALID_PHONE_MESSAGE);
  }
  return normalized;
}

/** Like `normalizePhone`, but returns null for an invalid number instead of throwing. */
export function tryNormalizePhone(input: string, defaultCountry = "DE"): string | null {
  const country = defaultCountry.toUpperCase();
  if (!isSupportedCountry(country)) throw new RangeError(`Unsupported default country: ${defaultCountry}`);
  const trimmed = input.trim();
  if (!ALLOWED_CHARACTERS.test(trimmed)) return null;

  const hasPlus = trimmed.startsWith("+");
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length === 0) return null;

  if (hasPlus) return validE164(`+${digits}`);
  if (digits.startsWith("00")) return validE164(`+${digits.slice(2)}`);
  if (digits.startsWith("0")) return validE164(digits, country);
  // No trunk prefix: either a country code said without "plus" ("49 171 …")
  // or a national number whose leading zero got lost ("171 …").
  return validE164(`+${digits}`) ?? validE164(digits, country);
}

function validE164(value: string, country?: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(value, country);
  return parsed?.isValid() ? parsed.number : null;
}
