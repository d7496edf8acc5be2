import { z } from "zod";
import { isValidLocalDate } from "@/server/scheduling/local-date";

const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A day as the dashboard shows it (30.11.2026) or as ISO (2026-11-30); becomes YYYY-MM-DD. */
const day = z
  .string()
  .trim()
  .transform((v) => {
    const german = GERMAN_DAY.exec(v);
    return german ? `${german[3]}-${german[2]!.padStart(2, "0")}-${german[1]!.padStart(2, "0")}` : v;
  })
  .refine(isValidLocalDate, "Bitte ein Datum wie 30.11.2026 eingeben.");

/** Newest first. Days are the company's days, both included. */
export const listParams = z.object({
  /** `user:<id>`, `token:<id>`, or a service caller: `retell`, `calcom`, `system`. */
  actor: z.string().trim().min(1).max(200).optional(),
  /** An action group of the filter (labels.ts ACTION_GROUPS) or one method name. */
  action: z.string().trim().min(1).max(100).optional(),
  /** What was changed: appointment, customer, call, task, user, api_token, … */
  entity_type: z.string().trim().min(1).max(40).optional(),
  entity_id: z.string().trim().min(1).max(200).optional(),
  date_from: day.optional(),
  date_to: day.optional(),
  outcome: z.enum(["success", "error"]).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** The `next_cursor` of the previous page; absent for the first. */
  cursor: z.string().max(200).nullish(),
});

export const auditRowSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    type: z.string(),
    /** Benutzer, API-Token, Telefonassistent, Cal.com, System. */
    type_label: z.string(),
    /** The user's or token's name at the time; null for service callers or when unknown. */
    name: z.string().nullable(),
  }),
  action: z.object({ method: z.string(), label: z.string() }),
  /** What the call touched, with the dashboard page that shows it; null when the row names nothing. */
  entity: z
    .object({
      type: z.string(),
      label: z.string(),
      id: z.string().nullable(),
      href: z.string().nullable(),
    })
    .nullable(),
  outcome: z.enum(["success", "error"]),
  outcome_label: z.string(),
  error_code: z.number().int().nullable(),
  /** What the service recorded besides, with anything that looks like a secret hidden. */
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const listResult = z.object({
  entries: z.array(auditRowSchema),
  /** Pass as `cursor` for the next page; null on the last. */
  next_cursor: z.string().nullable(),
});

export const filtersParams = z.object({});
const option = z.object({ value: z.string(), label: z.string() });
export const filtersResult = z.object({
  /** Users and API tokens of the company, then the service callers. */
  actors: z.array(option.extend({ type: z.string() })),
  actions: z.array(option),
  entities: z.array(option),
});
