import type { Metadata } from "next";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { CreateAppointmentDialog } from "@/components/appointments/create-appointment-dialog";
import { berlinDay, filtersFromQuery, listInput } from "@/components/appointments/list-filters";
import { queryOf } from "@/components/appointments/url-query";
import { TermineTabs } from "@/components/calendar/termine-tabs";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { appointmentPermissions } from "../permissions";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Termine – Liste" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requireSession();
  const today = berlinDay();
  // The filters of the URL, so a reload or a shared link shows the same list at first paint.
  const filters = filtersFromQuery(queryOf(await searchParams), today);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.appointments.list.queryOptions(listInput(filters))),
    queryClient.prefetchQuery(trpc.branch.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.staff.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.service.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.dashboard.sectionFigures.queryOptions({ section: "termine" })),
  ]);
  const permissions = appointmentPermissions(user.role);
  return (
    <HydrateClient>
      <PageHeader section="termine" actions={permissions.canBook && <CreateAppointmentDialog />} />
      <TermineTabs current="liste" />
      <AppointmentList today={today} permissions={permissions} />
    </HydrateClient>
  );
}
