import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { RetellConfiguration } from "@/components/retell/retell-configuration";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Retell-Konfiguration" };

export default async function Page() {
  await requireAdmin();
  await getQueryClient().prefetchQuery(trpc.retell.config.getWebhookConfiguration.queryOptions({}));
  return (
    <>
      <PageHeader section="retell" />
      <HydrateClient>
        <RetellConfiguration />
      </HydrateClient>
    </>
  );
}
