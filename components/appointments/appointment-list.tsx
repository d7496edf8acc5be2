"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Archive, CalendarClock, CalendarSearch } from "lucide-react";
import { useCallback } from "react";
import { errorMessage } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardContent } from "@/components/ui/card";
import { AppointmentFilterBar } from "./appointment-filters";
import { AppointmentTable } from "./appointment-table";
import { filtersFromQuery, filtersToQuery, listInput, PAGE_SIZE } from "./list-filters";
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
