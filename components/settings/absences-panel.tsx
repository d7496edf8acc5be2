"use client";

import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { DateField } from "@/components/forms/date-input";
import { formatDate, formatDateTime, formatTime } from "@/components/forms/format";
import { LabeledField } from "@/components/forms/labeled-field";
import { toastError } from "@/components/forms/trpc-errors";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import type { AbsenceDto, StaffDto } from "@/server/services/staff/schemas";
import { AbsenceConflicts } from "./absence-conflicts";
import { absenceSchema, EMPTY_ABSENCE, type AbsenceFields } from "./absence-fields";
import { DatedEntryList } from "./dated-entry-list";
import { SaveButton } from "./save-button";

/** "11.03.2026 – 13.03.2026" for whole days (the end is the next midnight), else with times. */
function describeSpan(a: AbsenceDto): string {
  const wholeDays = formatTime(a.starts_at) === "00:00" && formatTime(a.ends_at) === "00:00";
  if (!wholeDays) return `${formatDateTime(a.starts_at)} – ${formatDateTime(a.ends_at)}`;
  const lastDay = formatDate(new Date(a.ends_at).getTime() - 1);
  const first = formatDate(a.starts_at);
  return first === lastDay ? first : `${first} – ${lastDay}`;
}

/**
 * A person's absences (holiday, sickness, a doctor's appointment): listed (ended ones greyed),
 * added as whole days or with times, removed. Booked appointments inside an absence are
 * named before saving and, once saved, listed with Verschieben and Stornieren.
 */
export function AbsencesPanel({ person }: { person: StaffDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.staff.listAbsences.queryOptions({ staff_id: person.id });
  const { data, isPending } = useQuery(listKey);
  const [schema] = useState(() => absenceSchema(person.id));
  const form = useSchemaForm<AbsenceFields, z.output<typeof schema>>(schema, EMPTY_ABSENCE);
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey.queryKey });

  const add = useMutation(
    trpc.staff.addAbsence.mutationOptions({
      onSuccess: async ({ absence, merged, conflicts }) => {
        const joined = merged > 0 ? ` (mit ${merged === 1 ? "einer überlappenden Abwesenheit" : `${merged} überlappenden Abwesenheiten`} zusammengeführt)` : "";
        toast.success(`Abwesenheit ${describeSpan(absence)} eingetragen${joined}.`);
        if (conflicts.length > 0) toast.warning(`${conflicts.length === 1 ? "Ein gebuchter Termin fällt" : `${conflicts.length} gebuchte Termine fallen`} in diese Zeit.`);
        form.reset(EMPTY_ABSENCE);
        await refresh();
      },
      onError: serverErrorsTo(form),
    }),
  );
  const remove = useMutation(
    trpc.staff.removeAbsence.mutationOptions({
      onSuccess: async () => {
        toast.success("Die Abwesenheit wurde entfernt.");
        await refresh();
      },
      onError: toastError,
    }),
  );

  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Abwesenheiten von {person.name}</DialogTitle>
        <DialogDescription>In dieser Zeit vergibt der Kalender keine Termine an {person.name}.</DialogDescription>
      </DialogHeader>
      <DatedEntryList
        entries={data?.absences.map((a) => ({ id: a.id, label: describeSpan(a), reason: a.reason, past: a.past }))}
        pending={isPending}
        noun="Abwesenheit"
        listLabel="Eingetragene Abwesenheiten"
        emptyText="Keine Abwesenheiten eingetragen."
        removing={remove.isPending}
        onRemove={(id) => remove.mutate({ absence_id: id })}
      />
      {data?.absences
        .filter((a) => !a.past)
        .map((a) => (
          <AbsenceConflicts key={a.id} absenceId={a.id} personName={person.name} />
        ))}
      <Form {...form}>
        <form onSubmit={form.handleSubmit((input) => add.mutate(input))} className="grid gap-4" noValidate aria-label="Abwesenheit eintragen">
          <div className="grid items-start gap-4 sm:grid-cols-2">
            {/* After a failed submit a change of the start re-checks the end (order, past) too. */}
            <DateField<AbsenceFields, "from_date"> name="from_date" label="Von" rules={{ deps: ["to_date"] }} />
            <DateField<AbsenceFields, "to_date"> name="to_date" label="Bis einschließlich" hint="Leer: nur der eine Tag." rules={{ deps: ["from_date"] }} />
          </div>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <LabeledField control={form.control} name="from_time" label="Ab Uhrzeit (optional)" hint="Leer: ab Tagesbeginn.">
              {(field) => <Input {...field} type="time" step={900} />}
            </LabeledField>
            <LabeledField control={form.control} name="to_time" label="Bis Uhrzeit (optional)" hint="Leer: bis Tagesende. Z. B. 13:00 für einen halben Tag.">
              {(field) => <Input {...field} type="time" step={900} />}
            </LabeledField>
          </div>
          <PlannedConflicts schema={schema} />
          <LabeledField control={form.control} name="reason" label="Grund (optional)">
            {(field) => <Input {...field} maxLength={200} placeholder="z. B. Urlaub" />}
          </LabeledField>
          <div>
            <SaveButton pending={add.isPending}>Eintragen</SaveButton>
          </div>
        </form>
      </Form>
    </div>
  );
}

/** Before saving: the booked appointments the typed range would hit (a warning, saving stays possible). */
function PlannedConflicts({ schema }: { schema: ReturnType<typeof absenceSchema> }) {
  const trpc = useTRPC();
  const values = useWatch<AbsenceFields>() as AbsenceFields;
  const parsed = schema.safeParse(values);
  const preview = useQuery(trpc.staff.absenceConflicts.queryOptions(parsed.success ? parsed.data : skipToken));
  const rows = preview.data?.conflicts ?? [];
  if (!parsed.success || rows.length === 0) return null;
  return (
    <p role="status" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm" data-testid="planned-conflicts">
      Achtung: In diesem Zeitraum {rows.length === 1 ? "ist 1 Termin" : `sind ${rows.length} Termine`} gebucht (
      {rows
        .slice(0, 3)
        .map((r) => `${r.date} ${r.time} Uhr`)
        .join(", ")}
      {rows.length > 3 ? " …" : ""}). Nach dem Eintragen lassen sie sich hier verschieben oder stornieren.
    </p>
  );
}
