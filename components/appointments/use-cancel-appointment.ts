"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { toast } from "@/components/ui/sonner";
import type { getResult, listResult } from "@/server/services/appointments/schemas";
import { useRefreshAppointments } from "./use-refresh-appointments";

type ListData = z.output<typeof listResult>;
type DetailData = z.output<typeof getResult>;

/**
 * appointments.cancel, shown at once: the appointment reads "Storniert" in every loaded list and
 * its detail while the call runs, is put back if the service refuses, and is refetched after.
 */
export function useCancelAppointment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lists = trpc.appointments.list.pathFilter();
  const refresh = useRefreshAppointments();

  return useMutation(
    trpc.appointments.cancel.mutationOptions({
      onMutate: async ({ appointment_id }) => {
        const detailKey = trpc.appointments.get.queryKey({ appointment_id });
        await Promise.all([queryClient.cancelQueries(lists), queryClient.cancelQueries({ queryKey: detailKey })]);
        const before = { lists: queryClient.getQueriesData<ListData>(lists), detail: queryClient.getQueryData(detailKey) };
        queryClient.setQueriesData<ListData>(lists, (old) =>
          old && { ...old, appointments: old.appointments.map((a) => (a.id === appointment_id ? { ...a, status: "cancelled" as const } : a)) },
        );
        queryClient.setQueryData(detailKey, (old: DetailData | undefined) => old && { ...old, appointment: { ...old.appointment, status: "cancelled" as const } });
        return before;
      },
      onError: (err, { appointment_id }, before) => {
        for (const [key, data] of before?.lists ?? []) queryClient.setQueryData(key, data);
        if (before?.detail) queryClient.setQueryData(trpc.appointments.get.queryKey({ appointment_id }), before.detail);
        toastError(err);
      },
      onSuccess: (result) => {
        toast.success("Der Termin wurde storniert.", { description: result.refund_policy ?? undefined });
      },
      onSettled: (_data, _err, { appointment_id }) => refresh(appointment_id),
    }),
  );
}
