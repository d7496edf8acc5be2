"use client";

import { CalendarPlus } from "lucide-react";
import { useState } from "react";
import { CreateAppointmentForm } from "@/components/appointments/create-appointment-dialog";
import { berlinDay } from "@/components/appointments/list-filters";
import { useAppointmentOptions } from "@/components/appointments/options";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { TaskDto } from "@/server/services/webhook/schemas";
import { callbackPrefill } from "./callback-prefill";
import { useTaskStatus } from "./use-task-status";

/** "Termin anlegen" from a callback: the dashboard's booking form with what the caller said; booked, the task is done with the appointment. */
export function BookCallbackDialog({ task }: { task: TaskDto }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <CalendarPlus aria-hidden /> Termin anlegen
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">{open && <PrefilledForm task={task} onDone={() => setOpen(false)} />}</DialogContent>
    </Dialog>
  );
}

function PrefilledForm({ task, onDone }: { task: TaskDto; onDone: () => void }) {
  const options = useAppointmentOptions();
  const status = useTaskStatus();
  // The service is matched by name against the company's services: the form starts once they are loaded.
  if (options.isPending) return <p className="text-sm text-muted-foreground">Buchungsformular wird geladen …</p>;
  return (
    <CreateAppointmentForm
      prefill={callbackPrefill(task, options.services, berlinDay())}
      onBooked={async (appointment) => {
        await status.mutateAsync({ task_id: task.id, status: "done", appointment_id: appointment.id }).catch(() => undefined);
      }}
      onDone={onDone}
    />
  );
}
