"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarPlus, LoaderCircle, Plus } from "lucide-react";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { validateWith } from "@/components/forms/schema-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { bookParams } from "@/server/services/appointments/schemas";
import { describeAppointment } from "./describe";
import { FormAlert } from "@/components/forms/form-alert";
import { berlinDay, germanDay } from "./list-filters";
import { OptionSelect } from "@/components/forms/option-select";
import { servicesOfBranch, staffOf, useAppointmentOptions } from "./options";
import { appErrorCode } from "@/components/forms/trpc-errors";
import { serviceErrors, SLOT_TAKEN } from "./service-errors";
import { SlotPicker } from "./slot-picker";
import { useRefreshAppointments } from "./use-refresh-appointments";

interface Draft {
  branch_id?: string;
  service_id?: string;
  /** undefined: any free staff member ("Beliebig"). */
  staff_id?: string;
  date: string;
  time?: string;
  customer_name: string;
  customer_phone: string;
  notes: string;
}

const emptyDraft = (): Draft => ({ date: berlinDay(), customer_name: "", customer_phone: "", notes: "" });

/** "Termin anlegen": branch, service, staff or any, day, a free time, customer; booked through appointments.book. */
export function CreateAppointmentDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Termin anlegen
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">{open && <CreateAppointmentForm onDone={() => setOpen(false)} />}</DialogContent>
    </Dialog>
  );
}

function CreateAppointmentForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useAppointmentOptions();
  const refresh = useRefreshAppointments();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // One key per opened dialog: a double submit books once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const branchId = draft.branch_id ?? (options.branches.length === 1 ? options.branches[0].id : undefined);
  const services = servicesOfBranch(options.services, branchId);
  const staff = staffOf(options.staff, branchId, draft.service_id);

  const book = useMutation(
    trpc.appointments.book.mutationOptions({
      onSuccess: async (result) => {
        toast.success("Termin gebucht.", { description: describeAppointment(result.appointment) });
        onDone();
        await refresh();
      },
      onError: async (err) => {
        const found = serviceErrors(err);
        setErrors(found);
        if (found._) toast.error(found._);
        if (appErrorCode(err) === SLOT_TAKEN) {
          setDraft((d) => ({ ...d, time: undefined }));
          await queryClient.invalidateQueries(trpc.appointments.checkAvailability.pathFilter());
        }
      },
    }),
  );

  /** A change of branch, service, staff or day makes the chosen time stale. */
  function choose(patch: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...patch, time: "time" in patch ? patch.time : undefined }));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = validateWith(bookParams, {
      branch_id: branchId,
      service_id: draft.service_id,
      staff_id: draft.staff_id,
      date: draft.date,
      time: draft.time ?? "",
      customer_name: draft.customer_name,
      customer_phone: draft.customer_phone,
      notes: draft.notes.trim() || undefined,
      idempotency_key: idempotencyKey,
    });
    // Choices the form asks for itself, in words rather than the params' names.
    const unchosen = {
      ...(branchId ? {} : { branch_id: "Bitte eine Filiale wählen." }),
      ...(draft.service_id ? {} : { service_id: "Bitte eine Leistung wählen." }),
      ...(draft.time ? {} : { time: "Bitte eine freie Uhrzeit wählen." }),
    };
    if ("errors" in checked || Object.keys(unchosen).length > 0) return setErrors({ ...("errors" in checked ? checked.errors : {}), ...unchosen });
    setErrors({});
    book.mutate(checked.data);
  }

  return (
    <form onSubmit={submit} className="grid gap-5" noValidate>
      <DialogHeader>
        <DialogTitle>Termin anlegen</DialogTitle>
        <DialogDescription>Es gelten dieselben Regeln wie am Telefon: nur freie Zeiten innerhalb der Öffnungszeiten.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <OptionSelect
          id="book-branch"
          label="Filiale"
          placeholder="Filiale wählen"
          value={branchId}
          options={options.branches.map((b) => ({ value: b.id, label: b.name }))}
          error={errors.branch_id}
          onChange={(branch_id) => choose({ branch_id, service_id: undefined, staff_id: undefined })}
        />
        <OptionSelect
          id="book-service"
          label="Leistung"
          placeholder="Leistung wählen"
          value={draft.service_id}
          options={services.map((s) => ({ value: s.id, label: `${s.name} (${s.duration_minutes} Min.)` }))}
          error={errors.service_id}
          disabled={!branchId}
          onChange={(service_id) => choose({ service_id, staff_id: undefined })}
        />
        <OptionSelect
          id="book-staff"
          label="Mitarbeiter"
          value={draft.staff_id}
          noneLabel="Beliebig"
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
          error={errors.staff_id}
          disabled={!draft.service_id}
          onChange={(staff_id) => choose({ staff_id })}
        />
        <FormField
          id="book-date"
          label="Datum"
          hint={germanDay(draft.date)}
          error={errors.date}
          control={(props) => <Input {...props} type="date" value={draft.date} min={berlinDay()} onChange={(e) => choose({ date: e.target.value })} />}
        />
      </div>
      <SlotPicker
        id="book-time"
        query={{ branchId, serviceId: draft.service_id, staffId: draft.staff_id, date: draft.date }}
        value={draft.time}
        error={errors.time}
        onChange={(time) => choose({ time })}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="book-name"
          label="Name der Kundschaft"
          error={errors.customer_name}
          control={(props) => <Input {...props} value={draft.customer_name} onChange={(e) => setDraft({ ...draft, customer_name: e.target.value })} maxLength={200} autoComplete="off" />}
        />
        <FormField
          id="book-phone"
          label="Telefonnummer"
          hint="In jeder Schreibweise, z. B. 0171 1234567"
          error={errors.customer_phone}
          control={(props) => <Input {...props} type="tel" value={draft.customer_phone} onChange={(e) => setDraft({ ...draft, customer_phone: e.target.value })} maxLength={40} autoComplete="off" />}
        />
      </div>
      <FormField
        id="book-notes"
        label="Notizen (optional)"
        error={errors.notes}
        control={(props) => <Textarea {...props} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} maxLength={2000} rows={2} />}
      />
      <FormAlert message={errors._} />
      <DialogFooter>
        <Button type="submit" disabled={book.isPending}>
          {book.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <CalendarPlus aria-hidden />}
          Termin buchen
        </Button>
      </DialogFooter>
    </form>
  );
}
