import { z } from "zod";
import { workingHoursInput } from "@/server/mcp/branch/weekly-hours";
import { optionalEmail, requiredId, requiredName } from "@/server/mcp/company/master-data-fields";

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

/** What an admin may set on a staff member; every field optional so staff.update changes only what it names. */
const staffFields = {
  name: requiredName(),
  email: optionalEmail,
  branch_id: requiredId("Bitte eine Filiale auswählen."),
  /** The services this person offers; each must be offered in the person's branch (or in all). */
  service_ids: z
    .array(z.string().min(1))
    .max(200)
    .transform((ids) => [...new Set(ids)]),
  working_hours: workingHoursInput,
  is_active: z.boolean(),
};

export const createParams = z.object({
  ...staffFields,
  email: staffFields.email.default(null),
  service_ids: staffFields.service_ids.default([]),
  working_hours: staffFields.working_hours.default({}),
  is_active: staffFields.is_active.default(true),
});
export const createResult = z.object({ staff: staffSchema });

export const updateParams = z.object({ staff_id: z.string().min(1), ...z.object(staffFields).partial().shape });
export const updateResult = z.object({ staff: staffSchema });
