"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { useUrlState } from "@/components/appointments/use-url-state";
import { errorMessage } from "@/components/forms/trpc-errors";
import { CursorTable, useCursorPages } from "@/components/lists/cursor-pages";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { AuditFilterBar } from "./audit-filter-bar";
import { AuditRow } from "./audit-row";
import { auditFiltersFromQuery, auditFiltersToQuery, auditListInput, type AuditFilters } from "./list-filters";

/** The company's audit rows, newest first: filters kept in the URL, pages by cursor, each row linking to what it changed. */
export function AuditLog() {
  const trpc = useTRPC();
  const [filters, setUrlFilters] = useUrlState(auditFiltersFromQuery, auditFiltersToQuery);
  const pages = useCursorPages();
  const list = useQuery({ ...trpc.audit.list.queryOptions(auditListInput(filters, pages.cursor)), placeholderData: keepPreviousData });
  const setFilters = (next: AuditFilters) => {
    setUrlFilters(next);
    pages.reset();
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
        isEmpty={(data) => data.entries.length === 0 && pages.onFirstPage}
        empty={{
          icon: ScrollText,
          title: filtered ? "Keine Einträge zu diesen Filtern." : "Noch keine Einträge.",
          text: "Hier steht, wer wann Termine, Kundendaten, Einstellungen, Schlüssel und Zugänge geändert oder eingesehen hat.",
        }}
      >
        {(data) => (
          <CursorTable
            label="Protokoll"
            columns={["Zeitpunkt", "Wer", "Aktion", "Betrifft", "Ergebnis"]}
            busy={list.isFetching}
            pages={pages}
            nextCursor={data.next_cursor}
          >
            {data.entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </CursorTable>
        )}
      </ListFrame>
    </div>
  );
}
