import type { Metadata } from "next";
import { OverviewFigures } from "@/components/dashboard/overview/overview-figures";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/api/server";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Übersicht" };

export default async function OverviewPage() {
  await requireSession();
  await getQueryClient().fetchQuery(trpc.dashboard.overview.queryOptions());
  return (
    <>
      <PageHeader section="uebersicht" />
      <HydrateClient>
        <OverviewFigures />
      </HydrateClient>
    </>
  );
}
