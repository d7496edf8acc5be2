"use client";

import { Plus, X } from "lucide-react";
import { FieldError, fieldErrorId } from "@/components/forms/field-error";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { WeekdayKey } from "@/server/services/branch/weekly-hours";
import { WEEK_ORDER, WEEKDAY_NAMES } from "./weekdays";

export interface TimeRange {
  start: string;
  end: string;
}
export type WeekRanges = Partial<Record<WeekdayKey, TimeRange[]>>;

interface HoursEditorProps {
  /** Prefix of the inputs' ids; unique on the page. */
  id: string;
  legend: string;
  description?: string;
  /** One range as the user calls it: "Öffnungszeit", "Pause", "Arbeitszeit". */
  rangeName: string;
  /** Shown for a day without ranges: "Geschlossen", "Keine Pause", "Frei". */
  offLabel: string;
  /** What a day gets when switched on or given another range. */
  newRange: TimeRange;
  value: WeekRanges;
  onChange: (next: WeekRanges) => void;
  /** By path below the week: "6.0.end", "6" (the whole day). */
  errors: Record<string, string>;
}

/**
 * The one weekly hours editor (branch opening hours, breaks, staff working hours): per
 * weekday on or off, and one or more HH:mm ranges. It only edits; the method's schema
 * decides what is valid and its messages appear under the exact input.
 */
export function HoursEditor({ id, legend, description, rangeName, offLabel, newRange, value, onChange, errors }: HoursEditorProps) {
  const setDay = (day: WeekdayKey, ranges: TimeRange[]) => onChange({ ...value, [day]: ranges });

  return (
    <fieldset className="grid min-w-0 gap-1" aria-describedby={description ? `${id}-description` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {description && (
        <p id={`${id}-description`} className="text-xs text-muted-foreground">
          {description}
        </p>
      )}
      <div className="divide-y rounded-md border px-3">
        {WEEK_ORDER.map((day) => {
          const ranges = value[day] ?? [];
          const dayId = `${id}-${day}`;
          const name = WEEKDAY_NAMES[day];
          return (
            <div key={day} className="grid gap-2 py-2.5 sm:grid-cols-[8.5rem_1fr] sm:items-start" data-testid={dayId}>
              <div className="flex h-9 items-center gap-2">
                <Checkbox
                  id={dayId}
                  checked={ranges.length > 0}
                  onCheckedChange={(on) => setDay(day, on === true ? [{ ...newRange }] : [])}
                  aria-describedby={errors[day] ? fieldErrorId(dayId) : undefined}
                />
                <Label htmlFor={dayId}>{name}</Label>
              </div>
              <div className="grid min-w-0 gap-2">
                {ranges.length === 0 && <p className="flex h-9 items-center text-sm text-muted-foreground">{offLabel}</p>}
                {ranges.map((range, i) => (
                  <RangeInputs
                    key={i}
                    id={`${dayId}-${i}`}
                    label={`${name}, ${rangeName} ${i + 1}`}
                    range={range}
                    errors={{ start: errors[`${day}.${i}.start`], end: errors[`${day}.${i}.end`] }}
                    onChange={(next) => setDay(day, ranges.map((r, k) => (k === i ? next : r)))}
                    onRemove={() => setDay(day, ranges.filter((_, k) => k !== i))}
                  >
                    {i === ranges.length - 1 && (
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        onClick={() => setDay(day, [...ranges, { ...newRange }])}
                        aria-label={`${name}: weitere ${rangeName} hinzufügen`}
                      >
                        <Plus aria-hidden /> Zeitraum
                      </Button>
                    )}
                  </RangeInputs>
                ))}
                <FieldError fieldId={dayId} message={errors[day]} />
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function RangeInputs({
  id,
  label,
  range,
  errors,
  onChange,
  onRemove,
  children,
}: {
  id: string;
  label: string;
  range: TimeRange;
  errors: { start?: string; end?: string };
  onChange: (next: TimeRange) => void;
  onRemove: () => void;
  /** More controls at the end of the row (the last range offers "add another"). */
  children?: React.ReactNode;
}) {
  const field = (part: "start" | "end") => ({
    id: `${id}-${part}`,
    // Text, not type="time": that shows "01:00 PM" in an English browser; here it is always HH:mm.
    type: "text",
    inputMode: "numeric" as const,
    placeholder: "hh:mm",
    maxLength: 5,
    autoComplete: "off",
    value: range[part],
    className: "w-20 tabular",
    "aria-invalid": errors[part] ? true : undefined,
    "aria-describedby": errors[part] ? fieldErrorId(`${id}-${part}`) : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...range, [part]: e.target.value }),
  });
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Label htmlFor={`${id}-start`} className="sr-only">
          {label} von
        </Label>
        <Input {...field("start")} />
        <span aria-hidden className="text-muted-foreground">
          –
        </span>
        <Label htmlFor={`${id}-end`} className="sr-only">
          {label} bis
        </Label>
        <Input {...field("end")} />
        <Button type="button" variant="ghost" size="icon" onClick={onRemove} aria-label={`${label} entfernen`}>
          <X aria-hidden />
        </Button>
        {children}
      </div>
      <FieldError fieldId={`${id}-start`} message={errors.start} />
      <FieldError fieldId={`${id}-end`} message={errors.end} />
    </div>
  );
}
