"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarPlus, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { DateField } from "@/components/forms/date-input";
import { FormAlert } from "@/components/forms/form-alert";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { appErrorCode } from "@/components/forms/trpc-errors";
import { dayField, isDay } from "@/components/forms/typed-date";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { bookParams, sameName, type AppointmentDto } from "@/server/services/appointments/schemas";
import { refuseUnchosen } from "./choices";
import { CustomerSummary, NAME_CHOICE_MESSAGE, NameChoiceField, useCustomerLookup } from "./customer-lookup";
import { describeAppointment, shortWhen } from "./describe";
import { berlinDay } from "./list-filters";
import { servicesOfBranch, staffOf, useAppointmentOptions } from "./options";
import { showServiceErrors, SLOT_TAKEN } from "./service-errors";
import { SlotPickerField } from "./slot-picker";
import { useRefreshAppointments } from "./use-refresh-appointments";

/**
 * What the fields hold, named like appointments.book's params; "" is no choice (staff: any free
 * one, "Beliebig"). `stored_name` is the name the looked-up number has (not a field anybody
 * types); `customer_name_policy` the choice shown when the typed name differs from it.
 */
const fields = z.object({
  branch_id: z.string(),
  service_id: z.string(),
  staff_id: z.string(),
  date: dayField(),
  time: z.string(),
  customer_name: z.string(),
  customer_phone: z.string(),
  stored_name: z.string(),
  customer_name_policy: z.enum(["", "keep_stored", "use_typed"]),
  notes: z.string(),
});
export type BookFields = z.input<typeof fields>;

/** The fields → appointments.book's params; the choices still open are the form's own errors, in words rather than the params' names. */
export const bookSchema = (idempotencyKey: string) =>
  fields
    .transform((v, ctx): z.input<typeof bookParams> => {
      const params = {
        branch_id: v.branch_id || undefined,
        service_id: v.service_id || undefined,
        staff_id: v.staff_id || undefined,
        date: v.date,
        time: v.time,
        customer_name: v.customer_name,
        customer_phone: v.customer_phone,
        // Names that differ go by the choice made; unchosen (the number's look-up still under way)
        // the service refuses a different stored name instead of keeping it silently.
        customer_name_policy: v.customer_name_policy || ("ask" as const),
        notes: v.notes.trim() || undefined,
        idempotency_key: idempotencyKey,
      };
      const namesDiffer = v.stored_name !== "" && v.customer_name.trim() !== "" && !sameName(v.stored_name, v.customer_name);
      const unchosen = {
        ...(v.branch_id ? {} : { branch_id: "Bitte eine Filiale wählen." }),
        ...(v.service_id ? {} : { service_id: "Bitte eine Leistung wählen." }),
        ...(v.time ? {} : { time: "Bitte eine freie Uhrzeit wählen." }),
        ...(namesDiffer && !v.customer_name_policy ? { customer_name_policy: NAME_CHOICE_MESSAGE } : {}),
      };
      return refuseUnchosen(ctx, unchosen, bookParams, params) ? z.NEVER : params;
    })
    .pipe(bookParams);

const emptyFields = (): BookFields => ({
  branch_id: "",
  service_id: "",
  staff_id: "",
  date: berlinDay(),
  time: "",
  customer_name: "",
  customer_phone: "",
  stored_name: "",
  customer_name_policy: "",
  notes: "",
});

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

/**
 * The booking form; `prefill` comes from a free cell of the Kalender (branch, staff, day and time
 * chosen already) or from a callback (what the caller said). `onBooked` runs before the dialog closes.
 */
