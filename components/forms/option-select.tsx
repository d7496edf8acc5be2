"use client";

import { FormField } from "@/components/forms/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** Stands for "no choice" (all, any), as Radix Select takes no empty value. */
const NONE = "__none";

export interface Option {
  value: string;
  label: string;
}

/**
 * A labelled select over `options`; with `noneLabel` an extra first entry (e.g. "Alle Filialen",
 * "Beliebig") stands for undefined.
 */
export function OptionSelect({
  id,
  label,
  value,
  onChange,
  options,
  noneLabel,
  placeholder,
  error,
  hint,
  disabled,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: Option[];
  noneLabel?: string;
  placeholder?: string;
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <FormField
      id={id}
      label={label}
      error={error}
      hint={hint}
      control={(props) => (
        <Select value={value ?? (noneLabel ? NONE : "")} onValueChange={(next) => onChange(next === NONE || next === "" ? undefined : next)} disabled={disabled}>
          <SelectTrigger {...props}>
            <SelectValue placeholder={placeholder} />
          </SelectTrigger>
          <SelectContent>
            {noneLabel && <SelectItem value={NONE}>{noneLabel}</SelectItem>}
            {options.map((o) => (
              <SelectItem key={o.value} value={o.value}>
                {o.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    />
  );
}
