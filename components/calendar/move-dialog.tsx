"use client";

import { useMutation } from "@tanstack/react-query";
import { CalendarClock } from "lucide-react";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { PendingButton } from "@/components/forms/pending-button";
import { errorMessage } from "@/components/forms/trpc-errors";
import { movedToast } from "@/components/appointments/describe";
import { useRefreshAppointments } from "@/components/appointments/use-refresh-appointments";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/sonner";
import { shortDayLabel } from "./calendar-url";
import type { CalendarAppointment } from "./grid-math";

export interface PendingMove {
  appointment: CalendarAppointment;
  /** null: keep it without a staff member (the service picks a free one). */
  staffId: string | null;
  staffName: string;
  date: string;
  time: string;
}

/** The question after a drop; on "Verschieben" appointments.change with the same rules as on the phone, its message when it refuses. */
export function MoveDialog({ move, onClose }: { move: PendingMove | null; onClose: () => void }) {
  return (
    <Dialog open={move !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent role="alertdialog">{move && <MoveQuestion key={`${move.appointment.id}-${move.staffId}-${move.date}-${move.time}`} move={move} onClose={onClose} />}</DialogContent>
    </Dialog>
  );
}

function MoveQuestion({ move, onClose }: { move: PendingMove; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshAppointments();
  const [refusal, setRefusal] = useState<string | undefined>();
  const change = useMutation(
    trpc.appointments.change.mutationOptions({
      onSuccess: async (result) => {
        toast.success(...movedToast(result.appointment));
        onClose();
        await refresh(move.appointment.id);
      },
      onError: (err) => {
        const message = errorMessage(err);
        setRefusal(message);
        toast.error(message);
      },
    }),
  );
  const who = move.appointment.customer_name ?? "ohne Namen";

  return (
    <div className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Termin verschieben?</DialogTitle>
        <DialogDescription>
          Termin von {who} auf {shortDayLabel(move.date)} {move.time} bei {move.staffName} verschieben?
        </DialogDescription>
      </DialogHeader>
      <FormAlert message={refusal} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">Abbrechen</Button>
        </DialogClose>
        <PendingButton
          type="button"
          pending={change.isPending}
          icon={<CalendarClock aria-hidden />}
          onClick={() =>
            change.mutate({
              appointment_id: move.appointment.id,
              new_date: move.date,
              new_time: move.time,
              ...(move.staffId ? { staff_id: move.staffId } : {}),
              reason: "Im Kalender verschoben",
            })
          }
        >
          Verschieben
        </PendingButton>
      </DialogFooter>
    </div>
  );
}
