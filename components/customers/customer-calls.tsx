"use client";

import { PhoneCall } from "lucide-react";
import Link from "next/link";
import { CallOutcomeBadge } from "@/components/calls/call-badges";
import { DetailCard } from "@/components/details/detail-card";
import { EmptyState } from "@/components/dashboard/empty-state";
import { formatDuration } from "@/components/forms/format";
import type { RouterOutputs } from "@/components/trpc/provider";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type CustomerCall = RouterOutputs["customer"]["get"]["calls"][number];

/** Anrufe: the customer's calls, newest first, each opening its Anruf. */
export function CustomerCalls({ calls }: { calls: CustomerCall[] }) {
  return (
    <DetailCard icon={PhoneCall} title="Anrufe">
      {calls.length === 0 ? (
        <EmptyState icon={PhoneCall} title="Noch keine Anrufe dieses Kunden." />
      ) : (
        <Table aria-label="Anrufe des Kunden">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Datum</TableHead>
              <TableHead>Ergebnis</TableHead>
              <TableHead>Dauer</TableHead>
              <TableHead>Zusammenfassung</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {calls.map((c) => (
              <TableRow key={c.id} data-testid="customer-call">
                <TableCell className="tabular whitespace-nowrap">
                  <Link href={`/anrufe/${c.id}`} className="underline-offset-4 hover:underline">
                    {c.date} um {c.time} Uhr
                  </Link>
                </TableCell>
                <TableCell>
                  <CallOutcomeBadge outcome={c.outcome} />
                </TableCell>
                <TableCell className="tabular whitespace-nowrap">{formatDuration(c.duration_seconds)}</TableCell>
                <TableCell className="min-w-64 max-w-md">
                  <span className="line-clamp-2 text-muted-foreground" title={c.summary ?? undefined}>
                    {c.summary ?? "–"}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </DetailCard>
  );
}
