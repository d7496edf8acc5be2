"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { useState } from "react";
import { useUrlState } from "@/components/appointments/use-url-state";
import { errorMessage } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AuditFilterBar } from "./audit-filter-bar";
import { AuditRow } from "./audit-row";
import { auditFiltersFromQuery, auditFiltersToQuery, auditListInput, type AuditFilters } from "./list-filters";

/** The company's audit rows, newest first: filters kept in the URL, pages by cursor, each row linking to what it changed. */
export function AuditLog() {
  const trpc = useTRPC();
  const [filters, setUrlFilters] = useUrlState(auditFiltersFromQuery, auditFiltersToQuery);
  // Cursors of the pages before this one; the cursor only leads forward.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const list = useQuery({ ...trpc.audit.list.queryOptions(auditListInput(filters, cursor)), placeholderData: keepPreviousData });
  const setFilters = (next: AuditFilters) => {
    setUrlFilters(next);
    setCursors([null]);
  };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="grid gap-6">
      <AuditFilterBar filters={filters} onChange={setFilters} />
      <ListFrame
        query={list}
        loadingLabel="Protokoll wird geladen"
        error={(error) => `Das Protokoll konnte nicht geladen werden: ${errorMessage(error)}`}
        retry
        isEmpty={(data) => data.entries.length === 0 && cursors.length === 1}
        empty={{
          icon: ScrollText,
          title: filtered ? "Keine Einträge zu diesen Filtern." : "Noch keine Einträge.",
          text: "Hier steht, wer wann Termine, Kundendaten, Einstellungen, Schlüssel und Zugänge geändert oder eingesehen hat.",
        }}
      >
        {(data) => (
          <Card className="min-w-0">
            <CardContent className="grid gap-4 px-2 pt-2 sm:px-5">
              <Table aria-label="Protokoll" aria-busy={list.isFetching}>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>Zeitpunkt</TableHead>
                    <TableHead>Wer</TableHead>
                    <TableHead>Aktion</TableHead>
                    <TableHead>Betrifft</TableHead>
                    <TableHead>Ergebnis</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.entries.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </TableBody>
              </Table>
              {(cursors.length > 1 || data.next_cursor) && (
                <nav aria-label="Seiten" className="flex justify-end gap-2">
                  <Button variant="outline" size="sm" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                    Zurück
                  </Button>
                  <Button variant="outline" size="sm" disabled={!data.next_cursor} onClick={() => setCursors([...cursors, data.next_cursor])}>
                    Weiter
                  </Button>
                </nav>
              )}
            </CardContent>
          </Card>
        )}
      </ListFrame>
    </div>
  );
}
