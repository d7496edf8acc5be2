"use client";

import { useId, useState } from "react";
import { DateInput } from "@/components/forms/date-input";
import { Label } from "@/components/ui/label";

/** A day filter (dd.MM.yyyy, empty for none), applied on Enter or leaving the field. */
export function DayFilter({ label, value, onApply }: { label: string; value: string; onApply: (day: string) => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <DateInput
        id={id}
        className="w-32"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onApply={(day) => {
          setError(null);
          if (day !== value) onApply(day);
        }}
        onRefuse={(message) => setError(message)}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
