/** The Termine filter bar as a form: what its fields hold and how each becomes a filter. */
import { z } from "zod";
import { dayField, germanDate } from "@/components/forms/typed-date";
import { listParams, localDate } from "@/server/services/appointments/schemas";
import type { AppointmentFilters } from "./list-filters";

/**
 * Each field on its own, so one field can be checked and applied while another is being typed:
 * a day ("" = the default day), a choice or search ("" = all).
 */
export function filterSchema(defaults: Pick<AppointmentFilters, "from" | "to">) {
  const day = (fallback: string) =>
    dayField({ optional: true })
      .transform((text) => text || fallback)
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

/** "Von" after "Bis" (or "Bis" before "Von") would list nothing: refused with the other day named. */
export function rangeProblem(name: "from" | "to", day: string, filters: Pick<AppointmentFilters, "from" | "to">): string | undefined {
  if (name === "from" && day > filters.to) return `„Von“ liegt nach „Bis“ (${germanDate(filters.to)}). Bitte einen Tag bis zum ${germanDate(filters.to)} eingeben.`;
  if (name === "to" && day < filters.from) return `„Bis“ liegt vor „Von“ (${germanDate(filters.from)}). Bitte einen Tag ab dem ${germanDate(filters.from)} eingeben.`;
  return undefined;
}

/** The fields showing the applied filters. */
export function fieldsOf(filters: AppointmentFilters): FilterFields {
  return { from: filters.from, to: filters.to, branch: filters.branch ?? "", staff: filters.staff ?? "", status: filters.status ?? "", search: filters.search ?? "" };
}
