/**
 * Calls written against the specification (docs/api-compat.md) work unchanged: this is the one
 * place that maps the specification's request shapes onto ours, before the method's own zod
 * schema validates the result (so every rule of our params still applies):
 *
 * - the `params.data` envelope of §2.1 is unwrapped: its fields count as params (a method that
 *   has a param named `data` itself keeps it);
 * - parameter names the specification uses where ours differ (`phone_id`, `booking_id`,
 *   `updates.is_enabled`, ...) are renamed, and its numeric ids become the text ids we use.
 *
 * `mcp.discover` lists each method's aliases (`specAliasesOf`). `company_id` in params is not an
 * alias: `callMethod` compares it with the token's company and refuses any other.
 */
import type { z } from "zod";
import { InvalidParamsError } from "./call-errors";
import { jsonSchemaOf } from "./json-schema";
import type { MethodDef } from "./types";

export interface ParamAlias {
  /** The parameter as the specification names it; dotted for a nested field. */
  spec: string;
  /** The parameter it stands for here. */
  ours: string;
  /** How its value is converted, if at all. */
  convert?: "text" | "version";
  /** What it means, in German (shown by mcp.discover). */
  description: string;
}

const bookingId: ParamAlias = {
  spec: "booking_id",
  ours: "booking_uid",
  convert: "text",
  description: "Die Buchungs-UID des Kalenders (booking.uid aus calcom.createBooking, external_uid eines Termins).",
};

/** Per method, the specification's parameters that are ours under another name or type. */
export const SPEC_PARAM_ALIASES: Readonly<Record<string, readonly ParamAlias[]>> = {
  "retell.setPhoneNumberAgentVersion": [
    { spec: "phone_id", ours: "phone_number", convert: "text", description: "Retell kennt Rufnummern an der Nummer selbst (E.164)." },
    { spec: "version_id", ours: "version", convert: "version", description: "Die Agent-Version als Zahl (auch als Text \"3\"), \"latest\" oder \"latest_published\"." },
  ],
  "calcom.updateBooking": [bookingId],
  "calcom.cancelBooking": [bookingId],
  "retell.config.updateCustomFunction": [
    { spec: "function_id", ours: "function_id", convert: "text", description: "Eine Zahl wird als Text-ID gelesen." },
    { spec: "updates.is_enabled", ours: "updates.enabled", description: "Ob die Funktion aktiv ist (Spalte is_enabled der Spezifikation)." },
  ],
};

export function specAliasesOf(method: string): readonly ParamAlias[] {
  return SPEC_PARAM_ALIASES[method] ?? [];
}

type Params = Record<string, unknown>;

function isPlainObject(value: unknown): value is Params {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The specification's request shape in our terms; anything that is not an object stays as it is. */
export function fromSpecShape(method: MethodDef, raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  let params = unwrapEnvelope(method, raw);
  for (const alias of specAliasesOf(method.name)) params = applyAlias(params, alias);
  return params;
}

/** §2.1: `{ company_id, data: { ... } }` is `{ company_id, ... }`. */
function unwrapEnvelope(method: MethodDef, raw: Params): Params {
  if (!isPlainObject(raw.data) || declaresParam(method, "data")) return raw;
  const { data, ...outer } = raw;
  for (const [key, value] of Object.entries(data)) {
    if (Object.hasOwn(outer, key) && !sameValue(outer[key], value)) refuse([key], `„${key}“ steht in params und in params.data mit verschiedenen Werten.`, value);
  }
  return { ...outer, ...data };
}

function declaresParam(method: MethodDef, name: string): boolean {
  const properties = jsonSchemaOf(method.params, "input").properties;
  return isPlainObject(properties) && name in properties;
}

function applyAlias(params: Params, alias: ParamAlias): Params {
  const specPath = alias.spec.split(".");
  const oursPath = alias.ours.split(".");
  const found = readPath(params, specPath);
  if (!found.present) return params;
  const value = convert(found.value, alias.convert);
  const copy = structuredClone(params);
  deletePath(copy, specPath);
  const existing = readPath(copy, oursPath);
  if (existing.present && !sameValue(existing.value, value)) {
    refuse(specPath, `„${alias.spec}“ und „${alias.ours}“ nennen verschiedene Werte; bitte nur eines angeben.`, found.value);
  }
  writePath(copy, oursPath, value);
  return copy;
}

function convert(value: unknown, how: ParamAlias["convert"]): unknown {
  if (how === "text" && typeof value === "number" && Number.isFinite(value)) return String(value);
  if (how === "version" && typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return value;
}

function readPath(obj: Params, path: string[]): { present: boolean; value?: unknown } {
  let current: unknown = obj;
  for (const key of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, key)) return { present: false };
    current = current[key];
  }
  return { present: true, value: current };
}

function deletePath(obj: Params, path: string[]): void {
  const parent = readPath(obj, path.slice(0, -1)).value;
  if (isPlainObject(parent)) delete parent[path.at(-1)!];
}

function writePath(obj: Params, path: string[], value: unknown): void {
  let current = obj;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(current[key])) current[key] = {};
    current = current[key] as Params;
  }
  current[path.at(-1)!] = value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function refuse(path: string[], message: string, input: unknown): never {
  const issue = { code: "custom", path, message, input } as z.core.$ZodIssue;
  throw new InvalidParamsError([issue]);
}
