import { z } from "zod";

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
