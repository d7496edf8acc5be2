import type { Metadata } from "next";
import { berlinDay } from "@/components/appointments/list-filters";
import { CreateAppointmentDialog } from "@/components/appointments/create-appointment-dialog";
import { queryOf } from "@/components/appointments/url-query";
import { calendarFromQuery, calendarInput } from "@/components/calendar/calendar-url";
import { CalendarView } from "@/components/calendar/calendar-view";
import { TermineTabs } from "@/components/calendar/termine-tabs";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { requireSession } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { appointmentPermissions } from "./permissions";

export const metadata: Metadata = { title: "Termine – Kalender" };

/** Termine's first page: the Kalender of one branch (day or week), the list is the second view. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requireSession();
  const today = berlinDay();
  const state = calendarFromQuery(queryOf(await searchParams), today);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.appointments.calendar.queryOptions(calendarInput(state))),
    queryClient.prefetchQuery(trpc.branch.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.staff.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.service.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.dashboard.sectionFigures.queryOptions({ section: "termine" })),
  ]);
  const permissions = appointmentPermissions(user.role);
  return (
    <HydrateClient>
      <PageHeader section="termine" actions={permissions.canBook && <CreateAppointmentDialog />} />
      <TermineTabs current="kalender" />
      <CalendarView today={today} permissions={permissions} />
    </HydrateClient>
  );
}
