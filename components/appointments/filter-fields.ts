/** The Termine filter bar as a form: what its fields hold and how each becomes a filter. */
import { z } from "zod";
import { isValidLocalDate } from "@/server/scheduling/local-date";
import { listParams, localDate } from "@/server/services/appointments/schemas";
import type { AppointmentFilters } from "./list-filters";

export const DAY_MESSAGE = "Bitte ein Datum wie 30.11.2026 angeben.";

/** A year typed halfway (0002, 0020, 0202) makes a real calendar day, but not one anybody means. */
const EARLIEST_YEAR = 1900;

/** A complete day as a date input reports it, from a year anybody means. */
export function isPlausibleDay(text: string): boolean {
  return isValidLocalDate(text) && Number(text.slice(0, 4)) >= EARLIEST_YEAR;
}

/**
 * Each field on its own, so one field can be checked and applied while another is being typed:
 * a day ("" = the default day), a choice or search ("" = all).
 */
export function filterSchema(defaults: Pick<AppointmentFilters, "from" | "to">) {
  const day = (fallback: string) =>
    z
      .string()
      .transform((text, ctx) => {
        if (text === "") return fallback;
        if (isPlausibleDay(text)) return text;
        ctx.addIssue({ code: "custom", message: DAY_MESSAGE });
        return z.NEVER;
      })
      .pipe(localDate);
  const choice = z.string().transform((value) => value || undefined);
  return z.object({
    from: day(defaults.from),
    to: day(defaults.to),
    branch: choice.pipe(listParams.shape.branch_id),
    staff: choice.pipe(listParams.shape.staff_id),
    status: choice.pipe(listParams.shape.status),
    search: z
      .string()
      .transform((text) => text.trim() || undefined)
      .pipe(listParams.shape.search),
  });
}

export type FilterSchema = ReturnType<typeof filterSchema>;
export type FilterFields = z.input<FilterSchema>;
export type FilterName = keyof FilterFields;
export const FILTER_NAMES = ["from", "to", "branch", "staff", "status", "search"] as const satisfies readonly FilterName[];

/** The fields showing the applied filters. */
export function fieldsOf(filters: AppointmentFilters): FilterFields {
  return { from: filters.from, to: filters.to, branch: filters.branch ?? "", staff: filters.staff ?? "", status: filters.status ?? "", search: filters.search ?? "" };
}
