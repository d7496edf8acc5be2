"use client";

import { LoaderCircle, XCircle } from "lucide-react";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { validateWith } from "@/components/forms/schema-errors";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";
import { cancelParams, type AppointmentDto } from "@/server/services/appointments/schemas";
import { describeAppointment } from "./describe";
import { FormAlert } from "@/components/forms/form-alert";
import { serviceErrors } from "./service-errors";
import { useCancelAppointment } from "./use-cancel-appointment";

/** "Stornieren": an optional reason, then appointments.cancel; the service's message when it refuses. */
export function CancelAppointmentDialog({ appointment, inList = false }: { appointment: AppointmentDto; /** In a table row the button names the appointment. */ inList?: boolean }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const cancel = useCancelAppointment();
  const what = describeAppointment(appointment);

  function onOpenChange(next: boolean) {
    if (cancel.isPending) return;
    setOpen(next);
    if (next) {
      setReason("");
      setErrors({});
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = validateWith(cancelParams, { appointment_id: appointment.id, reason: reason.trim() || undefined });
    if ("errors" in checked) return setErrors(checked.errors);
    try {
      await cancel.mutateAsync(checked.data);
      setOpen(false);
    } catch (err) {
      setErrors(serviceErrors(err));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={inList ? `${what} stornieren` : undefined} title={inList ? "Stornieren" : undefined}>
          <XCircle aria-hidden />
          {/* In a row on narrower screens the icon alone, so the table fits a tablet. */}
          <span className={inList ? "hidden xl:inline" : undefined}>Stornieren</span>
        </Button>
      </DialogTrigger>
      <DialogContent role="alertdialog">
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Termin stornieren?</DialogTitle>
            <DialogDescription>{what} wird storniert. Die Kundschaft erhält eine Bestätigung, der Termin wird wieder frei.</DialogDescription>
          </DialogHeader>
          <FormField
            id="cancel-reason"
            label="Grund (optional)"
            hint="Wird am Termin gespeichert, z. B. „Kundin krank“."
            error={errors.reason}
            control={(props) => <Textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />}
          />
          <FormAlert message={errors._} />
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
      </DialogContent>
    </Dialog>
  );
}
