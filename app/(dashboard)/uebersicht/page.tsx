import type { Metadata } from "next";
import { OverviewFigures } from "@/components/dashboard/overview/overview-figures";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Übersicht" };

export default async function OverviewPage() {
  await requireSession();
  const queryClient = getQueryClient();
  // The figures are needed for the first paint; the rest is prefetched too, but a failure there
  // only shows in its own card (prefetchQuery does not throw). Health is not prefetched: it asks
  // Retell, Cal.com and SMTP (up to 3 s when one hangs), and its card loads on its own.
  await Promise.all([
    queryClient.fetchQuery(trpc.dashboard.overview.queryOptions()),
    queryClient.prefetchQuery(trpc.dashboard.activity.queryOptions()),
    queryClient.prefetchQuery(trpc.dashboard.operations.queryOptions()),
  ]);
  return (
    <>
      <PageHeader section="uebersicht" />
      <HydrateClient>
        <OverviewFigures />
      </HydrateClient>
    </>
  );
}
