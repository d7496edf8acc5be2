"use client";

import Link from "next/link";
import { formatTime } from "@/components/forms/format";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { AppointmentDto } from "@/server/services/appointments/schemas";
import { CancelAppointmentDialog } from "./cancel-appointment-dialog";
import { describeAppointment } from "./describe";
import { PaymentBadge } from "./payment-badge";
import { StatusBadge } from "./status-badge";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";

/** One page of appointments; the customer's name opens the detail. Below `lg` (tablets) the staff and branch columns give way to the key ones. */
export function AppointmentTable({ appointments, canCancel, busy }: { appointments: AppointmentDto[]; canCancel: boolean; busy: boolean }) {
  return (
    <Table aria-label="Termine" aria-busy={busy}>
      <ListTableHeader columns={["Termin", "Kundschaft", "Leistung", { title: "Mitarbeitende", className: "hidden lg:table-cell" }, { title: "Filiale", className: "hidden xl:table-cell" }, "Status"]} actions={canCancel} />
      <TableBody>
        {appointments.map((a) => (
          <TableRow key={a.id} data-testid="appointment-row">
            <TableCell className="whitespace-nowrap">
              <span className="text-muted-foreground">{a.weekday.slice(0, 2)}, </span>
              <span className="tabular">{a.date}</span>
              <div className="tabular text-xs text-muted-foreground">
                {a.time}–{formatTime(a.ends_at)}
              </div>
            </TableCell>
            <TableCell className="min-w-36 lg:min-w-44">
              <Link href={`/termine/${a.id}`} className="font-medium underline-offset-4 hover:underline" aria-label={`${describeAppointment(a)} öffnen`}>
                {a.customer_name ?? <span className="tabular whitespace-nowrap">{formatPhoneForDisplay(a.customer_phone)}</span>}
              </Link>
              {a.customer_name && <div className="tabular whitespace-nowrap text-xs text-muted-foreground">{formatPhoneForDisplay(a.customer_phone)}</div>}
            </TableCell>
            <TableCell className="min-w-28 lg:min-w-36">{a.service}</TableCell>
            <TableCell className="hidden min-w-36 lg:table-cell">{a.staff_id ? a.staff : <span className="text-muted-foreground">{a.staff}</span>}</TableCell>
            <TableCell className="hidden min-w-44 text-muted-foreground xl:table-cell">{a.branch}</TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1">
                <StatusBadge status={a.status} />
                {a.deposit_state && <PaymentBadge payment={{ kind: "deposit", state: a.deposit_state }} />}
              </div>
            </TableCell>
            {canCancel && <TableCell className="text-right">{a.status === "scheduled" && <CancelAppointmentDialog appointment={a} inList />}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
