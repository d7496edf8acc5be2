"use client";

import { useQuery } from "@tanstack/react-query";
import { UserCheck, UserPlus } from "lucide-react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { useDebounced } from "@/components/forms/use-debounced";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { STATUS_LABELS } from "./labels";

export type LookedUpCustomer = NonNullable<RouterOutputs["customer"]["lookup"]["customer"]>;

/** A pause in typing this long looks the number up. */
const LOOKUP_DELAY_MS = 400;
/** Fewer digits are no phone number yet: not worth a request. */
const MIN_DIGITS = 6;

export const NAME_CHOICE_MESSAGE = "Bitte wählen Sie, welcher Name gelten soll.";


/**
 * customer.lookup for the number being typed, once typing pauses: `customer` once a valid number
 * was looked up (null: nobody has it yet), undefined while there is nothing to show.
 */
export function useCustomerLookup(phone: string) {
  const trpc = useTRPC();
  const settled = useDebounced(phone.trim(), LOOKUP_DELAY_MS);
  const ready = settled.replace(/\D/g, "").length >= MIN_DIGITS;
  const query = useQuery({ ...trpc.customer.lookup.queryOptions({ phone: settled }), enabled: ready, staleTime: 30_000 });
  const current = ready && settled === phone.trim() && query.data?.valid_number;
  return { customer: current ? query.data!.customer : undefined, searching: ready && query.isFetching };
}

/** What the dialog shows under the number: who this is (name, last visits, no-shows), or that the number is new. */
export function CustomerSummary({ customer, searching }: { customer: LookedUpCustomer | null | undefined; searching: boolean }) {
  if (customer === undefined) {
    return searching ? (
      <p className="text-sm text-muted-foreground" role="status">
        Kundschaft wird gesucht …
      </p>
    ) : null;
  }
  if (customer === null) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status" data-testid="customer-lookup">
        <UserPlus className="size-4" aria-hidden /> Neue Kundschaft: Unter dieser Nummer ist noch niemand gespeichert.
      </p>
    );
  }
  return (
    <div className="grid gap-1 rounded-md border bg-muted/40 p-3 text-sm" role="status" data-testid="customer-lookup">
      <p className="flex flex-wrap items-center gap-2 font-medium">
        <UserCheck className="size-4" aria-hidden /> Bekannte Kundschaft: {customer.name ?? "ohne Namen"}
        {customer.no_show_count > 0 ? (
          <Badge variant="warning">{customer.no_show_count}× nicht erschienen</Badge>
        ) : (
          <span className="font-normal text-muted-foreground">· kein Termin versäumt</span>
        )}
      </p>
      <p className="text-muted-foreground">
        {customer.last_visits.length === 0
          ? "Noch keine Besuche."
          : `Letzte Besuche: ${customer.last_visits.map((v) => `${v.date} ${v.service}${v.status === "no_show" ? ` (${STATUS_LABELS.no_show.label})` : ""}`).join(" · ")}`}
      </p>
    </div>
  );
}

/** The choice when the typed name differs from the stored one: keep the stored name, or change it to the typed one. */
export function NameChoiceField<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  control,
  name,
  stored,
  typed,
}: {
  control: Control<TValues, unknown, unknown>;
  name: TName;
  stored: string;
  typed: string;
}) {
  const choices = [
    { value: "keep_stored", label: `Gespeicherten Namen behalten: ${stored}` },
    { value: "use_typed", label: `Namen ändern auf: ${typed.trim()}` },
  ];
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormControl>
            <fieldset className="grid gap-2 rounded-md border border-warning/50 p-3">
              <legend className="px-1 text-sm font-medium">Unter dieser Nummer ist ein anderer Name gespeichert. Welcher soll gelten?</legend>
              {choices.map((choice, i) => (
                <label key={choice.value} className="flex cursor-pointer items-center gap-2 text-sm">
                  <input
                    ref={i === 0 ? field.ref : undefined}
                    type="radio"
                    name={field.name}
                    value={choice.value}
                    checked={field.value === choice.value}
                    onChange={() => field.onChange(choice.value)}
                    onBlur={field.onBlur}
                    className="size-4 accent-primary"
                  />
                  {choice.label}
                </label>
              ))}
              <FormMessage />
            </fieldset>
          </FormControl>
        </FormItem>
      )}
    />
  );
}
