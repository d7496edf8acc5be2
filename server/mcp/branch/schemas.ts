import { z } from "zod";

const timeRange = z.object({ open: z.string().optional(), close: z.string().optional(), start: z.string().optional(), end: z.string().optional() });

export const branchSchema = z.object({
  id: z.string(),
  name: z.string(),
  street: z.string().nullable(),
  postal_code: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  time_zone: z.string(),
  /** Weekly opening hours and breaks, keyed by weekday (0 = Sunday), times HH:mm. */
  business_hours: z.object({
    weekly: z.record(z.string(), z.array(timeRange)).default({}),
    breaks: z.record(z.string(), z.array(timeRange)).default({}),
  }),
  is_active: z.boolean(),
});
export type BranchDto = z.input<typeof branchSchema>;

export const listParams = z.object({ include_inactive: z.boolean().default(false) });
export const listResult = z.object({ branches: z.array(branchSchema), total: z.number().int() });

export const getParams = z.object({ branch_id: z.string().min(1) });
export const getResult = branchSchema;
