/**
 * Parameter schemas of custom functions: JSON Schema (draft-07, as Retell's tool
 * `parameters`) whose top level is `type: "object"`; arguments are checked with ajv.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { RegExpEngine } from "ajv/dist/types";
import addFormatsModule from "ajv-formats";
import { RE2JS } from "re2js";
import { AppError, ErrorCodes } from "@/server/core/errors";

/** A company's schema is small; a larger one is refused before it is compiled. */
export const MAX_SCHEMA_CHARS = 20_000;

class UnsupportedPattern extends Error {}

/**
 * `pattern` and `patternProperties` of company schemas run on RE2 (linear time), never on the
 * backtracking JavaScript engine: `^(a+)+$` against a few dozen characters would freeze the
 * process. RE2 has no backreferences or lookarounds; such patterns are refused.
 */
const re2: RegExpEngine = Object.assign(
  (pattern: string) => {
    let compiled: RE2JS;
    try {
      compiled = RE2JS.compile(pattern);
    } catch {
      throw new UnsupportedPattern(pattern);
    }
    return { test: (text: string) => compiled.matcher(text).find(), toString: () => `re2:${pattern}` };
  },
  { code: "re2" },
);

// CommonJS default export: a function under tsx/Next, wrapped in `default` under some loaders.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, code: { regExp: re2 } }));
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

/** Refuses (4004) anything that is not a valid JSON Schema with top-level `type: "object"`. */
export function assertParameterSchema(schema: unknown): asserts schema is Record<string, unknown> {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema) || (schema as { type?: unknown }).type !== "object") {
    throw new AppError(ErrorCodes.SCHEMA_VALIDATION_FAILED, 'Das Parameter-Schema muss ein JSON-Schema mit "type": "object" sein.');
  }
  if (JSON.stringify(schema).length > MAX_SCHEMA_CHARS) {
    throw new AppError(ErrorCodes.SCHEMA_VALIDATION_FAILED, `Das Parameter-Schema ist zu groß (höchstens ${MAX_SCHEMA_CHARS.toLocaleString("de-DE")} Zeichen).`);
  }
  if (!ajv.validateSchema(schema)) {
    throw new AppError(ErrorCodes.SCHEMA_VALIDATION_FAILED, "Das Parameter-Schema ist kein gültiges JSON-Schema.", {
      details: { errors: describe(ajv.errors ?? []) },
    });
  }
  try {
    validatorFor(schema as Record<string, unknown>);
  } catch (error) {
    if (error instanceof UnsupportedPattern) {
      throw new AppError(
        ErrorCodes.SCHEMA_VALIDATION_FAILED,
        `Das Muster „${error.message.slice(0, 80)}“ wird nicht unterstützt: Rückverweise und Lookarounds sind in Mustern nicht erlaubt.`,
      );
    }
    throw new AppError(ErrorCodes.SCHEMA_VALIDATION_FAILED, "Das Parameter-Schema ist kein gültiges JSON-Schema.", {
      details: { errors: [error instanceof Error ? error.message : String(error)] },
    });
  }
}

/** Checks call arguments against a function's parameter schema (4004 with the reasons). */
export function validateArgs(schema: unknown, args: Record<string, unknown>): void {
  assertParameterSchema(schema);
  const validate = validatorFor(schema);
  if (validate(args)) return;
  const reasons = describe(validate.errors ?? []);
  throw new AppError(ErrorCodes.SCHEMA_VALIDATION_FAILED, `Die Angaben passen nicht: ${reasons.join("; ")}.`, { details: { errors: reasons } });
}

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

function describe(errors: ErrorObject[]): string[] {
  return errors.map((e) => {
    const field = e.instancePath.replace(/^\//, "").replace(/\//g, ".");
    if (e.keyword === "required") return `${(e.params as { missingProperty: string }).missingProperty} fehlt`;
    if (e.keyword === "additionalProperties") return `${(e.params as { additionalProperty: string }).additionalProperty} ist nicht vorgesehen`;
    return `${field || "Angaben"} ${e.message ?? "ist ungültig"}`;
  });
}
