"use client";

import { CalendarDays } from "lucide-react";
import Link from "next/link";
import { StatusBadge } from "@/components/appointments/status-badge";
import { DetailCard } from "@/components/details/detail-card";
import { EmptyState } from "@/components/dashboard/empty-state";
import type { RouterOutputs } from "@/components/trpc/provider";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

type Visit = RouterOutputs["customer"]["get"]["past_visits"][number];

/** Besuche: the coming appointments and the past ones (cancelled and no-shows included), each opening its Termin. */
export function CustomerVisits({ upcoming, past }: { upcoming: Visit[]; past: Visit[] }) {
  return (
    <DetailCard icon={CalendarDays} title="Besuche">
      <Tabs defaultValue={upcoming.length > 0 || past.length === 0 ? "kommende" : "vergangene"}>
        <TabsList>
          <TabsTrigger value="kommende">Kommende ({upcoming.length})</TabsTrigger>
          <TabsTrigger value="vergangene">Vergangene ({past.length})</TabsTrigger>
        </TabsList>
        <TabsContent value="kommende" className="pt-3">
          <VisitTable visits={upcoming} label="Kommende Termine" empty="Keine kommenden Termine." />
        </TabsContent>
        <TabsContent value="vergangene" className="pt-3">
          <VisitTable visits={past} label="Vergangene Termine" empty="Noch keine vergangenen Termine." />
        </TabsContent>
      </Tabs>
    </DetailCard>
  );
}

function VisitTable({ visits, label, empty }: { visits: Visit[]; label: string; empty: string }) {
  if (visits.length === 0) return <EmptyState icon={CalendarDays} title={empty} />;
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Datum</TableHead>
          <TableHead>Leistung</TableHead>
          <TableHead>Mitarbeitende</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {visits.map((v) => (
          <TableRow key={v.id} data-testid="customer-visit">
            <TableCell className="tabular whitespace-nowrap">
              <Link href={`/termine/${v.id}`} className="underline-offset-4 hover:underline">
                {v.date} um {v.time} Uhr
              </Link>
            </TableCell>
            <TableCell>{v.service}</TableCell>
            <TableCell>{v.staff ?? "–"}</TableCell>
            <TableCell>
              <StatusBadge status={v.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
