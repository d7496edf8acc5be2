import type { FieldValues, UseFormReturn } from "react-hook-form";
import { appErrorCode, errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { setFieldIssues } from "@/components/forms/use-schema-form";

/** The service's code when the chosen time was taken meanwhile (built-in calendar and Cal.com). */
export const SLOT_TAKEN = 2003;
const INVALID_PHONE = 4003;

/**
 * A failed booking, move or cancellation on the dialog's form: the field issues under their
 * fields (an invalid phone number under the phone field), anything else as the form's own message
 * (`root.server`, shown by FormAlert). Returns that message, if any.
 */
export function showServiceErrors<TValues extends FieldValues>(form: UseFormReturn<TValues, unknown, unknown>, err: unknown): string | undefined {
  const issues = fieldErrors(err);
  if (Object.keys(issues).length === 0 && appErrorCode(err) === INVALID_PHONE) issues.customer_phone = errorMessage(err);
  if (setFieldIssues(form, issues) > 0) return undefined;
  const message = errorMessage(err);
  form.setError("root.server", { type: "server", message });
  return message;
}
