"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Archive, CalendarClock, CalendarSearch, Printer } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect } from "react";
import { errorMessage } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { AppointmentFilterBar } from "./appointment-filters";
import { AppointmentTable } from "./appointment-table";
import { ExportCsvButton } from "./export-csv-button";
import { rememberListUrl } from "./last-list";
import { filtersFromQuery, filtersToQuery, listInput, PAGE_SIZE, rangeText } from "./list-filters";
import { printHref } from "./print-day";
import type { AppointmentPermissions } from "./permissions";
import { SectionStats } from "./section-stats";
import type { QueryReader } from "./url-query";
import { useUrlState } from "./use-url-state";

/** Filters (kept in the URL), the appointments of the current page, and paging. */
export function AppointmentList({ today, permissions }: { today: string; permissions: AppointmentPermissions }) {
  const trpc = useTRPC();
  const parse = useCallback((query: QueryReader) => filtersFromQuery(query, today), [today]);
  const serialize = useCallback((filters: Parameters<typeof filtersToQuery>[0]) => filtersToQuery(filters, today), [today]);
  const [filters, setFilters] = useUrlState(parse, serialize);
  const list = useQuery({ ...trpc.appointments.list.queryOptions(listInput(filters)), placeholderData: keepPreviousData });
  const query = serialize(filters);
  // "Zurück zu den Terminen" on a detail page comes back to exactly this list.
  useEffect(rememberListUrl, [query]);

  return (
    <div className="grid gap-6">
      <SectionStats section="termine" labels={[["Anstehende Termine", CalendarClock], ["Vergangene Termine", Archive]]} />
      <Card className="min-w-0">
        <CardContent className="pt-5">
          <AppointmentFilterBar filters={filters} today={today} onChange={setFilters} />
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium" data-testid="list-range" aria-live="polite">
          {rangeText(filters)}
          {list.data && <span className="font-normal text-muted-foreground"> · {list.data.total === 1 ? "1 Termin" : `${list.data.total} Termine`}</span>}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" asChild>
            <Link href={printHref(filters.from, filters.branch)}>
              <Printer aria-hidden /> Tagesplan drucken
            </Link>
          </Button>
          <ExportCsvButton filters={filters} />
        </div>
      </div>
      <ListFrame
        query={list}
        loadingLabel="Termine werden geladen"
        error={(error) => `Die Termine konnten nicht geladen werden: ${errorMessage(error)}`}
        isEmpty={(data) => data.total === 0}
        empty={{
          icon: CalendarSearch,
          title: "Keine Termine für diese Auswahl.",
          text: `Ändern Sie den Zeitraum oder die Filter${permissions.canBook ? " oder legen Sie einen neuen Termin an" : ""}.`,
        }}
        pager={(data) => ({ page: filters.page, pageSize: PAGE_SIZE, shown: data.appointments.length, total: data.total, onPage: (page) => setFilters({ ...filters, page }) })}
        card
      >
        {(data) => <AppointmentTable appointments={data.appointments} canCancel={permissions.canCancel} busy={list.isFetching} />}
      </ListFrame>
    </div>
  );
}
