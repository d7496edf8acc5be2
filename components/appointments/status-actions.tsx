"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Undo2, UserX } from "lucide-react";
import { useState } from "react";
import type { z } from "zod";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import type { AppointmentDto, getResult, setStatusParams } from "@/server/services/appointments/schemas";
import { useRefreshAppointments } from "./use-refresh-appointments";

type Status = z.input<typeof setStatusParams>["status"];

/** "Termin als nicht erschienen markiert." as the staff read it (the service's message). */
const DONE_TOAST: Record<Status, string> = {
  completed: "Termin als erledigt markiert.",
  no_show: "Termin als nicht erschienen markiert.",
  scheduled: "Termin wieder als geplant markiert.",
};

/**
 * Erledigt / Nicht erschienen once the appointment has begun, and Rückgängig afterwards (also
 * offered in the toast). A no-show counts on the customer; undoing it takes the count back.
 */
export function StatusActions({ appointment: a }: { appointment: AppointmentDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshAppointments();
  const setStatus = useMutation(
    trpc.appointments.setStatus.mutationOptions({
      onSuccess: async (result, params) => {
        const detailKey = trpc.appointments.get.queryKey({ appointment_id: a.id });
        queryClient.setQueryData(detailKey, (old: z.output<typeof getResult> | undefined) => old && { ...old, appointment: result.appointment });
        const undo = params.status === "scheduled" ? undefined : { label: "Rückgängig", onClick: () => setStatus.mutate({ appointment_id: a.id, status: "scheduled" }) };
        toast.success(DONE_TOAST[params.status], { action: undo });
        await Promise.all([refresh(a.id), queryClient.invalidateQueries(trpc.customer.pathFilter())]);
      },
      onError: toastError,
    }),
  );
  const mark = (status: Status) => setStatus.mutate({ appointment_id: a.id, status });
  // Read once per mount: the page is opened for an appointment that is running or over.
  const [now] = useState(() => Date.now());
  const begun = new Date(a.starts_at).getTime() <= now;

  if (a.status === "completed" || a.status === "no_show") {
    return (
      <Button variant="outline" disabled={setStatus.isPending} onClick={() => mark("scheduled")}>
        <Undo2 aria-hidden /> {a.status === "no_show" ? "Doch erschienen" : "Nicht erledigt"}
      </Button>
    );
  }
  if (a.status !== "scheduled" || !begun) return null;
  return (
    <>
      <Button variant="outline" disabled={setStatus.isPending} onClick={() => mark("completed")}>
        <CheckCircle2 aria-hidden /> Erledigt
      </Button>
      <Button variant="outline" disabled={setStatus.isPending} onClick={() => mark("no_show")}>
        <UserX aria-hidden /> Nicht erschienen
      </Button>
    </>
  );
}
