"use client";

import { CreateAppointmentForm } from "@/components/appointments/create-appointment-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";

export interface BookPrefill {
  branch_id: string;
  staff_id: string;
  date: string;
  /** "" from the week view: a time is still to be chosen. */
  time: string;
}

/** "Termin anlegen" opened from a free cell: the usual booking form with branch, staff, day and time chosen. */
export function BookDialog({ prefill, onClose }: { prefill: BookPrefill | null; onClose: () => void }) {
  return (
    <Dialog open={prefill !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">{prefill && <CreateAppointmentForm prefill={prefill} onDone={onClose} />}</DialogContent>
    </Dialog>
  );
}
