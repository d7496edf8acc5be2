"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Archive, CalendarClock, Printer } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { AppointmentPermissions } from "@/components/appointments/permissions";
import { rememberListUrl } from "@/components/appointments/last-list";
import { printHref } from "@/components/appointments/print-day";
import { SectionStats } from "@/components/appointments/section-stats";
import type { QueryReader } from "@/components/appointments/url-query";
import { useUrlState } from "@/components/appointments/use-url-state";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { addDaysLocal } from "@/server/scheduling/local-date";
import { BookDialog, type BookPrefill } from "./book-dialog";
import { CalendarLegend } from "./calendar-legend";
import { CalendarToolbar } from "./calendar-toolbar";
import { calendarFromQuery, calendarInput, calendarToQuery, longDayLabel, mondayOf, shortDayLabel, type CalendarState } from "./calendar-url";
import { DayGrid } from "./day-grid";
import { MoveDialog, type PendingMove } from "./move-dialog";
import { useNow } from "./use-now";
import { WeekGrid } from "./week-grid";

/** The Kalender: a day (columns per staff member) or a week of one branch; state in the URL. */
export function CalendarView({ today, permissions }: { today: string; permissions: AppointmentPermissions }) {
  const trpc = useTRPC();
  const parse = useCallback((query: QueryReader) => calendarFromQuery(query, today), [today]);
  const serialize = useCallback((state: CalendarState) => calendarToQuery(state, today), [today]);
  const [state, setState] = useUrlState(parse, serialize);
  // "Zurück zu den Terminen" on a detail page comes back to this day and view.
  useEffect(rememberListUrl, [serialize(state)]);
  const branches = useQuery(trpc.branch.list.queryOptions({}));
  const calendar = useQuery({ ...trpc.appointments.calendar.queryOptions(calendarInput(state)), placeholderData: keepPreviousData });
  const now = useNow();
  const [prefill, setPrefill] = useState<BookPrefill | null>(null);
  const [move, setMove] = useState<PendingMove | null>(null);

  const data = calendar.data;
  // The Kalender shows what can be booked: active branches only (like appointments.calendar itself).
  const branchOptions = (branches.data?.branches ?? []).filter((b) => b.is_active).map((b) => ({ value: b.id, label: b.name }));
  const day = data?.days.find((d) => d.date === state.date);
  const monday = mondayOf(state.date);
  const title = state.mode === "woche" ? `Woche vom ${shortDayLabel(monday)} bis ${shortDayLabel(addDaysLocal(monday, 6))}` : longDayLabel(state.date);

  return (
    <div className="grid min-w-0 gap-4">
      <SectionStats section="termine" labels={[["Anstehende Termine", CalendarClock], ["Vergangene Termine", Archive]]} />
      <Card className="min-w-0">
        <CardContent className="pt-5">
          <CalendarToolbar state={state} today={today} branches={branchOptions} shownBranch={data?.branch.id} onChange={setState} />
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold" data-testid="calendar-title">
          {title}
          {data && branchOptions.length > 1 && <span className="font-normal text-muted-foreground"> · {data.branch.name}</span>}
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <CalendarLegend />
          {state.mode === "tag" && (
            <Button variant="outline" size="sm" asChild>
              <Link href={printHref(state.date, state.branch ?? data?.branch.id)}>
                <Printer aria-hidden /> Tagesplan drucken
              </Link>
            </Button>
          )}
        </div>
      </div>
      {state.mode === "tag" && day && (day.closed || day.special_day) && (
        <p role="status" className="text-sm text-muted-foreground">
          {day.closed
            ? day.closed_reason && day.closed_reason !== "Geschlossen"
              ? `Geschlossen: ${day.closed_reason}`
              : "An diesem Tag geschlossen."
            : `Sonderöffnung${day.special_day?.reason ? `: ${day.special_day.reason}` : ""}`}
        </p>
      )}
      {calendar.isError ? (
        <Alert variant="destructive">
          <AlertDescription>Der Kalender konnte nicht geladen werden: {errorMessage(calendar.error)}</AlertDescription>
        </Alert>
      ) : !data ? (
        <Skeleton className="h-[32rem] w-full" aria-label="Kalender wird geladen" />
      ) : state.mode === "woche" ? (
        <WeekGrid
          data={data}
          today={today}
          canBook={permissions.canBook}
          onOpenDay={(date) => setState({ ...state, date, mode: "tag" })}
          onBook={(staff, date) => setPrefill({ branch_id: data.branch.id, staff_id: staff.id, date, time: "" })}
        />
      ) : data.staff.length === 0 ? (
        <p className="text-sm text-muted-foreground">In dieser Filiale arbeitet noch niemand. Mitarbeitende legen Sie unter Einstellungen an.</p>
      ) : (
        <DayGrid
          data={data}
          date={state.date}
          now={now}
          canBook={permissions.canBook}
          canChange={permissions.canChange}
          onBook={(column, time) => column.id && setPrefill({ branch_id: data.branch.id, staff_id: column.id, date: state.date, time })}
          onMove={(appointment, column, time) => setMove({ appointment, staffId: column.id, staffName: column.name, date: state.date, time })}
        />
      )}
      <BookDialog prefill={prefill} onClose={() => setPrefill(null)} />
      <MoveDialog move={move} onClose={() => setMove(null)} />
    </div>
  );
}
