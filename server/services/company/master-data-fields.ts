/**
 * Fields shared by the master-data write methods (company, branch, service, staff). A form
 * sends "" for an empty optional field; these schemas store it as null, so both the gateway's
 * callers and the dashboard may send either.
 */
import { z } from "zod";
import { InvalidParamsError } from "@/server/core/call-errors";
import { tryNormalizePhone } from "@/server/scheduling/phone";

export function requiredName(max = 100) {
  return z.string().trim().min(1, "Bitte einen Namen angeben.").max(max, `Höchstens ${max} Zeichen.`);
}

/** Free text; "" and null both mean "none". */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Höchstens ${max} Zeichen.`)
    .transform((v) => v || null)
    .nullable();
}

export const optionalEmail = z
  .string()
  .trim()
  .max(200, "Höchstens 200 Zeichen.")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Bitte eine gültige E-Mail-Adresse angeben.")
  .transform((v) => v || null)
  .nullable();

/** Stored in international form (+49…), as calls and phone numbers are matched. */
export const optionalPhone = z
  .string()
  .trim()
  .max(40, "Höchstens 40 Zeichen.")
  .transform((v, ctx) => {
    if (v === "") return null;
    const e164 = tryNormalizePhone(v);
    if (!e164) ctx.addIssue({ code: "custom", message: "Bitte eine gültige Telefonnummer angeben, z. B. 030 1234567.", input: v });
    return e164;
  })
  .nullable();

/** A database id chosen in a form; "" means none was chosen. */
export function requiredId(message: string) {
  return z.string().trim().min(1, message);
}

/**
 * A refusal that belongs to one field (a name already taken, a choice that does not fit):
 * reported like a schema issue, so the gateway answers -32602 and the form marks the field.
 */
export function fieldError(field: string, message: string, input?: unknown): InvalidParamsError {
  return new InvalidParamsError([{ code: "custom", path: [field], message, input }]);
}
