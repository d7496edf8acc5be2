import { PhoneOff } from "lucide-react";
import { callTitle } from "@/components/calls/call-title";
import { formatDuration } from "@/components/forms/format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RecentCall } from "@/server/services/dashboard/recent-calls";
import { EmptyState } from "../empty-state";
import { CALL_OUTCOME_LABELS, UNKNOWN_OUTCOME } from "./call-outcome";
import { RowLink } from "./row-link";

export function RecentCalls({ calls }: { calls: RecentCall[] }) {
  if (calls.length === 0) {
    return <EmptyState icon={PhoneOff} title="Noch keine Anrufe eingegangen." />;
  }
  return (
    <Table aria-label="Letzte Anrufe">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Anruf</TableHead>
          <TableHead>Zeitpunkt</TableHead>
          <TableHead>Dauer</TableHead>
          <TableHead>Ergebnis</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {calls.map((c) => {
          const outcome = c.outcome ? CALL_OUTCOME_LABELS[c.outcome] : UNKNOWN_OUTCOME;
          const title = callTitle(c.customerName, c.caller);
          return (
            <TableRow key={c.id} className="relative cursor-pointer" data-testid="recent-call-row">
              <TableCell className="min-w-40">
                <RowLink href={`/anrufe/${c.id}`} label={`${title} öffnen`}>
                  {title}
                </RowLink>
              </TableCell>
              <TableCell className="tabular whitespace-nowrap">
                {c.received && <span className="text-muted-foreground">eingegangen </span>}
                {c.date} <span className="text-muted-foreground">{c.time}</span>
              </TableCell>
              <TableCell className="tabular whitespace-nowrap">{formatDuration(c.durationSeconds)}</TableCell>
              <TableCell>
                <Badge variant={outcome.variant}>{outcome.label}</Badge>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
