import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { MessagingTabs } from "@/components/messaging/messaging-tabs";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { requireAdmin } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";

export const metadata: Metadata = { title: "Nachrichten" };

export default async function Page() {
  await requireAdmin();
  // Each tab reads its data with suspense: loaded here, the first paint needs no fetch of its own.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.messaging.getSmsSettings.queryOptions({})),
    queryClient.prefetchQuery(trpc.messaging.templates.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.messaging.delivery.getReminderSettings.queryOptions({})),
  ]);
  return (
    <>
      <PageHeader section="nachrichten" />
      <HydrateClient>
        <MessagingTabs />
      </HydrateClient>
    </>
  );
}
