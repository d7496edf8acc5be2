import { z } from "zod";
import "@/server/core/zod-locale";

/** The form field of an issue path: its first segment ("keywords.2" → "keywords"). */
export const topLevelField = (path: readonly PropertyKey[]): string => String(path[0] ?? "");

/**
 * `schema` with each issue moved to the form field it belongs to (`fieldOf` its path), first
 * message per field. react-hook-form shows a message only at a field's own name, while a method
 * reports nested paths such as "keywords.2", "headers.X-Key" or "updates.url".
 */
export function issuesAtFields<TOut, TIn>(schema: z.ZodType<TOut, TIn>, fieldOf: (path: readonly PropertyKey[]) => string = topLevelField): z.ZodType<TOut, TIn> {
  return z.custom<TIn>().transform((value, ctx) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [fieldOf(issue.path)], message: issue.message });
    return z.NEVER;
  });
}
