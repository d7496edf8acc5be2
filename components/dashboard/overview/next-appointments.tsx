import { CalendarX2 } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OverviewAppointment } from "@/server/services/dashboard/overview";
import { EmptyState } from "../empty-state";

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
          <TableRow key={a.id}>
            <TableCell className="whitespace-nowrap">
              <span className="text-muted-foreground">{a.weekday.slice(0, 2)}, </span>
              <span className="tabular">{a.date}</span>
            </TableCell>
            <TableCell className="tabular whitespace-nowrap">
              {a.startTime}–{a.endTime}
            </TableCell>
            <TableCell>
              <div className="font-medium">{a.customerName}</div>
              {a.customerName !== a.customerPhone && <div className="tabular text-xs text-muted-foreground">{a.customerPhone}</div>}
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
