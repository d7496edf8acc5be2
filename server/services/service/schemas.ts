import { z } from "zod";
import { optionalText, requiredName } from "@/server/services/company/master-data-fields";

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  duration_minutes: z.number().int(),
  buffer_minutes: z.number().int(),
  price_cents: z.number().int().nullable(),
  /** Deposit asked for when booked (through Stripe): a fixed amount in cents or a percentage of the price; at most one is set. */
  deposit_cents: z.number().int().nullable(),
  deposit_percent: z.number().int().nullable(),
  /** null: offered in every branch. */
  branch_id: z.string().nullable(),
  calcom_event_type_id: z.number().int().nullable(),
  /** Staff who offer it. */
  staff_ids: z.array(z.string()),
  is_active: z.boolean(),
});
export type ServiceDto = z.input<typeof serviceSchema>;

export const listParams = z.object({ include_inactive: z.boolean().default(false) });
export const listResult = z.object({ services: z.array(serviceSchema), total: z.number().int() });

/** What an admin may set on a service; every field optional so service.update changes only what it names. */
const serviceFields = {
  name: requiredName(),
  description: optionalText(1000),
  duration_minutes: z
    .number({ error: "Bitte die Dauer in Minuten angeben." })
    .int("Bitte ganze Minuten angeben.")
    .min(5, "Eine Leistung dauert mindestens 5 Minuten.")
    .max(12 * 60, "Eine Leistung dauert höchstens 12 Stunden."),
  /** Time after the appointment that blocks the staff member (clean-up); never offered to callers. */
  buffer_minutes: z
    .number({ error: "Bitte den Puffer in Minuten angeben." })
    .int("Bitte ganze Minuten angeben.")
    .min(0, "Der Puffer kann nicht negativ sein.")
    .max(240, "Der Puffer beträgt höchstens 240 Minuten."),
  /** Euro cents (4900 = 49,00 €); null: no price is named. */
  price_cents: z
    .number({ error: "Bitte einen Preis angeben." })
    .int("Der Preis wird in Cent angegeben.")
    .min(0, "Der Preis kann nicht negativ sein.")
    .max(10_000_00, "Der Preis beträgt höchstens 10.000,00 €.")
    .nullable(),
  /** Euro cents asked for as a deposit when booked; null: none (or a percentage instead). */
  deposit_cents: z
    .number({ error: "Bitte einen Betrag angeben." })
    .int("Die Anzahlung wird in Cent angegeben.")
    .min(50, "Eine Anzahlung beträgt mindestens 0,50 € (Vorgabe von Stripe).")
    .max(10_000_00, "Eine Anzahlung beträgt höchstens 10.000,00 €.")
    .nullable(),
  /** Percentage of the price asked for as a deposit; null: none (or a fixed amount instead). */
  deposit_percent: z
    .number({ error: "Bitte einen Prozentsatz angeben." })
    .int("Bitte ganze Prozent angeben.")
    .min(1, "Mindestens 1 %.")
    .max(100, "Höchstens 100 %.")
    .nullable(),
  /** null: offered in every branch. */
  branch_id: z.string().min(1).nullable(),
  calcom_event_type_id: z
    .number({ error: "Bitte eine Zahl angeben." })
    .int("Die Terminart-ID ist eine ganze Zahl.")
    .positive("Die Terminart-ID ist eine positive Zahl.")
    .nullable(),
  is_active: z.boolean(),
};

const ONE_DEPOSIT_RULE = "Bitte entweder einen Betrag oder einen Prozentsatz als Anzahlung angeben, nicht beides.";
const PERCENT_NEEDS_PRICE = "Eine Anzahlung in Prozent braucht einen Preis der Leistung.";

/** A deposit is an amount or a percentage, never both; a percentage needs a price (when the price is part of the same write). */
function depositRule(v: { deposit_cents?: number | null; deposit_percent?: number | null; price_cents?: number | null }, ctx: z.RefinementCtx): void {
  if (v.deposit_cents != null && v.deposit_percent != null) ctx.addIssue({ code: "custom", path: ["deposit_percent"], message: ONE_DEPOSIT_RULE, input: v.deposit_percent });
  if (v.deposit_percent != null && v.price_cents === null) ctx.addIssue({ code: "custom", path: ["deposit_percent"], message: PERCENT_NEEDS_PRICE, input: v.deposit_percent });
}

export const createParams = z
  .object({
    ...serviceFields,
    description: serviceFields.description.default(null),
    buffer_minutes: serviceFields.buffer_minutes.default(0),
    price_cents: serviceFields.price_cents.default(null),
    deposit_cents: serviceFields.deposit_cents.default(null),
    deposit_percent: serviceFields.deposit_percent.default(null),
    branch_id: serviceFields.branch_id.default(null),
    calcom_event_type_id: serviceFields.calcom_event_type_id.default(null),
    is_active: serviceFields.is_active.default(true),
  })
  .superRefine(depositRule);
export const createResult = z.object({ service: serviceSchema });

export const updateParams = z.object({ service_id: z.string().min(1), ...z.object(serviceFields).partial().shape }).superRefine(depositRule);
export const updateResult = z.object({ service: serviceSchema });
