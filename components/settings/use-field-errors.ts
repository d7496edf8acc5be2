"use client";

import { useState } from "react";
import type { z } from "zod";
import { validateWith } from "@/components/forms/schema-errors";
import { errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { toast } from "@/components/ui/sonner";

/**
 * Field errors of a settings form, from the method's own schema before sending and from the
 * server's answer after (same paths, e.g. "business_hours.weekly.6.0.close"). `prefix` drops
 * a wrapper the form does not show (company.updateSettings nests every field in "settings").
 */
export function useFieldErrors(prefix?: string) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const strip = (all: Record<string, string>) =>
    prefix ? Object.fromEntries(Object.entries(all).map(([path, message]) => [path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path, message])) : all;

  /**
   * The values as the method will read them, or null when the form shows errors. `extra`:
   * errors the form found itself while converting its inputs (e.g. "49,0x" is no amount).
   */
  function check<S extends z.ZodType>(schema: S, values: z.input<S>, extra: Record<string, string> = {}): z.output<S> | null {
    const checked = validateWith(schema, values);
    const found = { ...("errors" in checked ? strip(checked.errors) : {}), ...extra };
    setErrors(found);
    return "errors" in checked || Object.keys(extra).length > 0 ? null : checked.data;
  }

  /** onError of the mutation: field errors inline, anything else (404, 403, network) as a toast. */
  function onError(err: unknown) {
    const fields = strip(fieldErrors(err));
    setErrors(fields);
    if (Object.keys(fields).length === 0) toast.error(errorMessage(err));
    else toast.error("Bitte die markierten Felder prüfen.");
  }

  return { errors, setErrors, check, onError };
}

/** The errors below one nested path ("business_hours.weekly" → { "6.0.close": … }). */
export function errorsUnder(errors: Record<string, string>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) if (key.startsWith(`${path}.`)) out[key.slice(path.length + 1)] = message;
  return out;
}
