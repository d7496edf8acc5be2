"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** After a booking, move or cancellation: refetch the lists, the Kalender, the Termine figures and (given its id) the appointment and its messages. */
export function useRefreshAppointments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (appointmentId?: string) =>
    Promise.all([
      queryClient.invalidateQueries(trpc.appointments.list.pathFilter()),
      queryClient.invalidateQueries(trpc.appointments.calendar.pathFilter()),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.sectionFigures.queryKey({ section: "termine" }) }),
      ...(appointmentId
        ? [
            queryClient.invalidateQueries({ queryKey: trpc.appointments.get.queryKey({ appointment_id: appointmentId }) }),
            // The move's or absage's message, and the reminders planned anew or dropped.
            queryClient.invalidateQueries({ queryKey: trpc.messaging.delivery.listForAppointment.queryKey({ appointment_id: appointmentId }) }),
          ]
        : []),
    ]);
}
