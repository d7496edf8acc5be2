"use client";

import { Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { useFieldArray, useFormContext, useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { FunctionFields } from "./function-form-values";

/**
 * Key/value rows for the HTTP headers of an external call (the editor's "headers" field); stored
 * values stay hidden. The rows have one message, under them, for whichever row is wrong.
 */
export function HeaderRows() {
  const id = useId();
  const { control, trigger } = useFormContext<FunctionFields>();
  const { fields, append, remove } = useFieldArray({ control, name: "headers" });
  const { errors, isSubmitted } = useFormState({ control, name: "headers" });
  // With rows on the page the resolver puts the list's message at headers.root; set by the server it is at headers.
  const error = errors.headers?.root?.message ?? errors.headers?.message;
  // An input rechecks only itself; the message belongs to the whole list (adding and removing rows recheck it already).
  const recheck = () => {
    if (isSubmitted) void trigger("headers");
  };
  /** One input of a row; a change rechecks the whole list, whose message stands under the rows. */
  const cell = (name: `headers.${number}.${"name" | "value"}`, label: string, props: React.ComponentProps<"input">) => (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="gap-1">
          <FormLabel className="text-xs">{label}</FormLabel>
          <FormControl>
            <Input
              {...field}
              onChange={(e) => {
                field.onChange(e);
                recheck();
              }}
              {...props}
              className="font-mono text-xs"
            />
          </FormControl>
        </FormItem>
      )}
    />
  );
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <fieldset className="grid gap-2" aria-invalid={error ? true : undefined} aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="mb-1 text-sm font-medium">Header</legend>
      <p id={hintId} className="-mt-1 text-xs text-muted-foreground">
        Werden beim Aufruf mitgesendet, z. B. ein API-Schlüssel. Die Werte werden verschlüsselt gespeichert und nicht wieder angezeigt.
      </p>
      {fields.map((row, index) => (
        <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
          {cell(`headers.${index}.name`, `Name ${index + 1}`, { maxLength: 100, placeholder: "X-Api-Key" })}
          {cell(`headers.${index}.value`, `Wert ${index + 1}`, {
            type: "password",
            autoComplete: "off",
            maxLength: 4000,
            placeholder: row.stored ? `gespeichert: ${row.stored}` : "Wert",
          })}
          <Button type="button" variant="ghost" size="icon" onClick={() => remove(index)} aria-label={`Header ${index + 1} entfernen`}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="outline" size="sm" onClick={() => append({ name: "", value: "" }, { shouldFocus: false })}>
          <Plus aria-hidden /> Header hinzufügen
        </Button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  );
}
