import type { Metadata } from "next";
import { calendarFromQuery, calendarInput } from "@/components/calendar/calendar-url";
import { CalendarView } from "@/components/calendar/calendar-view";
import { trpc } from "@/server/doors/trpc/server";
import { termineRequest, TermineFrame } from "./termine-frame";

export const metadata: Metadata = { title: "Termine – Kalender" };

/** Termine's first page: the Kalender of one branch (day or week), the list is the second view. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { today, query, permissions } = await termineRequest(searchParams);
  const input = calendarInput(calendarFromQuery(query, today));
  return (
    <TermineFrame current="kalender" canBook={permissions.canBook} prefetchView={(qc) => qc.prefetchQuery(trpc.appointments.calendar.queryOptions(input))}>
      <CalendarView today={today} permissions={permissions} />
    </TermineFrame>
  );
}
