import { z } from "zod";

const shift = z.object({ start: z.string(), end: z.string() });

export const staffSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  branch_id: z.string(),
  /** Weekly working hours keyed by weekday (0 = Sunday), times HH:mm. */
  working_hours: z.record(z.string(), z.array(shift)),
  /** Services this person offers. */
  service_ids: z.array(z.string()),
  is_active: z.boolean(),
});
export type StaffDto = z.input<typeof staffSchema>;

export const listParams = z.object({
  branch_id: z.string().min(1).optional(),
  include_inactive: z.boolean().default(false),
});
export const listResult = z.object({ staff: z.array(staffSchema), total: z.number().int() });
