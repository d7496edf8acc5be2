"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { DateField } from "@/components/forms/date-input";
import { LabeledField } from "@/components/forms/labeled-field";
import { toastError } from "@/components/forms/trpc-errors";
import { germanDate, weekdayDate } from "@/components/forms/typed-date";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import type { Branch, SpecialDayDto } from "@/server/services/branch/schemas";
import { DatedEntryList } from "./dated-entry-list";
import { SaveButton } from "./save-button";
import { EMPTY_SPECIAL_DAY, specialDaySchema, type SpecialDayFields } from "./special-day-fields";

/** "Do., 24.12.2026: geschlossen (Heiligabend)" / "Do., 31.12.2026: 10:00–14:00 Uhr (Silvester)". */
function describeDay(d: SpecialDayDto): string {
  const what = d.closed ? "geschlossen" : `${d.hours.map((h) => `${h.open}–${h.close}`).join(", ")} Uhr`;
  return `${weekdayDate(d.date) ?? germanDate(d.date)}: ${what}${d.reason ? ` (${d.reason})` : ""}`;
}

/**
 * Sondertage of a branch: closures (24.12., Betriebsurlaub) and days with other hours. They
 * replace the weekly hours on their date for the calendar and the phone assistant.
 */
export function BranchSpecialDays({ branch }: { branch: Branch }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.branch.listSpecialDays.queryOptions({ branch_id: branch.id });
  const { data, isPending } = useQuery(listKey);
  const [schema] = useState(() => specialDaySchema(branch.id));
  const form = useSchemaForm<SpecialDayFields, z.output<typeof schema>>(schema, EMPTY_SPECIAL_DAY);
  const closed = useWatch({ control: form.control, name: "closed" });
  const refresh = () => queryClient.invalidateQueries(trpc.branch.listSpecialDays.pathFilter());

  const save = useMutation(
    trpc.branch.setSpecialDay.mutationOptions({
      onSuccess: async ({ special_day }) => {
        toast.success(`Sondertag ${describeDay(special_day)} gespeichert.`);
        form.reset(EMPTY_SPECIAL_DAY);
        await refresh();
      },
      onError: serverErrorsTo(form),
    }),
  );
  const remove = useMutation(
    trpc.branch.removeSpecialDay.mutationOptions({
      onSuccess: async () => {
        toast.success("Der Sondertag wurde entfernt.");
        await refresh();
      },
      onError: toastError,
    }),
  );

  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Sondertage von {branch.name}</DialogTitle>
        <DialogDescription>Schließtage und besondere Öffnungszeiten ersetzen an ihrem Datum die normalen Öffnungszeiten – für den Kalender und den Telefonassistenten.</DialogDescription>
      </DialogHeader>
      <DatedEntryList
        entries={data?.special_days.map((d) => ({ id: d.id, label: describeDay(d), past: d.past }))}
        pending={isPending}
        noun="Sondertag"
        listLabel="Eingetragene Sondertage"
        emptyText="Keine Sondertage eingetragen."
        removing={remove.isPending}
        onRemove={(id) => remove.mutate({ special_day_id: id })}
      />
      <Form {...form}>
        <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="grid gap-4" noValidate aria-label="Sondertag eintragen">
          <DateField<SpecialDayFields, "date"> name="date" label="Datum" hint="Ein vorhandener Sondertag an diesem Datum wird ersetzt." />
          <CheckboxFormField control={form.control} name="closed" label="Ganztägig geschlossen" hint="Ohne Haken: nur zu den angegebenen Zeiten geöffnet." />
          {!closed && (
            <div className="grid items-start gap-4 sm:grid-cols-2">
              <LabeledField control={form.control} name="open" label="Öffnet um">
                {(field) => <Input {...field} type="time" step={900} />}
              </LabeledField>
              <LabeledField control={form.control} name="close" label="Schließt um">
                {(field) => <Input {...field} type="time" step={900} />}
              </LabeledField>
            </div>
          )}
          <LabeledField control={form.control} name="reason" label="Grund (optional)">
            {(field) => <Input {...field} maxLength={200} placeholder="z. B. Heiligabend, Betriebsurlaub" />}
          </LabeledField>
          <div>
            <SaveButton pending={save.isPending}>Eintragen</SaveButton>
          </div>
        </form>
      </Form>
    </div>
  );
}
