"use client";

import { useRef } from "react";
import type { UseFormReturn } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { DAY_MESSAGE, isPlausibleDay, type FilterFields } from "./filter-fields";
import { germanDay } from "./list-filters";

/**
 * A day of the filter bar ("Von", "Bis"). A typed day is handed to `onApply` on blur or Enter,
 * never while it is being typed (a date input reports each half-typed year as a day: 0002, 0020,
 * 0202); a day picked from the calendar, which comes without key presses, applies at once.
 * Incomplete input, which the browser reports only as `badInput` with an empty value, is refused
 * like a wrong day.
 */
export function DayFilterField({
  form,
  name,
  label,
  min,
  max,
  onApply,
}: {
  form: UseFormReturn<FilterFields, unknown, unknown>;
  name: "from" | "to";
  label: string;
  min?: string;
  max?: string;
  onApply: () => void;
}) {
  const typing = useRef(false);

  /** False (with the message under the field) while the input holds an incomplete day. */
  const complete = (input: HTMLInputElement) => {
    if (!input.validity.badInput) return true;
    form.setError(name, { type: "validate", message: DAY_MESSAGE });
    return false;
  };
  const apply = (input: HTMLInputElement) => {
    typing.current = false;
    if (complete(input)) onApply();
  };

  return (
    <FormField
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input
              {...field}
              type="date"
              min={min}
              max={max}
              onKeyDown={(e) => {
                if (e.key !== "Enter") typing.current = true;
                else {
                  e.preventDefault();
                  apply(e.currentTarget);
                }
              }}
              onChange={(e) => {
                field.onChange(e);
                if (!typing.current) apply(e.currentTarget);
                // A message shown goes as soon as the day is right, without applying it yet.
                else if (fieldState.error && complete(e.currentTarget)) void form.trigger(name);
              }}
              onBlur={(e) => {
                field.onBlur();
                apply(e.currentTarget);
              }}
            />
          </FormControl>
          {isPlausibleDay(field.value) && <FormDescription>{germanDay(field.value)}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
