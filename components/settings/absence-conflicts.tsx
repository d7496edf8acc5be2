"use client";

import { useIsMutating, useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useEffect } from "react";
import { CancelAppointmentDialog } from "@/components/appointments/cancel-appointment-dialog";
import { ChangeAppointmentDialog } from "@/components/appointments/change-appointment-dialog";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { AbsenceConflictDto } from "@/server/services/staff/schemas";

/**
 * The booked appointments inside a saved absence, each with Verschieben and Stornieren (the
 * appointments' own dialogs). Asked again after every change anywhere on the page, so a moved
 * or cancelled appointment leaves the list; empty, the warning disappears.
 */
export function AbsenceConflicts({ absenceId, personName }: { absenceId: string; personName: string }) {
  const trpc = useTRPC();
  const conflicts = useQuery(trpc.staff.absenceConflicts.queryOptions({ absence_id: absenceId }));
  const mutating = useIsMutating();
  const { refetch } = conflicts;
  useEffect(() => {
    if (mutating === 0) void refetch();
  }, [mutating, refetch]);

  const rows = conflicts.data?.conflicts ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert variant="destructive" data-testid="absence-conflicts">
      <TriangleAlert aria-hidden />
      <AlertTitle>
        {rows.length === 1 ? "1 gebuchter Termin fällt" : `${rows.length} gebuchte Termine fallen`} in die Abwesenheit von {personName}
      </AlertTitle>
      <AlertDescription>
        <p>Bitte verschieben oder stornieren; die Kundschaft wird dabei benachrichtigt.</p>
        <ul className="mt-2 grid gap-2" aria-label="Betroffene Termine">
          {rows.map((row) => (
            <ConflictRow key={row.appointment_id} row={row} />
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}

function ConflictRow({ row }: { row: AbsenceConflictDto }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.appointments.get.queryOptions({ appointment_id: row.appointment_id }));
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 text-foreground">
      <span className="text-sm">
        <span className="tabular font-medium">
          {row.date} {row.time} Uhr
        </span>{" "}
        · {row.service} · {row.customer_name ?? row.customer_phone}
      </span>
      {data ? (
        <span className="flex gap-2">
          <ChangeAppointmentDialog appointment={data.appointment} />
          <CancelAppointmentDialog appointment={data.appointment} />
        </span>
      ) : (
        <Skeleton className="h-8 w-48" />
      )}
    </li>
  );
}
