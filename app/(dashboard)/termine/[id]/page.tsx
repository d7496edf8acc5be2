import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppointmentDetail } from "@/components/appointments/appointment-detail";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";
import { appointmentPermissions } from "../permissions";

export const metadata: Metadata = { title: "Termin" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireSession();
  const { id } = await params;
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery({ ...trpc.appointments.get.queryOptions({ appointment_id: id }), retry: false });
  } catch (err) {
    // Unknown and other companies' ids alike: the service answers 404.
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  await queryClient.prefetchQuery(trpc.staff.list.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader section="termine" />
      <AppointmentDetail id={id} permissions={appointmentPermissions(user.role)} />
    </HydrateClient>
  );
}
