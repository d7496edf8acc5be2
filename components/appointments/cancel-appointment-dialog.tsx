"use client";

import { LoaderCircle, XCircle } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { FormAlert } from "@/components/forms/form-alert";
import { LabeledField } from "@/components/forms/labeled-field";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { cancelParams, type AppointmentDto } from "@/server/services/appointments/schemas";
import { describeAppointment } from "./describe";
import { showServiceErrors } from "./service-errors";
import { useCancelAppointment } from "./use-cancel-appointment";

/** What the field holds, named like appointments.cancel's param. */
const fields = z.object({ reason: z.string() });
type CancelFields = z.input<typeof fields>;

export const cancelSchema = (appointmentId: string) =>
  fields.transform((v): z.input<typeof cancelParams> => ({ appointment_id: appointmentId, reason: v.reason.trim() || undefined })).pipe(cancelParams);

/** "Stornieren": an optional reason, then appointments.cancel; the service's message when it refuses. */
export function CancelAppointmentDialog({ appointment, inList = false }: { appointment: AppointmentDto; /** In a table row the button names the appointment. */ inList?: boolean }) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelAppointment();
  const what = describeAppointment(appointment);

  return (
    <Dialog open={open} onOpenChange={(next) => !cancel.isPending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={inList ? `${what} stornieren` : undefined} title={inList ? "Stornieren" : undefined}>
          <XCircle aria-hidden />
          {/* In a row on narrower screens the icon alone, so the table fits a tablet. */}
          <span className={inList ? "hidden xl:inline" : undefined}>Stornieren</span>
        </Button>
      </DialogTrigger>
      <DialogContent role="alertdialog">
        {/* Mounted with each opening, so the reason and errors start empty. */}
        <CancelAppointmentForm appointment={appointment} what={what} cancel={cancel} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function CancelAppointmentForm({
  appointment,
  what,
  cancel,
  onDone,
}: {
  appointment: AppointmentDto;
  what: string;
  cancel: ReturnType<typeof useCancelAppointment>;
  onDone: () => void;
}) {
  const [schema] = useState(() => cancelSchema(appointment.id));
  const form = useSchemaForm<CancelFields, z.output<typeof cancelParams>>(schema, { reason: "" });

  // The mutation's own onError has shown the toast; the form shows the message as well.
  const submit = form.handleSubmit(async (params) => {
    try {
      await cancel.mutateAsync(params);
      onDone();
    } catch (err) {
      showServiceErrors(form, err);
    }
  });

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate>
        <DialogHeader>
          <DialogTitle>Termin stornieren?</DialogTitle>
          <DialogDescription>{what} wird storniert. Die Kundschaft erhält eine Bestätigung, der Termin wird wieder frei.</DialogDescription>
        </DialogHeader>
        <LabeledField control={form.control} name="reason" label="Grund (optional)" hint="Wird am Termin gespeichert, z. B. „Kundin krank“.">
          {(field) => <Textarea {...field} maxLength={500} rows={3} />}
        </LabeledField>
        <FormAlert message={form.formState.errors.root?.server?.message} />
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline" disabled={cancel.isPending}>
              Zurück
            </Button>
          </DialogClose>
          <Button type="submit" variant="destructive" disabled={cancel.isPending}>
            {cancel.isPending && <LoaderCircle className="animate-spin" aria-hidden />}
            Termin stornieren
          </Button>
        </DialogFooter>
      </form>
    </Form>
  );
}
