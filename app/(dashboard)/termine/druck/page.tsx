import type { Metadata } from "next";
import { DayPlan } from "@/components/appointments/day-plan";
import { berlinDay } from "@/components/appointments/list-filters";
import { dayPlanInput, printQuery } from "@/components/appointments/print-day";
import { queryOf } from "@/components/appointments/url-query";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Tagesplan" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSession();
  const { day, branch } = printQuery(queryOf(await searchParams), berlinDay());
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.appointments.list.queryOptions(dayPlanInput(day, branch))),
    queryClient.prefetchQuery(trpc.branch.list.queryOptions({})),
  ]);
  return (
    <HydrateClient>
      <DayPlan day={day} branch={branch} />
    </HydrateClient>
  );
}
