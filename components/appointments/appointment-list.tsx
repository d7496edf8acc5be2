"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Archive, CalendarClock, CalendarSearch } from "lucide-react";
import { useCallback } from "react";
import { EmptyState } from "@/components/dashboard/empty-state";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { AppointmentFilterBar } from "./appointment-filters";
import { AppointmentTable } from "./appointment-table";
import { filtersFromQuery, filtersToQuery, listInput, PAGE_SIZE } from "./list-filters";
import { Pager } from "./pager";
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

  return (
    <div className="grid gap-6">
      <SectionStats section="termine" labels={[["Anstehende Termine", CalendarClock], ["Vergangene Termine", Archive]]} />
      <Card className="min-w-0">
        <CardContent className="pt-5">
          <AppointmentFilterBar filters={filters} today={today} onChange={setFilters} />
        </CardContent>
      </Card>
      {list.isPending ? (
        <div aria-busy="true" aria-label="Termine werden geladen" className="grid gap-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Die Termine konnten nicht geladen werden: {errorMessage(list.error)}
        </p>
      ) : list.data.total === 0 ? (
        <EmptyState icon={CalendarSearch} title="Keine Termine für diese Auswahl.">
          Ändern Sie den Zeitraum oder die Filter{permissions.canBook ? " oder legen Sie einen neuen Termin an" : ""}.
        </EmptyState>
      ) : (
        <Card className="min-w-0">
          <CardContent className="grid gap-3 pt-5">
            <AppointmentTable appointments={list.data.appointments} canCancel={permissions.canCancel} busy={list.isFetching} />
            <Pager page={filters.page} pageSize={PAGE_SIZE} shown={list.data.appointments.length} total={list.data.total} onPage={(page) => setFilters({ ...filters, page })} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
