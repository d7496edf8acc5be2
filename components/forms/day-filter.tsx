"use client";

import { useId, useState } from "react";
import { DateInput } from "@/components/forms/date-input";
import { Label } from "@/components/ui/label";

/**
 * A day field (dd.MM.yyyy) applied on Enter, on leaving the field or from the picker; a typed
 * day it cannot read shows its message under the field. Empty means "no day" unless `required`
 * (then an emptied field changes nothing).
 */
export function DayFilter({
  label,
  value,
  onApply,
  required = false,
  className = "gap-2",
}: {
  label: string;
  value: string;
  onApply: (day: string) => void;
  required?: boolean;
  /** The gap between label and field. */
  className?: string;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`grid ${className}`}>
      <Label htmlFor={id}>{label}</Label>
      <DateInput
        id={id}
        className="w-32"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onApply={(day) => {
          setError(null);
          if ((day || !required) && day !== value) onApply(day);
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
