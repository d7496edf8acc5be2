"use client";

import { RotateCcw } from "lucide-react";
import { useEffect, useEffectEvent, useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { STATUS_LABELS, STATUSES } from "./labels";
import { defaultFilters, germanDay, type AppointmentFilters } from "./list-filters";
import { OptionSelect } from "@/components/forms/option-select";
import { staffOf, useAppointmentOptions } from "./options";

const SEARCH_DELAY_MS = 400;

/** Date range, branch, staff, status and customer search; every change starts again on page 1. */
export function AppointmentFilterBar({ filters, today, onChange }: { filters: AppointmentFilters; today: string; onChange: (next: AppointmentFilters) => void }) {
  const options = useAppointmentOptions();
  const defaults = defaultFilters(today);
  const update = (patch: Partial<AppointmentFilters>) => onChange({ ...filters, ...patch, page: 1 });
  const [search, setSearch] = useDebouncedText(filters.search ?? "", (text) => update({ search: text.trim() || undefined }));
  const isDefault = filters.from === defaults.from && filters.to === defaults.to && !filters.branch && !filters.staff && !filters.status && !filters.search;

  return (
    <form role="search" aria-label="Termine filtern" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
      <FormField
        id="filter-from"
        label="Von"
        hint={germanDay(filters.from)}
        control={(props) => <Input {...props} type="date" value={filters.from} max={filters.to} onChange={(e) => update({ from: e.target.value || defaults.from })} />}
      />
      <FormField
        id="filter-to"
        label="Bis"
        hint={germanDay(filters.to)}
        control={(props) => <Input {...props} type="date" value={filters.to} min={filters.from} onChange={(e) => update({ to: e.target.value || defaults.to })} />}
      />
      <OptionSelect
        id="filter-branch"
        label="Filiale"
        value={filters.branch}
        noneLabel="Alle Filialen"
        options={options.branches.map((b) => ({ value: b.id, label: b.name }))}
        // Staff of another branch would leave the list empty: the staff filter is dropped with it.
        onChange={(branch) => update({ branch, staff: branch && filters.staff && !staffOf(options.staff, branch).some((s) => s.id === filters.staff) ? undefined : filters.staff })}
      />
      <OptionSelect
        id="filter-staff"
        label="Mitarbeiter"
        value={filters.staff}
        noneLabel="Alle Mitarbeitenden"
        options={staffOf(options.staff, filters.branch).map((s) => ({ value: s.id, label: s.name }))}
        onChange={(staff) => update({ staff })}
      />
      <OptionSelect
        id="filter-status"
        label="Status"
        value={filters.status}
        noneLabel="Alle Status"
        options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].label }))}
        onChange={(status) => update({ status: STATUSES.find((s) => s === status) })}
      />
      <FormField
        id="filter-search"
        label="Kundschaft"
        hint="Name oder Telefonnummer, in jeder Schreibweise"
        control={(props) => <Input {...props} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="z. B. Müller oder 0171 …" maxLength={100} autoComplete="off" />}
      />
      {!isDefault && (
        <div className="flex items-end sm:col-span-2 lg:col-span-3 2xl:col-span-6">
          <Button type="button" variant="ghost" size="sm" onClick={() => onChange(defaults)}>
            <RotateCcw aria-hidden /> Filter zurücksetzen
          </Button>
        </div>
      )}
    </form>
  );
}

/** Text typed into a field, handed on once typing pauses; follows `committed` when it changes elsewhere (reset). */
function useDebouncedText(committed: string, commit: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(committed);
  const [seen, setSeen] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    setText(committed);
  }
  const onPause = useEffectEvent((value: string) => commit(value));
  useEffect(() => {
    if (text.trim() === committed) return;
    const timer = setTimeout(() => onPause(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, committed]);
  return [text, setText];
}
