import type { Metadata } from "next";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { filtersFromQuery, listInput } from "@/components/appointments/list-filters";
import { trpc } from "@/server/doors/trpc/server";
import { termineRequest, TermineFrame } from "../termine-frame";

export const metadata: Metadata = { title: "Termine – Liste" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { today, query, permissions } = await termineRequest(searchParams);
  // The filters of the URL, so a reload or a shared link shows the same list at first paint.
  const input = listInput(filtersFromQuery(query, today));
  return (
    <TermineFrame current="liste" canBook={permissions.canBook} prefetchView={(qc) => qc.prefetchQuery(trpc.appointments.list.queryOptions(input))}>
      <AppointmentList today={today} permissions={permissions} />
    </TermineFrame>
  );
}
