"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { OptionSelect, type Option } from "@/components/forms/option-select";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { DayFilter } from "@/components/forms/day-filter";
import { OUTCOME_OPTIONS, type AuditFilters } from "./list-filters";

/** Benutzer, Aktion, Bereich, Von/Bis and Ergebnis; every change applies at once. */
export function AuditFilterBar({ filters, onChange }: { filters: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.audit.filters.queryOptions({}));
  const set = (patch: Partial<AuditFilters>) => onChange(Object.fromEntries(Object.entries({ ...filters, ...patch }).filter(([, v]) => v)));
  const entities = options.data?.entities ?? [];
  const entityLabel = entities.find((e) => e.value === filters.entity_type)?.label ?? filters.entity_type;

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-full sm:w-56">
          <OptionSelect
            id="filter-actor"
            label="Benutzer"
            value={filters.actor}
            noneLabel="Alle"
            options={withCurrent(options.data?.actors ?? [], filters.actor)}
            onChange={(actor) => set({ actor })}
          />
        </div>
        <div className="w-full sm:w-56">
          <OptionSelect
            id="filter-action"
            label="Aktion"
            value={filters.action}
            noneLabel="Alle Aktionen"
            options={withCurrent(options.data?.actions ?? [], filters.action)}
            onChange={(action) => set({ action })}
          />
        </div>
        <div className="w-full sm:w-48">
          <OptionSelect
            id="filter-entity"
            label="Bereich"
            value={filters.entity_type}
            noneLabel="Alle Bereiche"
            options={withCurrent(entities, filters.entity_type)}
            // Another area drops the one entry the filter named.
            onChange={(entity_type) => set({ entity_type, entity_id: undefined })}
          />
        </div>
        <DayFilter label="Von" value={filters.date_from ?? ""} onApply={(day) => set({ date_from: day || undefined })} />
        <DayFilter label="Bis" value={filters.date_to ?? ""} onApply={(day) => set({ date_to: day || undefined })} />
        <div className="w-full sm:w-44">
          <OptionSelect
            id="filter-outcome"
            label="Ergebnis"
            value={filters.outcome}
            noneLabel="Alle"
            options={[...OUTCOME_OPTIONS]}
            onChange={(value) => set({ outcome: OUTCOME_OPTIONS.find((o) => o.value === value)?.value })}
          />
        </div>
        {Object.values(filters).some(Boolean) && (
          <Button variant="ghost" onClick={() => onChange({})}>
            <X aria-hidden /> Filter zurücksetzen
          </Button>
        )}
      </div>
      {filters.entity_id && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          Nur Einträge zu {entityLabel ? `${entityLabel} ` : ""}
          <code className="rounded bg-muted px-1 text-xs">{filters.entity_id}</code>
          <Button variant="link" size="sm" className="h-auto p-0" onClick={() => set({ entity_id: undefined })}>
            alle zeigen
          </Button>
        </p>
      )}
    </div>
  );
}

/** A value from the address that the options do not list (a single method, a former user) still shows. */
function withCurrent(options: Option[], current: string | undefined): Option[] {
  return !current || options.some((o) => o.value === current) ? options : [...options, { value: current, label: current }];
}
