import type { z } from "zod";

/**
 * For a form's transform: its own "Bitte … wählen." under each choice still open (`unchosen`:
 * field → message) and with them the method's messages for the other fields, so one submit
 * shows every error. True when something is unchosen (the transform then returns z.NEVER).
 */
export function refuseUnchosen(ctx: z.RefinementCtx, unchosen: Record<string, string>, method: z.ZodType, params: unknown): boolean {
  if (Object.keys(unchosen).length === 0) return false;
  for (const [field, message] of Object.entries(unchosen)) ctx.addIssue({ code: "custom", path: [field], message });
  for (const issue of method.safeParse(params).error?.issues ?? []) {
    if (!(String(issue.path[0]) in unchosen)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  }
  return true;
}
