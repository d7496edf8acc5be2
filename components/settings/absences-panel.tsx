"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { germanDay } from "@/components/appointments/list-filters";
import { formatDate, formatDateTime, formatTime } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/sonner";
import { addAbsenceParams, type AbsenceDto, type StaffDto } from "@/server/services/staff/schemas";
import { SaveButton } from "./save-button";
import { useFieldErrors } from "./use-field-errors";

/** "11.03.2026 – 13.03.2026" for whole days (the end is the next midnight), else with times. */
function describeSpan(a: AbsenceDto): string {
  const wholeDays = formatTime(a.starts_at) === "00:00" && formatTime(a.ends_at) === "00:00";
  if (!wholeDays) return `${formatDateTime(a.starts_at)} – ${formatDateTime(a.ends_at)}`;
  const lastDay = formatDate(new Date(a.ends_at).getTime() - 1);
  const first = formatDate(a.starts_at);
  return first === lastDay ? first : `${first} – ${lastDay}`;
}

/** A person's current and coming absences (holiday, sickness): listed, added as whole days, removed. */
export function AbsencesPanel({ person }: { person: StaffDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.staff.listAbsences.queryOptions({ staff_id: person.id });
  const { data, isPending } = useQuery(listKey);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const { errors, check, onError } = useFieldErrors();
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey.queryKey });

  const add = useMutation(
    trpc.staff.addAbsence.mutationOptions({
      onSuccess: async ({ absence }) => {
        toast.success(`Abwesenheit ${describeSpan(absence)} eingetragen.`);
        setFrom("");
        setTo("");
        setReason("");
        await refresh();
      },
      onError,
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

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = check(addAbsenceParams, { staff_id: person.id, from_date: from, to_date: to || from, reason });
    if (input) add.mutate(input);
  }

  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Abwesenheiten von {person.name}</DialogTitle>
        <DialogDescription>In dieser Zeit vergibt der Kalender keine Termine an {person.name}.</DialogDescription>
      </DialogHeader>
      {isPending ? (
        <Skeleton className="h-9 w-full" />
      ) : data?.absences.length ? (
        <ul className="divide-y rounded-md border" aria-label="Eingetragene Abwesenheiten">
          {data.absences.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="tabular font-medium">{describeSpan(a)}</span>
                {a.reason && <span className="text-muted-foreground"> · {a.reason}</span>}
              </span>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ absence_id: a.id })}
                aria-label={`Abwesenheit ${describeSpan(a)} entfernen`}
              >
                <Trash2 aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">Keine Abwesenheiten eingetragen.</p>
      )}
      <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Abwesenheit eintragen">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="absence-from"
            label="Von"
            hint={germanDay(from)}
            error={errors.from_date}
            control={(p) => <Input {...p} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
          />
          <FormField
            id="absence-to"
            label="Bis einschließlich"
            hint={germanDay(to) ?? "Leer: nur der eine Tag."}
            error={to === "" && from === "" ? undefined : errors.to_date}
            control={(p) => <Input {...p} type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />}
          />
        </div>
        <FormField
          id="absence-reason"
          label="Grund (optional)"
          error={errors.reason}
          control={(p) => <Input {...p} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder="z. B. Urlaub" />}
        />
        <div>
          <SaveButton pending={add.isPending}>Eintragen</SaveButton>
        </div>
      </form>
    </div>
  );
}
