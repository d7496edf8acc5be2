import { appErrorCode, errorMessage, fieldErrors } from "@/components/forms/trpc-errors";

/** The service's code when the chosen time was taken meanwhile (built-in calendar and Cal.com). */
export const SLOT_TAKEN = 2003;
const INVALID_PHONE = 4003;


/**
 * A failed booking call as form errors, keyed by the method's param names: the field issues,
 * else the service's German message under "_" (under the phone field for an invalid number).
 */
export function serviceErrors(err: unknown): Record<string, string> {
  const fields = fieldErrors(err);
  if (Object.keys(fields).length > 0) return fields;
  return { [appErrorCode(err) === INVALID_PHONE ? "customer_phone" : "_"]: errorMessage(err) };
}
