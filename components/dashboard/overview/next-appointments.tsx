import { CalendarX2 } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";
import type { OverviewAppointment } from "@/server/services/dashboard/overview";
import { EmptyState } from "../empty-state";
import { RowLink } from "./row-link";

export function NextAppointments({ appointments }: { appointments: OverviewAppointment[] }) {
  if (appointments.length === 0) {
    return <EmptyState icon={CalendarX2} title="Keine anstehenden Termine." />;
  }
  return (
    <Table aria-label="Nächste Termine">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Datum</TableHead>
          <TableHead>Uhrzeit</TableHead>
          <TableHead>Kundschaft</TableHead>
          <TableHead>Leistung</TableHead>
          <TableHead>Mitarbeitende</TableHead>
          <TableHead className="hidden xl:table-cell">Filiale</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {appointments.map((a) => (
          <TableRow key={a.id} className="relative cursor-pointer" data-testid="next-appointment-row">
            <TableCell className="whitespace-nowrap">
              <span className="text-muted-foreground">{a.weekday.slice(0, 2)}, </span>
              <span className="tabular">{a.date}</span>
            </TableCell>
            <TableCell className="tabular whitespace-nowrap">
              {a.startTime}–{a.endTime}
            </TableCell>
            <TableCell>
              <RowLink href={`/termine/${a.id}`} label={`Termin von ${a.customerName ?? formatPhoneForDisplay(a.customerPhone)} am ${a.date} um ${a.startTime} Uhr öffnen`}>
                {a.customerName ?? <span className="tabular whitespace-nowrap">{formatPhoneForDisplay(a.customerPhone)}</span>}
              </RowLink>
              {a.customerName && <div className="tabular whitespace-nowrap text-xs text-muted-foreground">{formatPhoneForDisplay(a.customerPhone)}</div>}
            </TableCell>
            <TableCell>{a.serviceName}</TableCell>
            <TableCell>{a.staffName ?? <span className="text-muted-foreground">Nicht festgelegt</span>}</TableCell>
            <TableCell className="hidden text-muted-foreground xl:table-cell">{a.branchName}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
