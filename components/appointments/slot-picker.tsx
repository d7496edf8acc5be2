"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { fieldErrorId, FieldError } from "@/components/forms/field-error";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/utils";

export interface SlotQuery {
  branchId?: string;
  serviceId?: string;
  staffId?: string;
  /** YYYY-MM-DD */
  date?: string;
}

/**
 * The free start times of a day from appointments.checkAvailability, as radio buttons. When
 * the service answers with a refusal (a past day, no such service) its message is shown.
 */
export function SlotPicker({ id, query, value, onChange, error }: { id: string; query: SlotQuery; value?: string; onChange: (time: string) => void; error?: string }) {
  const trpc = useTRPC();
  const { branchId, serviceId, staffId, date } = query;
  const input = branchId && serviceId && date ? { branch_id: branchId, service_id: serviceId, date, ...(staffId ? { staff_id: staffId } : {}) } : skipToken;
  // Refusals are answers, not outages: no retry.
  const availability = useQuery({ ...trpc.appointments.checkAvailability.queryOptions(input), retry: false });

  return (
    <fieldset className="grid gap-2" aria-describedby={error ? fieldErrorId(id) : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-2 text-sm font-medium leading-none">
        Freie Zeiten
      </legend>
      {input === skipToken ? (
        <p className="text-sm text-muted-foreground">Bitte zuerst Filiale, Leistung und Datum wählen.</p>
      ) : availability.isPending ? (
        <div aria-busy="true" aria-label="Freie Zeiten werden gesucht" className="flex flex-wrap gap-2">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-16" />
          ))}
        </div>
      ) : availability.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(availability.error)}
        </p>
      ) : availability.data.slots.length === 0 ? (
        <p role="status" className="text-sm text-muted-foreground">
          {availability.data.message}
        </p>
      ) : (
        <div className="flex max-h-48 flex-wrap gap-2 overflow-y-auto p-0.5" data-testid="free-slots">
          {availability.data.slots.map((slot) => (
            // The invisible radio lies over its chip, so pointer and keyboard both reach the input itself.
            <label key={slot.start} className="relative">
              <input
                type="radio"
                name={id}
                value={slot.time}
                checked={value === slot.time}
                onChange={() => onChange(slot.time)}
                className="peer absolute inset-0 size-full cursor-pointer opacity-0"
              />
              <span
                className={cn(
                  "tabular inline-flex h-8 min-w-16 items-center justify-center rounded-md border border-input bg-card px-3 text-sm shadow-sm transition-colors",
                  "hover:bg-accent peer-checked:border-primary peer-checked:bg-primary peer-checked:text-primary-foreground peer-focus-visible:ring-2 peer-focus-visible:ring-ring",
                )}
              >
                {slot.time}
              </span>
            </label>
          ))}
        </div>
      )}
      <FieldError fieldId={id} message={error} />
    </fieldset>
  );
}
