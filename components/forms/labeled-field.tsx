"use client";

import type { ControllerRenderProps, Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";

/**
 * One field of a react-hook-form form as most forms need it: label, the control (`children`
 * gets the field's value and handlers), an optional hint and the error message, tied together
 * by id and aria attributes.
 */
export function LabeledField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  label,
  hint,
  className,
  children,
}: {
  control: Control<TValues, unknown, unknown>;
  name: TName;
  label: React.ReactNode;
  hint?: React.ReactNode;
  className?: string;
  children: (field: ControllerRenderProps<TValues, TName>) => React.ReactElement;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <FormControl>{children(field)}</FormControl>
          {hint && <FormDescription>{hint}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
