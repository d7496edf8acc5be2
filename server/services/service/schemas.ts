import { z } from "zod";
import { optionalText, requiredName } from "@/server/services/company/master-data-fields";

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  duration_minutes: z.number().int(),
  buffer_minutes: z.number().int(),
  price_cents: z.number().int().nullable(),
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
  /** null: offered in every branch. */
  branch_id: z.string().min(1).nullable(),
  calcom_event_type_id: z
    .number({ error: "Bitte eine Zahl angeben." })
    .int("Die Terminart-ID ist eine ganze Zahl.")
    .positive("Die Terminart-ID ist eine positive Zahl.")
    .nullable(),
  is_active: z.boolean(),
};

export const createParams = z.object({
  ...serviceFields,
  description: serviceFields.description.default(null),
  buffer_minutes: serviceFields.buffer_minutes.default(0),
  price_cents: serviceFields.price_cents.default(null),
  branch_id: serviceFields.branch_id.default(null),
  calcom_event_type_id: serviceFields.calcom_event_type_id.default(null),
  is_active: serviceFields.is_active.default(true),
});
export const createResult = z.object({ service: serviceSchema });

export const updateParams = z.object({ service_id: z.string().min(1), ...z.object(serviceFields).partial().shape });
export const updateResult = z.object({ service: serviceSchema });
