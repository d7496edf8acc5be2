import type { Metadata } from "next";
import { queryOf } from "@/components/appointments/url-query";
import { CallList } from "@/components/calls/call-list";
import { callFiltersFromQuery, callListInput } from "@/components/calls/list-filters";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Anrufe" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSession();
  const filters = callFiltersFromQuery(queryOf(await searchParams));
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.webhook.listCalls.queryOptions(callListInput(filters))),
    queryClient.prefetchQuery(trpc.dashboard.sectionFigures.queryOptions({ section: "anrufe" })),
  ]);
  return (
    <HydrateClient>
      <PageHeader section="anrufe" />
      <CallList />
    </HydrateClient>
  );
}
