"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/utils";

/** What staff can do next, by the service's reason for no free time (the reason itself is in its message). */
const NEXT_STEP: Partial<Record<string, string>> = {
  staff_absent: "Ein anderer Tag oder eine andere Person (oder „Beliebig“) hilft.",
  fully_booked: "Bitte einen anderen Tag wählen.",
  closed: "Bitte einen anderen Tag wählen.",
  no_staff_for_service: "Unter Einstellungen → Mitarbeitende lässt sich die Leistung einer Person zuordnen.",
};

export interface SlotQuery {
  branchId?: string;
  serviceId?: string;
  staffId?: string;
  /** YYYY-MM-DD */
  date?: string;
}

/**
 * The free start times of a day from appointments.checkAvailability, as radio buttons of a form
 * field that holds the chosen time ("HH:mm", "" while none is chosen). When the service answers
 * with a refusal (a past day, no such service) its message is shown; a day without free time
 * shows why (closed, staff away, fully booked, …) and what to try next.
 */
export function SlotPickerField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  query,
}: {
  control: Control<TValues, unknown, unknown>;
  name: TName;
  query: SlotQuery;
}) {
  const trpc = useTRPC();
  const { branchId, serviceId, staffId, date } = query;
  const input = branchId && serviceId && date ? { branch_id: branchId, service_id: serviceId, date, ...(staffId ? { staff_id: staffId } : {}) } : skipToken;
  // Refusals are answers, not outages: no retry.
  const availability = useQuery({ ...trpc.appointments.checkAvailability.queryOptions(input), retry: false });

  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormControl>
            <fieldset className="grid gap-2">
              <legend className="mb-2 text-sm font-medium leading-none">Freie Zeiten</legend>
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
                <p role="status" className="text-sm text-muted-foreground" data-reason={availability.data.reason ?? undefined} data-testid="no-free-time">
                  {availability.data.message}
                  {NEXT_STEP[availability.data.reason ?? ""] && <> {NEXT_STEP[availability.data.reason ?? ""]}</>}
                </p>
              ) : (
                <div className="flex max-h-48 flex-wrap gap-2 overflow-y-auto p-0.5" data-testid="free-slots">
                  {availability.data.slots.map((slot, i) => (
                    // The invisible radio lies over its chip, so pointer and keyboard both reach the input itself.
                    <label key={slot.start} className="relative">
                      <input
                        // The first time takes the focus when the form points at a missing choice.
                        ref={i === 0 ? field.ref : undefined}
                        type="radio"
                        name={field.name}
                        value={slot.time}
                        checked={field.value === slot.time}
                        onChange={() => field.onChange(slot.time)}
                        onBlur={field.onBlur}
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
              <FormMessage />
            </fieldset>
          </FormControl>
        </FormItem>
      )}
    />
  );
}
