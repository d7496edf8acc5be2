/** The Kunden list's search, sort and page in the URL (suche, sortierung, seite); defaults are left out. */
import type { z } from "zod";
import { pageFrom, type QueryReader } from "@/components/appointments/url-query";
import { LIST_SORTS, type listParams } from "@/server/services/customer/schemas";

export const PAGE_SIZE = 25;

export type CustomerSort = (typeof LIST_SORTS)[number];

const SORT_LABELS: Record<CustomerSort, string> = { name: "Name (A–Z)", last_visit: "Letzter Besuch (neueste zuerst)" };
export const LIST_SORT_OPTIONS = LIST_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }));

/** A sort from the URL or a select; the default (name) for anything else. */
export function sortFrom(value: string | null | undefined): CustomerSort {
  return LIST_SORTS.find((s) => s === value) ?? "name";
}

export interface CustomerFilters {
  search: string;
  sort: CustomerSort;
  page: number;
}

export function customerFiltersFromQuery(query: QueryReader): CustomerFilters {
  return { search: query.get("suche") ?? "", sort: sortFrom(query.get("sortierung")), page: pageFrom(query.get("seite")) };
}

export function customerFiltersToQuery(filters: CustomerFilters): string {
  const query = new URLSearchParams();
  if (filters.search.trim()) query.set("suche", filters.search);
  if (filters.sort !== "name") query.set("sortierung", filters.sort);
  if (filters.page > 1) query.set("seite", String(filters.page));
  return query.toString();
}

/** customer.list params for the filters (the page prefetches exactly these). */
export function customerListInput(filters: CustomerFilters): z.input<typeof listParams> {
  const query = filters.search.trim();
  return { ...(query ? { query } : {}), sort: filters.sort, limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE };
}
