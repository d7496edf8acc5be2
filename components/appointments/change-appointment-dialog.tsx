"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarClock } from "lucide-react";
import { useState } from "react";
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
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { changeParams, type AppointmentDto, type getResult } from "@/server/services/appointments/schemas";
import { refuseUnchosen } from "./choices";
import { describeAppointment, movedToast } from "./describe";
import { berlinDay } from "./list-filters";
import { staffOf, useAppointmentOptions } from "./options";
import { showServiceErrors, SLOT_TAKEN } from "./service-errors";
import { SlotPickerField } from "./slot-picker";
import { useRefreshAppointments } from "./use-refresh-appointments";

/** What the fields hold, named like appointments.change's params; staff "" keeps the staff member as before. */
const fields = z.object({
  new_date: dayField(),
  staff_id: z.string(),
  new_time: z.string(),
  reason: z.string(),
});
type ChangeFields = z.input<typeof fields>;

/** The fields → appointments.change's params; a time not yet chosen is the form's own error. */
export const changeSchema = (appointmentId: string) =>
  fields
    .transform((v, ctx): z.input<typeof changeParams> => {
      const params = {
        appointment_id: appointmentId,
        new_date: v.new_date,
        new_time: v.new_time,
        staff_id: v.staff_id || undefined,
        reason: v.reason.trim() || undefined,
      };
      const unchosen: Record<string, string> = v.new_time ? {} : { new_time: "Bitte eine freie Uhrzeit wählen." };
      return refuseUnchosen(ctx, unchosen, changeParams, params) ? z.NEVER : params;
    })
    .pipe(changeParams);

/** "Verschieben": a new day and free time (same staff member unless another is chosen), through appointments.change. */
export function ChangeAppointmentDialog({ appointment }: { appointment: AppointmentDto }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <CalendarClock aria-hidden /> Verschieben
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        {open && <ChangeAppointmentForm appointment={appointment} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function ChangeAppointmentForm({ appointment, onDone }: { appointment: AppointmentDto; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useAppointmentOptions();
  const refresh = useRefreshAppointments();
  const [schema] = useState(() => changeSchema(appointment.id));
  const form = useSchemaForm<ChangeFields, z.output<typeof changeParams>>(schema, { new_date: berlinDay(appointment.starts_at), staff_id: "", new_time: "", reason: "" });
  const [date, staffId] = useWatch({ control: form.control, name: ["new_date", "staff_id"] });
  const others = staffOf(options.staff, appointment.branch_id, appointment.service_id).filter((s) => s.id !== appointment.staff_id);

  const change = useMutation(
    trpc.appointments.change.mutationOptions({
      onSuccess: async (result) => {
        toast.success(...movedToast(result.appointment));
        const detailKey = trpc.appointments.get.queryKey({ appointment_id: appointment.id });
        queryClient.setQueryData(detailKey, (old: z.output<typeof getResult> | undefined) => old && { ...old, appointment: result.appointment });
        onDone();
        await refresh(appointment.id);
      },
      onError: async (err) => {
        const message = showServiceErrors(form, err);
        if (message) toast.error(message);
        if (appErrorCode(err) === SLOT_TAKEN) {
          form.setValue("new_time", "");
          await queryClient.invalidateQueries(trpc.appointments.checkAvailability.pathFilter());
        }
      },
    }),
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((params) => change.mutate(params))} className="grid gap-5" noValidate>
        <DialogHeader>
          <DialogTitle>Termin verschieben</DialogTitle>
          <DialogDescription>
            {describeAppointment(appointment)} bei {appointment.staff}. Die Kundschaft erhält eine Bestätigung der neuen Zeit.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 sm:grid-cols-2">
          <DateField<ChangeFields, "new_date"> name="new_date" label="Neues Datum" onApplied={() => form.setValue("new_time", "")} />
          <OptionFormField
            control={form.control}
            name="staff_id"
            label="Mitarbeitende"
            noneLabel={appointment.staff_id ? `Wie bisher (${appointment.staff})` : "Beliebig"}
            options={others.map((s) => ({ value: s.id, label: s.name }))}
            onChosen={() => form.setValue("new_time", "")}
          />
        </div>
        <SlotPickerField
          control={form.control}
          name="new_time"
          query={{ branchId: appointment.branch_id, serviceId: appointment.service_id, staffId: staffId || appointment.staff_id || undefined, date: isDay(date) ? date : undefined }}
        />
        <LabeledField control={form.control} name="reason" label="Grund (optional)">
          {(field) => <Textarea {...field} maxLength={500} rows={2} />}
        </LabeledField>
        <FormAlert message={form.formState.errors.root?.server?.message} />
        <DialogFooter>
          <PendingButton type="submit" pending={change.isPending} icon={<CalendarClock aria-hidden />}>
            Termin verschieben
          </PendingButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
