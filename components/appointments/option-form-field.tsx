"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** Stands for "" (all, any) inside the select, as Radix Select takes no empty item value. */
const NONE = "__none";

export interface Option {
  value: string;
  label: string;
}

/**
 * A labelled select of a react-hook-form form over `options`; the field holds the chosen value,
 * "" while none is chosen. With `noneLabel` an extra first entry ("Alle Filialen", "Beliebig")
 * chooses "". `onChosen` runs after each choice (to clear what depends on it, or to apply it).
 */
export function OptionFormField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  options,
  noneLabel,
  placeholder,
  disabled,
  onChosen,
}: {
  control: Control<TValues, unknown, unknown>;
  name: TName;
  label: string;
  options: Option[];
  noneLabel?: string;
  placeholder?: string;
  disabled?: boolean;
  onChosen?: (value: string) => void;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <Select
            value={(field.value as string) || (noneLabel ? NONE : "")}
            onValueChange={(next) => {
              const value = next === NONE ? "" : next;
              field.onChange(value);
              onChosen?.(value);
            }}
            disabled={disabled}
          >
            <FormControl>
              <SelectTrigger ref={field.ref} onBlur={field.onBlur}>
                <SelectValue placeholder={placeholder} />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              {noneLabel && <SelectItem value={NONE}>{noneLabel}</SelectItem>}
              {options.map((o) => (
                <SelectItem key={o.value} value={o.value}>
                  {o.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
