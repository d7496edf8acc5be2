/**
 * How long an SMS is and how many parts it is billed as (3GPP TS 23.038). Pure: used by the
 * template preview on the server and the template editor in the browser.
 *
 * - GSM-7: 160 septets in one SMS, 153 per part when split. Characters of the extension table
 *   (€ [ ] { } \ ^ ~ | and form feed) take two septets (escape + character) and are never split
 *   across two parts.
 * - UCS-2 as soon as one character is outside GSM-7 (typographic quotes „ “ ’, dashes –, …,
 *   emoji): 70 UTF-16 units in one SMS, 67 per part; a surrogate pair (emoji) takes two units and
 *   is never split either.
 */

/** GSM 03.38 basic character set (the escape 0x1B itself is left out). Ä Ö Ü ä ö ü ß are here. */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** GSM 03.38 extension table: each costs two septets. */
const GSM_EXTENSION = "\f^{}\\[~]|€";

const basic = new Set(Array.from(GSM_BASIC));
const extension = new Set(Array.from(GSM_EXTENSION));

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsLength {
  encoding: SmsEncoding;
  /** Units counted against the limit: septets for GSM-7 (€ counts 2), UTF-16 units for UCS-2 (an emoji counts 2). */
  characters: number;
  /** Parts the text is sent (and billed) as; 0 for an empty text. */
  segments: number;
  /** What `characters` is measured against: 160/70 for one SMS, else segments × 153/67. */
  limit: number;
  /** The first character that forces UCS-2, when the encoding is UCS-2. */
  firstNonGsm?: string;
}

export const SMS_LIMITS = {
  "GSM-7": { single: 160, part: 153 },
  "UCS-2": { single: 70, part: 67 },
} as const satisfies Record<SmsEncoding, { single: number; part: number }>;

/** Septets of one GSM-7 character, or null when the character is not in GSM-7. */
function gsmUnits(char: string): number | null {
  if (basic.has(char)) return 1;
  if (extension.has(char)) return 2;
  return null;
}

/** Whether every character of `text` can be sent as GSM-7. */
export function isGsm7(text: string): boolean {
  return firstNonGsm7(text) === undefined;
}

/** The first character (a whole code point, so an emoji stays whole) outside GSM-7. */
export function firstNonGsm7(text: string): string | undefined {
  for (const char of text) {
    if (gsmUnits(char) === null) return char;
  }
  return undefined;
}

/** Fills parts of `partSize` units one character at a time; a character never straddles two parts. */
function countParts(units: number[], partSize: number): number {
  let parts = 1;
  let used = 0;
  for (const u of units) {
    if (used + u > partSize) {
      parts += 1;
      used = 0;
    }
    used += u;
  }
  return parts;
}

export function smsLength(text: string): SmsLength {
  const chars = Array.from(text);
  const nonGsm = firstNonGsm7(text);
  const encoding: SmsEncoding = nonGsm === undefined ? "GSM-7" : "UCS-2";
  const units = chars.map((c) => (encoding === "GSM-7" ? (gsmUnits(c) as number) : c.length));
  const characters = units.reduce((a, b) => a + b, 0);
  const { single, part } = SMS_LIMITS[encoding];
  const segments = characters === 0 ? 0 : characters <= single ? 1 : countParts(units, part);
  const limit = segments <= 1 ? single : segments * part;
  return { encoding, characters, segments, limit, ...(nonGsm !== undefined ? { firstNonGsm: nonGsm } : {}) };
}
