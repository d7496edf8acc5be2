/**
 * What a validation message shown to a salon owner (or an API caller) must not look like: zod's
 * own wording, in German or English, and its symbols and type names.
 */
export const RAW_ZOD_WORDING = /erwartet|erhalten|Zu klein|Zu groß|Ungültig:|Ungültige Eingabe|Ungültige Option|Ungültiger String|Unbekannte[rn]? Schlüssel|Ungültiger Schlüssel|>=|<=|\bstring\b|\bnumber\b|\bint\b|\bboolean\b|Invalid|Expected|Required|received|instanceof|NaN|undefined|JJJJ/i;

/** Words a plain German sentence to an owner contains, one at least. */
const GERMAN = /\b(Bitte|Mindestens|Höchstens|Genau|Frühestens|Spätestens|Erst|Nur|nicht|kein|keine|eine?n?|der|die|das|ist|sind|wird|muss|oder|und|mit|für|bereits|schon|Dieses?|Das|Unbekannte?s?)\b|[äöüß]/i;

/** Why `message` would not do as a plain German field message, or null when it does. */
export function plainMessageProblem(message: unknown): string | null {
  if (typeof message !== "string" || message.trim() === "") return "leer";
  if (RAW_ZOD_WORDING.test(message)) return `technischer Wortlaut: ${message.match(RAW_ZOD_WORDING)![0]}`;
  if (!GERMAN.test(message)) return "kein deutscher Satz";
  return null;
}
