import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { BRANCHES_INPUT, SERVICES_INPUT, STAFF_INPUT } from "@/components/settings/list-inputs";
import { CompanyFirstSteps } from "@/components/setup/first-steps";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Erste Schritte" };

export default async function Page() {
  await requireAdmin();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.dashboard.setupProgress.queryOptions()),
    queryClient.prefetchQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT)),
    queryClient.prefetchQuery(trpc.service.list.queryOptions(SERVICES_INPUT)),
    queryClient.prefetchQuery(trpc.staff.list.queryOptions(STAFF_INPUT)),
    queryClient.prefetchQuery(trpc.phone.list.queryOptions({})),
  ]);
  return (
    <>
      <PageHeader section="erste-schritte" />
      <HydrateClient>
        <CompanyFirstSteps />
      </HydrateClient>
    </>
  );
}
