/**
 * The Termine list's filters and their place in the URL (von, bis, filiale, mitarbeiter, status,
 * suche, seite). Defaults (today and the next 14 days, first page) are left out of the URL.
 */
import type { z } from "zod";
import type { listParams } from "@/server/services/appointments/schemas";
import { germanDate } from "@/components/forms/typed-date";
import { addDaysLocal, isValidLocalDate } from "@/server/scheduling/local-date";
import { STATUSES, type AppointmentStatus } from "./labels";
import { pageFrom, type QueryReader } from "./url-query";

export const PAGE_SIZE = 25;
const DEFAULT_DAYS = 14;

export interface AppointmentFilters {
  /** Inclusive local days YYYY-MM-DD. */
  from: string;
  to: string;
  branch?: string;
  staff?: string;
  status?: AppointmentStatus;
  search?: string;
  /** A search without a chosen range (no von/bis in the URL) looks through all days, past and future. */
  allDays?: boolean;
  page: number;
}

const QUERY = { from: "von", to: "bis", branch: "filiale", staff: "mitarbeiter", status: "status", search: "suche", page: "seite" } as const;

const dayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });

/** The day of an instant (default: now) in the company's zone, YYYY-MM-DD as date inputs and the methods take it. */
export function berlinDay(instant: Date | string = new Date()): string {
  return dayFmt.format(new Date(instant));
}

/** The range above the list in words: "Termine vom 01.12.2026 bis 14.12.2026", or "Termine am 01.12.2026". */
export function rangeText(filters: Pick<AppointmentFilters, "from" | "to" | "allDays">): string {
  if (filters.allDays) return "Termine aller Tage";
  return filters.from === filters.to ? `Termine am ${germanDate(filters.from)}` : `Termine vom ${germanDate(filters.from)} bis ${germanDate(filters.to)}`;
}

export function defaultFilters(today: string): AppointmentFilters {
  return { from: today, to: addDaysLocal(today, DEFAULT_DAYS), page: 1 };
}

/** Filters from the query; anything malformed falls back to the default. */
export function filtersFromQuery(query: QueryReader, today: string): AppointmentFilters {
  const defaults = defaultFilters(today);
  const date = (name: string, fallback: string) => {
    const value = query.get(name);
    return value && isValidLocalDate(value) ? value : fallback;
  };
  const text = (name: string, max: number) => query.get(name)?.trim().slice(0, max) || undefined;
  const status = query.get(QUERY.status);
  return {
    from: date(QUERY.from, defaults.from),
    to: date(QUERY.to, defaults.to),
    branch: text(QUERY.branch, 100),
    staff: text(QUERY.staff, 100),
    status: STATUSES.find((s) => s === status),
    search: text(QUERY.search, 100),
    ...(text(QUERY.search, 100) && query.get(QUERY.from) === null && query.get(QUERY.to) === null ? { allDays: true } : {}),
    page: pageFrom(query.get(QUERY.page)),
  };
}

/** The query string for the filters, without defaults ("" when everything is default). */
export function filtersToQuery(filters: AppointmentFilters, today: string): string {
  const defaults = defaultFilters(today);
  const query = new URLSearchParams();
  if (filters.from !== defaults.from) query.set(QUERY.from, filters.from);
  if (filters.to !== defaults.to) query.set(QUERY.to, filters.to);
  if (filters.branch) query.set(QUERY.branch, filters.branch);
  if (filters.staff) query.set(QUERY.staff, filters.staff);
  if (filters.status) query.set(QUERY.status, filters.status);
  if (filters.search) query.set(QUERY.search, filters.search);
  if (filters.page > 1) query.set(QUERY.page, String(filters.page));
  return query.toString();
}

/** appointments.list params for the filters (the page prefetches exactly these). */
export function listInput(filters: AppointmentFilters): z.input<typeof listParams> {
  return {
    ...(filters.allDays ? {} : { date_from: filters.from, date_to: filters.to }),
    ...(filters.branch ? { branch_id: filters.branch } : {}),
    ...(filters.staff ? { staff_id: filters.staff } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.search ? { search: filters.search } : {}),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}
