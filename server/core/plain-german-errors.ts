/**
 * Validation messages a salon owner understands: what is wrong with the field and how to fix it
 * ("Bitte ausfüllen.", "Höchstens 200 Zeichen."), instead of zod's technical wording. API callers
 * get the same sentences; the field's path travels beside the message.
 */
import type { z } from "zod";

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const numberFmt = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 6 });
const dateFmt = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric" });

const amount = (value: number | bigint): string => (typeof value === "bigint" ? value.toString() : numberFmt.format(value));
/** Date bounds arrive as milliseconds. */
const day = (value: number | bigint): string => dateFmt.format(new Date(Number(value)));

const isEmpty = (input: unknown) => input === undefined || input === null || (typeof input === "string" && input.trim() === "");

const INT_FORMATS = new Set(["safeint", "int32", "uint32", "int64", "uint64"]);
type Def = { format?: string; checks?: Array<{ _zod: { def: { format?: string } } }> };

/** Whether the schema that refused the value takes whole numbers only (z.int(), z.number().int()). */
function wantsWholeNumber(inst: unknown): boolean {
  const def = (inst as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  if (!def) return false;
  return INT_FORMATS.has(def.format ?? "") || (def.checks ?? []).some((c) => INT_FORMATS.has(c._zod.def.format ?? ""));
}

/** What a missing or wrong-typed value should have been, as a request to the person typing it. */
function expectedType(expected: string, input: unknown, inst: unknown): string {
  if (expected === "number" || expected === "int" || expected === "bigint" || expected === "nan") {
    if (isEmpty(input)) return "Bitte ausfüllen.";
    return expected === "int" || expected === "bigint" || wantsWholeNumber(inst) ? "Bitte eine ganze Zahl eingeben." : "Bitte eine Zahl eingeben.";
  }
  if (isEmpty(input) && expected !== "null" && expected !== "undefined" && expected !== "never") return "Bitte ausfüllen.";
  switch (expected) {
    case "string":
      return "Bitte einen Text eingeben.";
    case "boolean":
      return "Bitte Ja oder Nein wählen.";
    case "date":
      return "Bitte ein gültiges Datum eingeben.";
    case "array":
    case "tuple":
    case "set":
      return "Bitte eine Liste angeben.";
    case "object":
    case "record":
    case "map":
      return "Bitte die Angaben als Gruppe von Feldern übermitteln.";
    case "file":
      return "Bitte eine Datei auswählen.";
    case "undefined":
    case "null":
    case "never":
    case "void":
      return "Dieses Feld bitte leer lassen.";
    default:
      return "Bitte einen gültigen Wert eingeben.";
  }
}

/** Units for lengths and counts, by what zod measured. */
const unitOf = (origin: string, count: number | bigint): string => {
  const one = count === 1 || count === BigInt(1);
  if (origin === "string") return "Zeichen";
  if (origin === "file") return "Bytes";
  return one ? "Eintrag" : "Einträge";
};

function tooSmall(issue: Extract<RawIssue, { code: "too_small" }>): string {
  const { origin, minimum, inclusive = true, exact } = issue;
  if (origin === "string" || origin === "array" || origin === "set" || origin === "file") {
    if (origin === "string" && Number(minimum) <= 1 && isEmpty(issue.input)) return "Bitte ausfüllen.";
    if ((origin === "array" || origin === "set") && Number(minimum) <= 1) return "Bitte mindestens einen Eintrag wählen.";
    const count = inclusive ? minimum : BigInt(minimum) + BigInt(1);
    return exact ? `Genau ${amount(count)} ${unitOf(origin, count)}.` : `Mindestens ${amount(count)} ${unitOf(origin, count)}.`;
  }
  if (origin === "date") return inclusive ? `Frühestens am ${day(minimum)}.` : `Erst nach dem ${day(minimum)}.`;
  if (isEmpty(issue.input)) return "Bitte ausfüllen.";
  return inclusive ? `Mindestens ${amount(minimum)}.` : `Bitte eine Zahl größer als ${amount(minimum)} eingeben.`;
}

function tooBig(issue: Extract<RawIssue, { code: "too_big" }>): string {
  const { origin, maximum, inclusive = true, exact } = issue;
  if (origin === "string" || origin === "array" || origin === "set" || origin === "file") {
    const count = inclusive ? maximum : BigInt(maximum) - BigInt(1);
    return exact ? `Genau ${amount(count)} ${unitOf(origin, count)}.` : `Höchstens ${amount(count)} ${unitOf(origin, count)}.`;
  }
  if (origin === "date") return inclusive ? `Spätestens am ${day(maximum)}.` : `Nur vor dem ${day(maximum)}.`;
  return inclusive ? `Höchstens ${amount(maximum)}.` : `Bitte eine Zahl kleiner als ${amount(maximum)} eingeben.`;
}

/** Formats zod checks by name; the ones an owner may type come with an example. */
const FORMATS: Record<string, string> = {
  email: "Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@beispiel.de.",
  url: "Bitte eine vollständige Adresse mit https:// eingeben.",
  e164: "Bitte eine Telefonnummer im internationalen Format eingeben, z. B. +4930123456.",
  datetime: "Bitte Datum und Uhrzeit mit Zeitzone angeben, z. B. 2026-03-01T10:00:00+01:00.",
  date: "Bitte ein Datum angeben, z. B. 2026-03-01.",
  time: "Bitte eine Uhrzeit angeben, z. B. 10:30.",
  duration: "Bitte eine Dauer angeben, z. B. PT30M.",
  ipv4: "Bitte eine gültige IP-Adresse eingeben.",
  ipv6: "Bitte eine gültige IP-Adresse eingeben.",
  cidrv4: "Bitte einen gültigen Adressbereich eingeben.",
  cidrv6: "Bitte einen gültigen Adressbereich eingeben.",
  iban: "Bitte eine gültige IBAN eingeben, z. B. DE89 3704 0044 0532 0130 00.",
  emoji: "Bitte ein Emoji eingeben.",
  regex: "Das Format passt nicht. Bitte die Eingabe prüfen.",
  template_literal: "Das Format passt nicht. Bitte die Eingabe prüfen.",
};

function format(issue: Extract<RawIssue, { code: "invalid_format" }>): string {
  if (issue.format === "starts_with" && "prefix" in issue) return `Bitte mit „${String(issue.prefix)}“ beginnen.`;
  if (issue.format === "ends_with" && "suffix" in issue) return `Bitte mit „${String(issue.suffix)}“ enden.`;
  if (issue.format === "includes" && "includes" in issue) return `Bitte „${String(issue.includes)}“ einfügen.`;
  if (issue.format === "lowercase") return "Bitte nur Kleinbuchstaben verwenden.";
  if (issue.format === "uppercase") return "Bitte nur Großbuchstaben verwenden.";
  if (isEmpty(issue.input)) return "Bitte ausfüllen.";
  // Ids (uuid, cuid, nanoid, …), tokens and encodings only reach API callers.
  return FORMATS[issue.format] ?? "Bitte eine gültige Kennung angeben.";
}

function invalidValue(issue: Extract<RawIssue, { code: "invalid_value" }>): string {
  const values = issue.values as readonly unknown[];
  if (values.length === 1 && values[0] === true) return "Bitte bestätigen.";
  // The allowed values travel beside the message (the issue's "values") for API callers; an owner picks from a list.
  return "Bitte einen der angebotenen Werte wählen.";
}

/** zod's issues → a plain German sentence with a fix. Installed as the locale in zod-locale.ts. */
export const plainGermanError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return expectedType(String(issue.expected), issue.input, issue.inst);
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_format":
      return format(issue);
    case "invalid_value":
      return invalidValue(issue);
    case "not_multiple_of": {
      const divisor = Number(issue.divisor);
      if (divisor === 0.01) return "Höchstens zwei Nachkommastellen.";
      if (divisor === 1) return "Bitte eine ganze Zahl eingeben.";
      return `Bitte ein Vielfaches von ${amount(divisor)} eingeben.`;
    }
    case "unrecognized_keys":
      return `${issue.keys.length > 1 ? "Unbekannte Felder" : "Unbekanntes Feld"}: ${issue.keys.join(", ")}. Bitte weglassen.`;
    case "invalid_key":
      return "Bitte nur gültige Feldnamen verwenden.";
    case "invalid_element":
      return "Bitte jeden Eintrag prüfen.";
    case "invalid_union":
      return isEmpty(issue.input) ? "Bitte ausfüllen." : "Bitte einen gültigen Wert eingeben.";
    default:
      return "Bitte die Eingabe prüfen.";
  }
};
