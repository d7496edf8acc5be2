import { z } from "zod";
import { optionalEmail, optionalPhone, optionalText, requiredName } from "@/server/services/company/master-data-fields";
import { GERMAN_STATES } from "@/server/scheduling/holidays";
import { isValidLocalDate } from "@/server/scheduling/local-date";
import { businessHoursInput, dayOpeningInput } from "./weekly-hours";

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
/** A branch as callers receive it (defaults filled in). */
export type Branch = z.output<typeof branchSchema>;

export const listParams = z.object({ include_inactive: z.boolean().default(false) });
export const listResult = z.object({ branches: z.array(branchSchema), total: z.number().int() });

export const getParams = z.object({ branch_id: z.string().min(1) });
export const getResult = branchSchema;

const germanState = z.enum(GERMAN_STATES, { error: "Bitte ein Bundesland auswählen." });

/** What an admin may set on a branch; every field optional so branch.update changes only what it names. */
const branchFields = {
  name: requiredName(),
  street: optionalText(200),
  postal_code: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, "Bitte eine fünfstellige Postleitzahl angeben.")
    .transform((v) => v || null)
    .nullable(),
  city: optionalText(100),
  /** Federal state for regional public holidays (BE, BY, NW, …). */
  state: germanState.nullable(),
  phone: optionalPhone,
  email: optionalEmail,
  business_hours: businessHoursInput,
  is_active: z.boolean(),
};

export const createParams = z.object({
  ...branchFields,
  street: branchFields.street.default(null),
  postal_code: branchFields.postal_code.default(null),
  city: branchFields.city.default(null),
  state: branchFields.state.default(null),
  phone: branchFields.phone.default(null),
  email: branchFields.email.default(null),
  business_hours: branchFields.business_hours.default({ weekly: {}, breaks: {} }),
  is_active: branchFields.is_active.default(true),
});
export const createResult = z.object({ branch: branchSchema });

export const updateParams = z.object({ branch_id: z.string().min(1), ...z.object(branchFields).partial().shape });
export const updateResult = z.object({ branch: branchSchema });

/** A special opening day or closure (24.12., Betriebsurlaub): replaces the weekly hours on its date. */
export const specialDaySchema = z.object({
  id: z.string(),
  branch_id: z.string(),
  /** YYYY-MM-DD in the branch's time zone. */
  date: z.string(),
  closed: z.boolean(),
  /** Opening ranges when not closed. */
  hours: z.array(z.object({ open: z.string(), close: z.string() })),
  reason: z.string().nullable(),
  /** Before today: kept as history, still removable. */
  past: z.boolean(),
});
export type SpecialDayDto = z.infer<typeof specialDaySchema>;

export const listSpecialDaysParams = z.object({ branch_id: z.string().min(1).optional() });
export const listSpecialDaysResult = z.object({ special_days: z.array(specialDaySchema) });

export const setSpecialDayParams = z
  .object({
    branch_id: z.string().min(1),
    date: z.string().refine(isValidLocalDate, "Bitte ein gültiges Datum angeben."),
    /** true (default): closed all day; false: open only in `hours`. */
    closed: z.boolean().default(true),
    hours: dayOpeningInput.default([]),
    reason: optionalText(200).default(null),
  })
  .superRefine((p, ctx) => {
    if (!p.closed && p.hours.length === 0) {
      ctx.addIssue({ code: "custom", path: ["hours"], message: "Bitte Öffnungszeiten angeben oder den Tag als geschlossen markieren.", input: p.hours });
    }
  });
export const setSpecialDayResult = z.object({ special_day: specialDaySchema });

export const removeSpecialDayParams = z.object({ special_day_id: z.string().min(1) });
export const removeSpecialDayResult = z.object({ removed: z.boolean() });
