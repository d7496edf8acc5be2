import { z } from "zod";
import { tryNormalizePhone } from "@/server/scheduling/phone";

export const INVALID_NUMBER_MESSAGE = "Bitte eine gültige Rufnummer angeben, z. B. 030 1234567 oder +49 30 1234567.";
/** Held by another company: the answer names no company, whichever it is. */
export const TAKEN_MESSAGE = "Diese Rufnummer ist bereits vergeben.";
export const ALREADY_ADDED_MESSAGE = "Diese Rufnummer ist bereits hinzugefügt.";

/** A phone number as typed ("030 1234567", "+49 30 1234567", "0049301234567"), stored in E.164 (+49301234567); default region DE. */
export const phoneNumberInput = z
  .string()
  .trim()
  .min(1, "Bitte eine Rufnummer angeben.")
  .max(40, "Höchstens 40 Zeichen.")
  .transform((v, ctx) => {
    const e164 = tryNormalizePhone(v);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: INVALID_NUMBER_MESSAGE, input: v });
      return z.NEVER;
    }
    return e164;
  });

/** Free text; "" and null both mean "none". */
const label = z
  .string()
  .trim()
  .max(100, "Höchstens 100 Zeichen.")
  .transform((v) => v || null)
  .nullable();

/** A branch of the company; "" and null both mean "none" (calls then go to the company's first branch). */
const branchId = z
  .string()
  .trim()
  .transform((v) => v || null)
  .nullable();

export const phoneNumberSchema = z.object({
  id: z.string(),
  /** E.164, as Retell sends it in to_number. */
  number: z.string(),
  /** Readable: "+49 30 1234567". */
  display: z.string(),
  label: z.string().nullable(),
  branch: z.object({ id: z.string(), name: z.string(), is_active: z.boolean() }).nullable(),
  is_active: z.boolean(),
  /** The Retell agent answering the number, when known (set by import or on the Agenten page). */
  retell_agent_id: z.string().nullable(),
  retell_agent_version: z.number().int().nullable(),
  created_at: z.string(),
});
export type PhoneNumberDto = z.input<typeof phoneNumberSchema>;

export const listParams = z.object({});
export const listResult = z.object({ numbers: z.array(phoneNumberSchema), total: z.number().int() });

export const addParams = z.object({
  number: phoneNumberInput,
  branch_id: branchId.default(null),
  label: label.default(null),
});
export const addResult = z.object({ phone_number: phoneNumberSchema });

export const updateParams = z.object({
  id: z.string().min(1),
  branch_id: branchId.optional(),
  label: label.optional(),
  is_active: z.boolean().optional(),
});
export const updateResult = z.object({ phone_number: phoneNumberSchema });

export const removeParams = z.object({ id: z.string().min(1) });
export const removeResult = z.object({ id: z.string(), removed: z.boolean() });

/** A number of the company's Retell workspace: already ours, held by another company (nothing more is said), or free. */
export const retellNumberStatus = z.enum(["added", "taken", "free"]);
export const retellNumberSchema = z.object({
  number: z.string(),
  display: z.string(),
  nickname: z.string().nullable(),
  /** The agent Retell routes the number's inbound calls to (the heaviest one). */
  agent_id: z.string().nullable(),
  status: retellNumberStatus,
});
export type RetellNumberDto = z.input<typeof retellNumberSchema>;

export const listRetellNumbersParams = z.object({});
export const listRetellNumbersResult = z.object({ numbers: z.array(retellNumberSchema) });

export const importFromRetellParams = z.object({
  numbers: z.array(z.string().trim().min(1).max(40)).min(1, "Bitte mindestens eine Rufnummer auswählen.").max(100, "Höchstens 100 Rufnummern auf einmal."),
  branch_id: branchId.default(null),
});
export const importOutcome = z.enum(["added", "already_added", "taken", "invalid", "not_in_retell"]);
export const importResult = z.object({
  results: z.array(
    z.object({
      /** As given. */
      input: z.string(),
      /** E.164, when the input is a valid number. */
      number: z.string().nullable(),
      outcome: importOutcome,
      /** The new row, when added. */
      id: z.string().nullable(),
      message: z.string(),
    }),
  ),
  added: z.number().int(),
});
