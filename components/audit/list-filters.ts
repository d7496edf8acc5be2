/** The Protokoll's filters in the URL (benutzer, aktion, bereich, id, von, bis, ergebnis); empty ones are left out. */
import type { QueryReader } from "@/components/appointments/url-query";
import type { RouterInputs } from "@/components/trpc/provider";

export type AuditListInput = RouterInputs["audit"]["list"];

export const PAGE_SIZE = 25;

export const OUTCOME_OPTIONS = [
  { value: "success", label: "Erfolgreich" },
  { value: "error", label: "Fehlgeschlagen" },
] as const;

export interface AuditFilters {
  actor?: string;
  action?: string;
  entity_type?: string;
  entity_id?: string;
  /** YYYY-MM-DD, shown as dd.MM.yyyy. */
  date_from?: string;
  date_to?: string;
  outcome?: "success" | "error";
}

const QUERY_NAMES: Record<keyof AuditFilters, string> = {
  actor: "benutzer",
  action: "aktion",
  entity_type: "bereich",
  entity_id: "id",
  date_from: "von",
  date_to: "bis",
  outcome: "ergebnis",
};

const KEYS = Object.keys(QUERY_NAMES) as Array<keyof AuditFilters>;

export function auditFiltersFromQuery(query: QueryReader): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of KEYS) {
    const value = query.get(QUERY_NAMES[key])?.trim();
    if (!value) continue;
    if (key === "outcome") filters.outcome = OUTCOME_OPTIONS.find((o) => o.value === value)?.value;
    else filters[key] = value;
  }
  return filters;
}

export function auditFiltersToQuery(filters: AuditFilters): string {
  const query = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) query.set(QUERY_NAMES[key], value);
  }
  return query.toString();
}

/** audit.list params for the filters and a page's cursor (the page prefetches the first page of exactly these). */
export function auditListInput(filters: AuditFilters, cursor: string | null = null): AuditListInput {
  return { ...filters, limit: PAGE_SIZE, cursor };
}
