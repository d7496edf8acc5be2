import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { FIRST_PAGE_INPUT } from "@/components/webhooks/list-input";
import { WebhookEventList } from "@/components/webhooks/webhook-event-list";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Webhook-Ereignisse" };

export default async function Page() {
  await requireAdmin();
  await getQueryClient().prefetchQuery(trpc.webhook.listEvents.queryOptions(FIRST_PAGE_INPUT));
  return (
    <HydrateClient>
      <PageHeader section="webhook-ereignisse" />
      <WebhookEventList />
    </HydrateClient>
  );
}
