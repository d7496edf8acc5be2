"use client";

import { cloneElement } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormField } from "@/components/forms/form-field";
import { FormControl, FormField as HookFormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** Stands for "no choice" (all, any), as Radix Select takes no empty value. */
const NONE = "__none";

export interface Option {
  value: string;
  label: string;
}

interface ChoiceProps {
  options: Option[];
  noneLabel?: string;
  placeholder?: string;
  disabled?: boolean;
}

/**
 * The select itself: `value` "" (or undefined) is "no choice", shown as `noneLabel` when given;
 * `trigger` wraps the trigger so a field can hand it its id and aria attributes.
 */
function OptionChoice({
  value,
  onChange,
  options,
  noneLabel,
  placeholder,
  disabled,
  trigger,
}: ChoiceProps & { value: string | undefined; onChange: (value: string) => void; trigger: (node: React.ReactElement) => React.ReactNode }) {
  return (
    <Select value={value || (noneLabel ? NONE : "")} onValueChange={(next) => onChange(next === NONE ? "" : next)} disabled={disabled}>
      {trigger(
        <SelectTrigger>
          <SelectValue placeholder={placeholder} />
        </SelectTrigger>,
      )}
      <SelectContent>
        {noneLabel && <SelectItem value={NONE}>{noneLabel}</SelectItem>}
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** A labelled select outside a form (filters); "no choice" is undefined. */
export function OptionSelect({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  ...choice
}: ChoiceProps & { id: string; label: string; value: string | undefined; onChange: (value: string | undefined) => void; error?: string; hint?: string }) {
  return (
    <FormField
      id={id}
      label={label}
      error={error}
      hint={hint}
      control={(props) => (
        <OptionChoice {...choice} value={value} onChange={(next) => onChange(next === "" ? undefined : next)} trigger={(node) => cloneElement(node, props)} />
      )}
    />
  );
}

/**
 * A labelled select of a react-hook-form form; the field holds the chosen value, "" while none is
 * chosen. `onChosen` runs after each choice (to clear what depends on it, or to apply it).
 */
export function OptionFormField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  onChosen,
  ...choice
}: ChoiceProps & { control: Control<TValues, unknown, unknown>; name: TName; label: string; onChosen?: (value: string) => void }) {
  return (
    <HookFormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <OptionChoice
            {...choice}
            value={field.value as string}
            onChange={(value) => {
              field.onChange(value);
              onChosen?.(value);
            }}
            trigger={(node) => (
              <FormControl ref={field.ref} onBlur={field.onBlur}>
                {node}
              </FormControl>
            )}
          />
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
