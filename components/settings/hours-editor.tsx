"use client";

import { Plus, X } from "lucide-react";
import { get, useFieldArray, useFormContext, useFormState, type Control, type FieldPathByValue, type FieldValues } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { WeekdayKey } from "@/server/services/branch/weekly-hours";
import type { FormWeek } from "./week-fields";
import { WEEK_ORDER, WEEKDAY_NAMES } from "./weekdays";

export interface TimeRange {
  start: string;
  end: string;
}
export type WeekRanges = Partial<Record<WeekdayKey, TimeRange[]>>;

/** The keys of one range in the form's values: { start, end }, or { open, close } for opening hours. */
export interface RangeKeys {
  from: string;
  to: string;
}
const START_END: RangeKeys = { from: "start", to: "end" };

interface HoursEditorProps<TValues extends FieldValues> {
  control: Control<TValues, unknown, unknown>;
  /** Where the week sits in the form's values, named like the method's param so its errors ("6.0.close") land under the input. */
  name: FieldPathByValue<TValues, FormWeek<Record<string, string>>>;
  keys?: RangeKeys;
  /** Prefix of the days' ids and test ids; unique on the page. */
  id: string;
  legend: string;
  description?: string;
  /** One range as the user calls it: "Öffnungszeit", "Pause", "Arbeitszeit". */
  rangeName: string;
  /** Shown for a day without ranges: "Geschlossen", "Keine Pause", "Frei". */
  offLabel: string;
  /** What a day gets when switched on or given another range. */
  newRange: TimeRange;
}

interface DayProps {
  control: Control<FieldValues>;
  /** The day's rows in the form's values, e.g. "business_hours.weekly.6". */
  path: string;
  day: WeekdayKey;
  dayId: string;
  keys: RangeKeys;
  rangeName: string;
  offLabel: string;
  newRange: TimeRange;
  /** After any change: checks the whole method param again once the form was submitted. */
  recheck: () => void;
}

/** An error the schema put on a list itself ("Höchstens 6 Zeiträume pro Tag."), not on one of its rows. */
function listError(errors: unknown, path: string): string | undefined {
  const error = get(errors, path) as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = error?.message ?? error?.root?.message;
  return typeof message === "string" && message !== "" ? message : undefined;
}

/**
 * The one weekly hours editor (branch opening hours, breaks, staff working hours) inside a
 * react-hook-form form: per weekday on or off, and one or more HH:mm ranges. It only edits;
 * the method's schema decides what is valid and its messages appear under the exact input.
 */
export function HoursEditor<TValues extends FieldValues>({
  control,
  name,
  keys = START_END,
  id,
  legend,
  description,
  rangeName,
  offLabel,
  newRange,
}: HoursEditorProps<TValues>) {
  const untyped = control as unknown as Control<FieldValues>;
  const { trigger } = useFormContext();
  const { isSubmitted, errors } = useFormState({ control: untyped, name });
  // A range can be wrong because of another one (an overlap, a break outside the opening
  // hours), so after the first submit every change checks the whole param again.
  const param = name.split(".")[0]!;
  const recheck = () => {
    if (isSubmitted) void trigger(param);
  };
  const weekError = listError(errors, name);

  return (
    <fieldset className="grid min-w-0 gap-1" aria-describedby={description ? `${id}-description` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {description && (
        <p id={`${id}-description`} className="text-xs text-muted-foreground">
          {description}
        </p>
      )}
      <div className="divide-y rounded-md border px-3">
        {WEEK_ORDER.map((day) => (
          <Day
            key={day}
            control={untyped}
            path={`${name}.${day}`}
            day={day}
            dayId={`${id}-${day}`}
            keys={keys}
            rangeName={rangeName}
            offLabel={offLabel}
            newRange={newRange}
            recheck={recheck}
          />
        ))}
      </div>
      {weekError && (
        <p role="alert" className="text-sm text-destructive">
          {weekError}
        </p>
      )}
    </fieldset>
  );
}

function Day({ control, path, day, dayId, keys, rangeName, offLabel, newRange, recheck }: DayProps) {
  const { fields, append, remove } = useFieldArray({ control, name: path });
  const { errors } = useFormState({ control, name: path });
  const dayError = listError(errors, path);
  const errorId = `${dayId}-error`;
  const name = WEEKDAY_NAMES[day];
  const add = () => {
    // Focus stays where the user is (the day's checkbox or the add button).
    append({ [keys.from]: newRange.start, [keys.to]: newRange.end }, { shouldFocus: false });
    recheck();
  };
  const removeAt = (index?: number) => {
    remove(index);
    recheck();
  };

  return (
    <div className="grid gap-2 py-2.5 sm:grid-cols-[8.5rem_1fr] sm:items-start" data-testid={dayId}>
      <div className="flex h-9 items-center gap-2">
        <Checkbox
          id={dayId}
          checked={fields.length > 0}
          onCheckedChange={(on) => (on === true ? add() : removeAt())}
          aria-describedby={dayError ? errorId : undefined}
        />
        <Label htmlFor={dayId}>{name}</Label>
      </div>
      <div className="grid min-w-0 gap-2">
        {fields.length === 0 && <p className="flex h-9 items-center text-sm text-muted-foreground">{offLabel}</p>}
        {fields.map((row, i) => {
          const label = `${name}, ${rangeName} ${i + 1}`;
          return (
            <div key={row.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <TimeField control={control} name={`${path}.${i}.${keys.from}`} label={`${label} von`} onChanged={recheck} />
              <span aria-hidden className="text-muted-foreground">
                –
              </span>
              <TimeField control={control} name={`${path}.${i}.${keys.to}`} label={`${label} bis`} onChanged={recheck} />
              <Button type="button" variant="ghost" size="icon" onClick={() => removeAt(i)} aria-label={`${label} entfernen`}>
                <X aria-hidden />
              </Button>
              {i === fields.length - 1 && (
                <Button type="button" variant="ghost" size="sm" onClick={add} aria-label={`${name}: weitere ${rangeName} hinzufügen`}>
                  <Plus aria-hidden /> Zeitraum
                </Button>
              )}
            </div>
          );
        })}
        {dayError && (
          <p id={errorId} role="alert" className="text-sm text-destructive">
            {dayError}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * One time of a range. Its item is `display: contents`, so the input sits in the row and its
 * message, ordered last at full width, lands under the row.
 */
function TimeField({ control, name, label, onChanged }: { control: Control<FieldValues>; name: string; label: string; onChanged: () => void }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="contents">
          <FormLabel className="sr-only">{label}</FormLabel>
          {/* Text, not type="time": that shows "01:00 PM" in an English browser; here it is always HH:mm. */}
          <FormControl>
            <Input
              {...field}
              onChange={(event) => {
                field.onChange(event);
                onChanged();
              }}
              type="text"
              inputMode="numeric"
              placeholder="hh:mm"
              maxLength={5}
              autoComplete="off"
              className="w-20 tabular"
            />
          </FormControl>
          <FormMessage className="order-last basis-full" />
        </FormItem>
      )}
    />
  );
}
