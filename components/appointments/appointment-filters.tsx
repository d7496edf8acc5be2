"use client";

import { RotateCcw } from "lucide-react";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { DateField } from "@/components/forms/date-input";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { fieldsOf, FILTER_NAMES, filterSchema, rangeProblem, type FilterFields, type FilterName, type FilterSchema } from "./filter-fields";
import { STATUS_LABELS, STATUSES } from "./labels";
import { defaultFilters, type AppointmentFilters } from "./list-filters";
import { staffOf, useAppointmentOptions } from "./options";

const SEARCH_DELAY_MS = 400;

/**
 * Date range, branch, staff, status and customer search. Each field applies on its own: a choice
 * at once, the search once typing pauses, a typed day on blur or Enter and only when it is a day
 * that keeps "Von" before "Bis" (else its message shows and the list keeps its range). Every
 * change starts again on page 1.
 */
export function AppointmentFilterBar({ filters, today, onChange }: { filters: AppointmentFilters; today: string; onChange: (next: AppointmentFilters) => void }) {
  const options = useAppointmentOptions();
  const defaults = defaultFilters(today);
  const [schema] = useState(() => filterSchema(defaults));
  const form = useSchemaForm<FilterFields, z.output<FilterSchema>>(schema, fieldsOf(filters));
  const change = useFollowApplied(form, filters, onChange);

  /** Checks one field and applies its value (with `also`) when it is right and new. */
  const apply = async (name: FilterName, also: Partial<AppointmentFilters> = {}) => {
    if (!(await form.trigger(name))) return;
    const value = schema.shape[name].parse(form.getValues(name));
    // A day left empty stands for the default day, and then shows it.
    if ((name === "from" || name === "to") && value !== form.getValues(name)) form.setValue(name, value as string);
    if (value === filters[name] && Object.keys(also).length === 0) return;
    change({ ...filters, [name]: value, ...also, page: 1 });
  };

  const search = useWatch({ control: form.control, name: "search" });
  const applySearch = useEffectEvent(() => void apply("search"));
  useEffect(() => {
    if (search.trim() === (filters.search ?? "")) return;
    const timer = setTimeout(applySearch, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters.search]);

  const reset = () => {
    form.reset(fieldsOf(defaults));
    change(defaults);
  };
  const isDefault = filters.from === defaults.from && filters.to === defaults.to && !filters.branch && !filters.staff && !filters.status && !filters.search;

  return (
    <Form {...form}>
      <form role="search" aria-label="Termine filtern" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6" onSubmit={(e) => e.preventDefault()} noValidate>
        <DateField<FilterFields, "from"> name="from" label="Von" validate={(day) => rangeProblem("from", day, filters)} onApplied={() => void apply("from")} />
        <DateField<FilterFields, "to"> name="to" label="Bis" validate={(day) => rangeProblem("to", day, filters)} onApplied={() => void apply("to")} />
        <OptionFormField
          control={form.control}
          name="branch"
          label="Filiale"
          noneLabel="Alle Filialen"
          options={options.branches.map((b) => ({ value: b.id, label: b.name }))}
          // Staff of another branch would leave the list empty: the staff filter is dropped with it.
          onChosen={(branch) => void apply("branch", branch && filters.staff && !staffOf(options.staff, branch).some((s) => s.id === filters.staff) ? { staff: undefined } : {})}
        />
        <OptionFormField
          control={form.control}
          name="staff"
          label="Mitarbeitende"
          noneLabel="Alle Mitarbeitenden"
          options={staffOf(options.staff, filters.branch).map((s) => ({ value: s.id, label: s.name }))}
          onChosen={() => void apply("staff")}
        />
        <OptionFormField
          control={form.control}
          name="status"
          label="Status"
          noneLabel="Alle Status"
          options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].label }))}
          onChosen={() => void apply("status")}
        />
        <LabeledField control={form.control} name="search" label="Kundschaft" hint="Name oder Telefonnummer, in jeder Schreibweise">
          {(field) => (
            <Input
              {...field}
              type="search"
              placeholder="z. B. Müller oder 0171 …"
              maxLength={100}
              autoComplete="off"
              onKeyDown={(e) => {
                if (e.key === "Enter") void apply("search");
              }}
            />
          )}
        </LabeledField>
        {!isDefault && (
          <div className="flex items-end sm:col-span-2 lg:col-span-3 2xl:col-span-6">
            <Button type="button" variant="ghost" size="sm" onClick={reset}>
              <RotateCcw aria-hidden /> Filter zurücksetzen
            </Button>
          </div>
        )}
      </form>
    </Form>
  );
}

/**
 * The fields follow the applied filters when these change elsewhere (a link, the browser): a field
 * is set only when its own filter changed. Returns `onChange` for the bar's own changes, which are
 * not followed back, so a field typed on meanwhile keeps what was typed.
 */
function useFollowApplied(form: UseFormReturn<FilterFields, unknown, unknown>, filters: AppointmentFilters, onChange: (next: AppointmentFilters) => void) {
  const key = JSON.stringify(fieldsOf(filters));
  const previous = useRef(key);
  useEffect(() => {
    const before = JSON.parse(previous.current) as FilterFields;
    const now = JSON.parse(key) as FilterFields;
    previous.current = key;
    for (const name of FILTER_NAMES) {
      if (now[name] === before[name] || form.getValues(name) === now[name]) continue;
      form.setValue(name, now[name]);
      form.clearErrors(name);
    }
  }, [key, form]);
  return (next: AppointmentFilters) => {
    previous.current = JSON.stringify(fieldsOf(next));
    onChange(next);
  };
}
