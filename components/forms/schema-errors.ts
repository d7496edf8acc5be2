import type { z } from "zod";
import "@/server/core/zod-locale";

/**
 * Checks form values with a method's own zod schema before sending them: the parsed value, or
 * the first message per field path ("title", "keywords.0") as the server would report them.
 */
export function validateWith<S extends z.ZodType>(schema: S, value: unknown): { data: z.output<S> } | { errors: Record<string, string> } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".") || "_"] ??= issue.message;
  return { errors };
}
