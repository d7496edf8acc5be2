"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import "@/server/core/zod-locale";
import { toast } from "@/components/ui/sonner";
import { errorMessage, fieldErrors } from "./trpc-errors";

/**
 * A react-hook-form form checked by a zod schema whose input is what the fields hold and whose
 * output is what the method takes (usually the method's own params, piped after converting the
 * typed strings). Errors show after the first submit and clear as soon as the value is right.
 */
export function useSchemaForm<TValues extends FieldValues, TParams>(
  schema: z.ZodType<TParams, TValues>,
  defaultValues: DefaultValues<TValues>,
): UseFormReturn<TValues, unknown, TParams> {
  return useForm<TValues, unknown, TParams>({
    // The resolver's generic signature cannot follow a schema typed only by its input and output.
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
}

/**
 * Puts a failed call's field issues (`issues`: path → message, as `fieldErrors` reads them) under
 * the form's fields, dropping `prefix`; focuses the first. Returns how many found a field.
 */
export function setFieldIssues<TValues extends FieldValues>(form: UseFormReturn<TValues, unknown, unknown>, issues: Record<string, string>, prefix?: string): number {
  const known = Object.keys(form.getValues());
  let shown = 0;
  for (const [raw, message] of Object.entries(issues)) {
    const path = prefix && raw.startsWith(`${prefix}.`) ? raw.slice(prefix.length + 1) : raw;
    if (!known.includes(path.split(".")[0]!)) continue;
    form.setError(path as Path<TValues>, { type: "server", message }, { shouldFocus: shown === 0 });
    shown++;
  }
  return shown;
}

/**
 * onError for the form's mutation: the server's field errors (same paths as the fields, after
 * dropping `prefix`) go under their fields; anything else (403, 404, network) becomes a toast.
 */
export function serverErrorsTo<TValues extends FieldValues>(form: UseFormReturn<TValues, unknown, unknown>, prefix?: string) {
  return (err: unknown) => {
    const shown = setFieldIssues(form, fieldErrors(err), prefix);
    toast.error(shown > 0 ? "Bitte die markierten Felder prüfen." : errorMessage(err));
  };
}