export function CreateAppointmentForm({
  onDone,
  onBooked,
  prefill,
}: {
  onDone: () => void;
  onBooked?: (appointment: AppointmentDto) => Promise<void> | void;
  prefill?: Partial<BookFields>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useAppointmentOptions();
  const refresh = useRefreshAppointments();
  const router = useRouter();
  // One key per opened dialog: a double submit books once.
  const [schema] = useState(() => bookSchema(crypto.randomUUID()));
  const form = useSchemaForm<BookFields, z.output<typeof bookParams>>(schema, { ...emptyFields(), ...prefill });
  const [branchId, serviceId, staffId, date, phone, typedName] = useWatch({
    control: form.control,
    name: ["branch_id", "service_id", "staff_id", "date", "customer_phone", "customer_name"],
  });
  const lookup = useCustomerLookup(phone);
  const storedName = lookup.customer?.name ?? "";
  // The looked-up name: filled in when none is typed yet, else the reference for the choice.
  useEffect(() => {
    form.setValue("stored_name", storedName);
    form.setValue("customer_name_policy", "");
    if (storedName && !form.getValues("customer_name").trim()) form.setValue("customer_name", storedName);
  }, [storedName, form]);
  const namesDiffer = storedName !== "" && typedName.trim() !== "" && !sameName(storedName, typedName);

  // A company with one branch has it chosen already, as soon as the branches are loaded.
  const onlyBranch = options.branches.length === 1 ? options.branches[0].id : "";
  useEffect(() => {
    if (onlyBranch && !form.getValues("branch_id")) form.setValue("branch_id", onlyBranch);
  }, [onlyBranch, form]);

  const services = servicesOfBranch(options.services, branchId || undefined);
  const staff = staffOf(options.staff, branchId || undefined, serviceId || undefined);

  const book = useMutation(
    trpc.appointments.book.mutationOptions({
      onSuccess: async (result) => {
        const booked = result.appointment;
        toast.success(`Termin gebucht: ${shortWhen(booked)}`, {
          description: describeAppointment(booked),
          // The list may show another range (14 days by default): the new appointment is one click away.
          action: { label: "Anzeigen", onClick: () => router.push(`/termine/${booked.id}`) },
          duration: 10_000,
        });
        await onBooked?.(booked);
        onDone();
        await refresh();
      },
      onError: async (err) => {
        const message = showServiceErrors(form, err);
        if (message) toast.error(message);
        if (appErrorCode(err) === SLOT_TAKEN) {
          form.setValue("time", "");
          await queryClient.invalidateQueries(trpc.appointments.checkAvailability.pathFilter());
        }
      },
    }),
  );

  /** A change of branch, service, staff or day makes the chosen time (and what depends on it) stale. */
  const clear = (...names: Array<"service_id" | "staff_id" | "time">) => names.forEach((name) => form.setValue(name, ""));

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((params) => book.mutate(params))} className="grid gap-5" noValidate>
        <DialogHeader>
          <DialogTitle>Termin anlegen</DialogTitle>
          <DialogDescription>Es gelten dieselben Regeln wie am Telefon: nur freie Zeiten innerhalb der Öffnungszeiten.</DialogDescription>
        </DialogHeader>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <OptionFormField
            control={form.control}
            name="branch_id"
            label="Filiale"
            placeholder="Filiale wählen"
            options={options.branches.map((b) => ({ value: b.id, label: b.name }))}
            onChosen={() => clear("service_id", "staff_id", "time")}
          />
          <OptionFormField
            control={form.control}
            name="service_id"
            label="Leistung"
            placeholder="Leistung wählen"
            options={services.map((s) => ({ value: s.id, label: `${s.name} (${s.duration_minutes} Min.)` }))}
            disabled={!branchId}
            onChosen={(service) => {
              // A staff member who offers the service stays chosen; a time from the Kalender's cell stays too.
              const offered = staffOf(options.staff, form.getValues("branch_id") || undefined, service).some((s) => s.id === form.getValues("staff_id"));
              clear(...(offered ? [] : (["staff_id"] as const)), ...(prefill?.time ? [] : (["time"] as const)));
            }}
          />
          <OptionFormField
            control={form.control}
            name="staff_id"
            label="Mitarbeitende"
            noneLabel="Beliebig"
            options={staff.map((s) => ({ value: s.id, label: s.name }))}
            disabled={!serviceId}
            onChosen={() => clear("time")}
          />
          <DateField<BookFields, "date"> name="date" label="Datum" onApplied={() => clear("time")} />
        </div>
        <SlotPickerField control={form.control} name="time" query={{ branchId, serviceId, staffId, date: isDay(date) ? date : undefined }} />
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <LabeledField control={form.control} name="customer_phone" label="Telefonnummer" hint="In jeder Schreibweise, z. B. 0171 1234567">
            {(field) => <Input {...field} type="tel" maxLength={40} autoComplete="off" />}
          </LabeledField>
          <LabeledField control={form.control} name="customer_name" label="Name der Kundschaft">
            {(field) => <Input {...field} maxLength={200} autoComplete="off" />}
          </LabeledField>
        </div>
        <CustomerSummary customer={lookup.customer} searching={lookup.searching} />
        {namesDiffer && <NameChoiceField control={form.control} name="customer_name_policy" stored={storedName} typed={typedName} />}
        <LabeledField control={form.control} name="notes" label="Notizen (optional)">
          {(field) => <Textarea {...field} maxLength={2000} rows={2} />}
        </LabeledField>
        <FormAlert message={form.formState.errors.root?.server?.message} />
        <DialogFooter>
          <PendingButton type="submit" pending={book.isPending} icon={<CalendarPlus aria-hidden />}>
            Termin buchen
          </PendingButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
