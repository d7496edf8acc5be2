import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

const memo = new WeakMap<z.ZodType, { input: JsonSchema; output: JsonSchema }>();

/**
 * JSON Schema (draft 2020-12) of a method's params (`input`: what a caller may send, defaults
 * optional) or result (`output`). Computed once per schema.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  let entry = memo.get(schema);
  if (!entry) {
    const convert = (which: "input" | "output") => {
      const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: which, unrepresentable: "any" }) as JsonSchema;
      return rest;
    };
    entry = { input: convert("input"), output: convert("output") };
    memo.set(schema, entry);
  }
  return entry[io];
}
