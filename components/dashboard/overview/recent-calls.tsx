import { PhoneOff } from "lucide-react";
import { formatDuration } from "@/components/forms/format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RecentCall } from "@/server/services/dashboard/recent-calls";
import { EmptyState } from "../empty-state";
import { CALL_OUTCOME_LABELS, UNKNOWN_OUTCOME } from "./call-outcome";

export function RecentCalls({ calls }: { calls: RecentCall[] }) {
  if (calls.length === 0) {
    return <EmptyState icon={PhoneOff} title="Noch keine Anrufe eingegangen." />;
  }
  return (
    <Table aria-label="Letzte Anrufe">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Zeitpunkt</TableHead>
          <TableHead>Dauer</TableHead>
          <TableHead>Ergebnis</TableHead>
          <TableHead>Anrufer</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {calls.map((c) => {
          const outcome = c.outcome ? CALL_OUTCOME_LABELS[c.outcome] : UNKNOWN_OUTCOME;
          return (
            <TableRow key={c.id}>
              <TableCell className="tabular whitespace-nowrap">
                {c.date} <span className="text-muted-foreground">{c.time}</span>
              </TableCell>
              <TableCell className="tabular whitespace-nowrap">{formatDuration(c.durationSeconds)}</TableCell>
              <TableCell>
                <Badge variant={outcome.variant}>{outcome.label}</Badge>
              </TableCell>
              <TableCell>
                {c.customerName ?? <span className="tabular">{c.caller ?? <span className="text-muted-foreground">Unbekannt</span>}</span>}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
