import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { BRANCHES_INPUT, SERVICES_INPUT, STAFF_INPUT } from "@/components/settings/list-inputs";
import { settingsSection } from "@/components/settings/sections";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Einstellungen" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const initial = settingsSection((await searchParams).bereich);
  const queryClient = getQueryClient();
  // Every tab's data in one round, so switching tabs needs no spinner.
  await Promise.all([
    queryClient.prefetchQuery(trpc.company.get.queryOptions({})),
    queryClient.prefetchQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT)),
    queryClient.prefetchQuery(trpc.service.list.queryOptions(SERVICES_INPUT)),
    queryClient.prefetchQuery(trpc.staff.list.queryOptions(STAFF_INPUT)),
    queryClient.prefetchQuery(trpc.calcom.getConnection.queryOptions({})),
    // Figures and database state cost more queries: only when the Daten tab opens first.
    ...(initial === "daten"
      ? [queryClient.prefetchQuery(trpc.database.statistics.queryOptions({})), queryClient.prefetchQuery(trpc.database.health.queryOptions({}))]
      : []),
  ]);
  return (
    <>
      <PageHeader section="einstellungen" />
      <HydrateClient>
        <SettingsTabs initial={initial} />
      </HydrateClient>
    </>
  );
}
