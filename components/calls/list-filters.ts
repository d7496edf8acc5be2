/** The Anrufe list's filter and page in the URL (ergebnis, seite); defaults are left out. */
import type { z } from "zod";
import { pageFrom, type QueryReader } from "@/components/appointments/url-query";
import { listCallsParams } from "@/server/services/webhook/schemas";

export const PAGE_SIZE = 25;

/** The outcomes webhook.listCalls filters by. */
export const OUTCOMES = listCallsParams.shape.outcome.unwrap().options;
export type Outcome = (typeof OUTCOMES)[number];

export interface CallFilters {
  outcome?: Outcome;
  page: number;
}

export function callFiltersFromQuery(query: QueryReader): CallFilters {
  const outcome = query.get("ergebnis");
  return { outcome: OUTCOMES.find((o) => o === outcome), page: pageFrom(query.get("seite")) };
}

export function callFiltersToQuery(filters: CallFilters): string {
  const query = new URLSearchParams();
  if (filters.outcome) query.set("ergebnis", filters.outcome);
  if (filters.page > 1) query.set("seite", String(filters.page));
  return query.toString();
}

/** webhook.listCalls params for the filters (the page prefetches exactly these). */
export function callListInput(filters: CallFilters): z.input<typeof listCallsParams> {
  return { ...(filters.outcome ? { outcome: filters.outcome } : {}), limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE };
}
