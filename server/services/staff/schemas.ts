import { z } from "zod";
import { timeOfDay, workingHoursInput } from "@/server/services/branch/weekly-hours";
import { optionalEmail, optionalText, requiredId, requiredName } from "@/server/services/company/master-data-fields";
import { isValidLocalDate } from "@/server/scheduling/local-date";

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

/** An absence (holiday, sickness, training): no appointments for this person in [starts_at, ends_at). */
export const absenceSchema = z.object({
  id: z.string(),
  staff_id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  reason: z.string().nullable(),
  /** Ended before now: kept as history, shown greyed, still removable. */
  past: z.boolean(),
});
export type AbsenceDto = z.infer<typeof absenceSchema>;

export const listAbsencesParams = z.object({ staff_id: z.string().min(1).optional() });
export const listAbsencesResult = z.object({ absences: z.array(absenceSchema) });

/** A booked appointment inside an absence: the staff member would not be there. */
export const absenceConflictSchema = z.object({
  appointment_id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  /** dd.MM.yyyy and HH:mm in the branch's time zone. */
  date: z.string(),
  time: z.string(),
  service: z.string(),
  customer_name: z.string().nullable(),
  customer_phone: z.string(),
});
export type AbsenceConflictDto = z.infer<typeof absenceConflictSchema>;

const day = z.string().refine(isValidLocalDate, "Bitte ein gültiges Datum angeben.");

/** Days in the branch's time zone; without times whole days (from 00:00 on from_date to 24:00 on to_date). */
export const addAbsenceParams = z
  .object({
    staff_id: z.string().min(1),
    from_date: day,
    to_date: day,
    from_time: timeOfDay.optional(),
    to_time: timeOfDay.optional(),
    reason: optionalText(200).default(null),
  })
  .superRefine((p, ctx) => {
    if (!isValidLocalDate(p.from_date) || !isValidLocalDate(p.to_date)) return;
    // "YYYY-MM-DD HH:mm" sorts like the moments it names; "24:00" ends a day.
    if (`${p.to_date} ${p.to_time ?? "24:00"}` <= `${p.from_date} ${p.from_time ?? "00:00"}`) {
      ctx.addIssue({ code: "custom", path: ["to_date"], message: "Das Ende muss nach dem Beginn liegen.", input: p.to_date });
    }
  });
export const addAbsenceResult = z.object({
  absence: absenceSchema,
  /** Earlier absences of the person that overlapped or touched this one and were merged into it. */
  merged: z.number().int(),
  /** Scheduled appointments of the person inside the (merged) absence. */
  conflicts: z.array(absenceConflictSchema),
});

/** The appointments a saved absence (absence_id) or a planned one (the add params) would hit. */
export const absenceConflictsParams = z.union([z.object({ absence_id: z.string().min(1) }), addAbsenceParams]);
export const absenceConflictsResult = z.object({ conflicts: z.array(absenceConflictSchema) });

export const removeAbsenceParams = z.object({ absence_id: z.string().min(1) });
export const removeAbsenceResult = z.object({ removed: z.boolean() });
