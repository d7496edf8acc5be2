"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";

/** A checkbox field of a react-hook-form form, with its label and an optional explanation under it. */
export function CheckboxFormField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  hint,
}: {
  control: Control<TValues, unknown, unknown>;
  name: TName;
  label: string;
  hint?: string;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="flex items-start gap-2">
          <FormControl>
            <Checkbox checked={field.value === true} onCheckedChange={(v) => field.onChange(v === true)} onBlur={field.onBlur} className="mt-0.5" />
          </FormControl>
          <div className="grid gap-1 leading-snug">
            <FormLabel className="font-medium">{label}</FormLabel>
            {hint && <FormDescription>{hint}</FormDescription>}
            <FormMessage />
          </div>
        </FormItem>
      )}
    />
  );
}
