"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/forms/form-alert";
import { EditDialog } from "@/components/forms/edit-dialog";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { updateParams, type AppointmentDto, type getResult } from "@/server/services/appointments/schemas";
import { describeAppointment } from "./describe";
import { servicesOfBranch, staffOf, useAppointmentOptions } from "./options";
import { showServiceErrors } from "./service-errors";
import { useRefreshAppointments } from "./use-refresh-appointments";

/** What the fields hold, named like appointments.update's params. */
const fields = z.object({ service_id: z.string(), staff_id: z.string(), notes: z.string(), customer_name: z.string(), customer_phone: z.string() });
type EditFields = z.input<typeof fields>;

/** Only what changed goes to appointments.update, so an unchanged service or staff member is not checked again. */
export const editSchema = (a: AppointmentDto) =>
  fields
    .transform((v): z.input<typeof updateParams> => ({
      appointment_id: a.id,
      ...(v.service_id && v.service_id !== a.service_id ? { service_id: v.service_id } : {}),
      ...(v.staff_id && v.staff_id !== a.staff_id ? { staff_id: v.staff_id } : {}),
      ...(v.notes.trim() !== (a.notes ?? "") ? { notes: v.notes } : {}),
      ...(v.customer_name.trim() !== (a.customer_name ?? "") ? { customer_name: v.customer_name } : {}),
      ...(v.customer_phone.trim() !== a.customer_phone ? { customer_phone: v.customer_phone } : {}),
    }))
    .pipe(updateParams);

/** Whether service and staff may still change: a coming, planned appointment. */
export function canReassign(a: AppointmentDto, now = Date.now()): boolean {
  return a.status === "scheduled" && new Date(a.starts_at).getTime() > now;
}

/** "Bearbeiten": service, staff member, notes and customer; a new service or staff member is checked like a booking. */
export function EditAppointmentDialog({ appointment }: { appointment: AppointmentDto }) {
  return <EditDialog width="sm:max-w-2xl">{(close) => <EditAppointmentForm appointment={appointment} onDone={close} />}</EditDialog>;
}

function EditAppointmentForm({ appointment: a, onDone }: { appointment: AppointmentDto; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useAppointmentOptions();
  const refresh = useRefreshAppointments();
  const [reassign] = useState(() => canReassign(a));
  const [schema] = useState(() => editSchema(a));
  const form = useSchemaForm<EditFields, z.output<typeof updateParams>>(schema, {
    service_id: a.service_id,
    staff_id: a.staff_id ?? "",
    notes: a.notes ?? "",
    customer_name: a.customer_name ?? "",
    customer_phone: a.customer_phone,
  });
  const serviceId = useWatch({ control: form.control, name: "service_id" });
  const services = servicesOfBranch(options.services, a.branch_id);
  const staff = staffOf(options.staff, a.branch_id, serviceId || a.service_id);

  const update = useMutation(
    trpc.appointments.update.mutationOptions({
      onSuccess: async (result) => {
        toast.success("Termin gespeichert.");
        const detailKey = trpc.appointments.get.queryKey({ appointment_id: a.id });
        queryClient.setQueryData(detailKey, (old: z.output<typeof getResult> | undefined) => old && { ...old, appointment: result.appointment });
        onDone();
        await refresh(a.id);
      },
      onError: (err) => {
        const message = showServiceErrors(form, err);
        if (message) toast.error(message);
      },
    }),
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((params) => update.mutate(params))} className="grid gap-5" noValidate aria-label="Termin bearbeiten">
        <DialogHeader>
          <DialogTitle>Termin bearbeiten</DialogTitle>
          <DialogDescription>
            {describeAppointment(a)}.{" "}
            {reassign
              ? "Eine andere Leistung oder Person wird zur selben Uhrzeit auf Verfügbarkeit geprüft."
              : "Leistung und Mitarbeitende lassen sich nur bei kommenden, geplanten Terminen ändern."}
          </DialogDescription>
        </DialogHeader>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <OptionFormField
            control={form.control}
            name="service_id"
            label="Leistung"
            disabled={!reassign}
            options={services.map((s) => ({ value: s.id, label: s.name }))}
            onChosen={(id) => {
              // A staff member who does not offer the new service cannot stay.
              if (!staffOf(options.staff, a.branch_id, id).some((s) => s.id === form.getValues("staff_id"))) form.setValue("staff_id", "");
            }}
          />
          <OptionFormField
            control={form.control}
            name="staff_id"
            label="Mitarbeitende"
            disabled={!reassign}
            noneLabel={a.staff_id ? undefined : "Beliebig"}
            placeholder="Bitte wählen"
            options={staff.map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <LabeledField control={form.control} name="customer_name" label="Name der Kundschaft">
            {(field) => <Input {...field} maxLength={200} autoComplete="off" />}
          </LabeledField>
          <LabeledField control={form.control} name="customer_phone" label="Telefon" hint="Eine andere Nummer ordnet den Termin dieser Kundschaft zu.">
            {(field) => <Input {...field} type="tel" maxLength={40} autoComplete="off" />}
          </LabeledField>
        </div>
        <LabeledField control={form.control} name="notes" label="Notizen">
          {(field) => <Textarea {...field} maxLength={2000} rows={3} />}
        </LabeledField>
        <FormAlert message={form.formState.errors.root?.server?.message} />
        <DialogFooter>
          <PendingButton type="submit" pending={update.isPending} icon={<Pencil aria-hidden />}>
            Speichern
          </PendingButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
