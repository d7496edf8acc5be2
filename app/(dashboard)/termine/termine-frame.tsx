import type { ReactNode } from "react";
import { CreateAppointmentDialog } from "@/components/appointments/create-appointment-dialog";
import { berlinDay } from "@/components/appointments/list-filters";
import { queryOf } from "@/components/appointments/url-query";
import { TermineTabs } from "@/components/calendar/termine-tabs";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { requireSession } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { appointmentPermissions } from "./permissions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type QueryClient = ReturnType<typeof getQueryClient>;

/** What both views of Termine start from: the user's permissions, Berlin's today and the URL's query. */
export async function termineRequest(searchParams: SearchParams) {
  const { user } = await requireSession();
  return { today: berlinDay(), query: queryOf(await searchParams), permissions: appointmentPermissions(user.role) };
}

/**
 * The frame of the Kalender and the list: heading with "Termin anlegen", the view switch, and the
 * first paint's data (the view's own query plus the lists every booking form needs).
 */
export async function TermineFrame(props: {
  current: "kalender" | "liste";
  canBook: boolean;
  prefetchView: (queryClient: QueryClient) => Promise<void>;
  children: ReactNode;
}) {
  const queryClient = getQueryClient();
  await Promise.all([
    props.prefetchView(queryClient),
    queryClient.prefetchQuery(trpc.branch.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.staff.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.service.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.dashboard.sectionFigures.queryOptions({ section: "termine" })),
  ]);
  return (
    <HydrateClient>
      <PageHeader section="termine" actions={props.canBook && <CreateAppointmentDialog />} />
      <TermineTabs current={props.current} />
      {props.children}
    </HydrateClient>
  );
}
