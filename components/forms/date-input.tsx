"use client";

import { CalendarDays } from "lucide-react";
import { useEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { useFormContext, type FieldPath, type FieldValues, type RegisterOptions } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { germanDate, parseTypedDate, TYPED_DATE_MESSAGE, weekdayDate } from "./typed-date";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day typed as text (30.11.2026, 30.11.26, 1.12.2026 or 2026-11-30). The field keeps exactly
 * what is typed; the day applies on blur or Enter only, never halfway: `onApply` gets
 * YYYY-MM-DD ("" for an emptied field), `onRefuse` the German reason for text that is no day or
 * that `validate` refuses. The text lives in the input itself (uncontrolled), so neither a
 * re-render nor hydration overwrites what was typed; the field follows `value` only while
 * nobody is typing in it. The calendar button opens the browser's own date picker.
 */
export function DateInput({
  value,
  onApply,
  onRefuse,
  validate,
  onBlur,
  inputRef,
  ...props
}: {
  /** The applied day, YYYY-MM-DD, "" for none; other text is shown as it is. */
  value: string;
  onApply: (day: string) => void;
  onRefuse: (message: string, text: string) => void;
  /** A further check of a right day: a German message refuses it. */
  validate?: (day: string) => string | undefined;
  /** The text input itself (react-hook-form focuses it on an error). */
  inputRef?: (element: HTMLInputElement | null) => void;
} & Omit<ComponentProps<"input">, "value" | "defaultValue" | "onChange" | "type" | "ref">) {
  const input = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  /** True from the first key press until the text is applied or refused. */
  const typing = useRef(false);
  const initial = useRef(value);

  // A day applied elsewhere (a link, the browser's back button, a reset) shows, unless somebody is typing.
  const followed = useRef(value);
  useEffect(() => {
    if (value === followed.current) return;
    followed.current = value;
    if (input.current && !typing.current) input.current.value = germanDate(value);
  }, [value]);

  const accept = (day: string, text: string) => {
    const problem = day ? validate?.(day) : undefined;
    if (problem) return onRefuse(problem, text);
    if (input.current) input.current.value = germanDate(day);
    onApply(day);
  };
  const commit = () => {
    if (!input.current || !typing.current) return;
    typing.current = false;
    const text = input.current.value.trim();
    if (text === "") return accept("", text);
    const day = parseTypedDate(text);
    if (day === null) onRefuse(TYPED_DATE_MESSAGE, text);
    else accept(day, text);
  };

  // Typed before the page came alive (hydration): kept, and applied on blur like any typing, or
  // at once when the field was left already (its blur happened before anybody listened).
  useEffect(() => {
    if (!input.current || input.current.value === germanDate(initial.current)) return;
    typing.current = true;
    if (document.activeElement !== input.current) commit();
    // Only once, on the first render in the browser.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const openPicker = () => {
    try {
      picker.current?.showPicker();
    } catch {
      input.current?.focus(); // a browser without the picker: typing it is
    }
  };

  return (
    <div className="relative flex gap-1">
      <Input
        type="text"
        defaultValue={germanDate(value)}
        placeholder="TT.MM.JJJJ"
        autoComplete="off"
        spellCheck={false}
        {...props}
        ref={(element) => {
          input.current = element;
          inputRef?.(element);
        }}
        onInput={() => {
          typing.current = true;
        }}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault(); // Enter applies the day; it does not send the form around it
          commit();
        }}
        onBlur={(e) => {
          commit();
          onBlur?.(e);
        }}
      />
      <Button type="button" variant="outline" size="icon" className="shrink-0" aria-label="Kalender öffnen" disabled={props.disabled} onClick={openPicker}>
        <CalendarDays aria-hidden />
      </Button>
      {/* The browser's picker, opened by the button; a day picked there applies at once. */}
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden
        className="pointer-events-none absolute bottom-0 right-0 h-px w-px opacity-0"
        value={ISO_DAY.test(value) ? value : ""}
        onChange={(e) => {
          if (!ISO_DAY.test(e.target.value)) return;
          typing.current = false;
          accept(e.target.value, germanDate(e.target.value));
        }}
      />
    </div>
  );
}

/**
 * A date field of a react-hook-form form: label, `DateInput`, the day in words (or `hint` while
 * empty) and the message. The form's value is the applied day (YYYY-MM-DD) or, after a refusal,
 * the refused text, so a form sent meanwhile cannot go out with the day shown before: check it
 * with `dayField` in the form's schema.
 */
export function DateField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  name,
  label,
  hint,
  validate,
  rules,
  onApplied,
  className,
}: {
  name: TName;
  label: ReactNode;
  /** Shown while the field holds no day. */
  hint?: ReactNode;
  validate?: (day: string) => string | undefined;
  rules?: Pick<RegisterOptions<TValues, TName>, "deps">;
  onApplied?: (day: string) => void;
  className?: string;
}) {
  const form = useFormContext<TValues>();
  return (
    <FormField
      control={form.control}
      name={name}
      rules={rules}
      render={({ field }) => {
        const description = weekdayDate(String(field.value ?? "")) ?? hint;
        return (
          <FormItem className={className}>
            <FormLabel>{label}</FormLabel>
            <FormControl>
              <DateInput
                name={field.name}
                inputRef={field.ref}
                value={String(field.value ?? "")}
                disabled={field.disabled}
                onBlur={field.onBlur}
                validate={validate}
                onApply={(day) => {
                  form.clearErrors(name);
                  field.onChange(day);
                  onApplied?.(day);
                }}
                onRefuse={(message, text) => {
                  field.onChange(text);
                  form.setError(name, { type: "validate", message });
                }}
              />
            </FormControl>
            {description && <FormDescription>{description}</FormDescription>}
            <FormMessage />
          </FormItem>
        );
      }}
    />
  );
}
