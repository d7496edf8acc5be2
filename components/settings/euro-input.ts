/** Prices are entered and shown as German amounts ("49,00") and sent in cents. */

/** 4900 → "49,00"; null → "". */
export function centsToEuroInput(cents: number | null): string {
  return cents === null ? "" : (cents / 100).toFixed(2).replace(".", ",");
}

/** "49", "49,9", "1.049,00", "49.00 €" → cents; "" → null; anything else → undefined (not an amount). */
export function euroInputToCents(text: string): number | null | undefined {
  let s = text.replace(/[\s€]/g, "");
  if (s === "") return null;
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined;
  return Math.round(Number(s) * 100);
}

export const EURO_INPUT_ERROR = "Bitte einen Betrag wie 49,00 angeben.";
