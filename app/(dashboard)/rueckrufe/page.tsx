import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { CallbackList } from "@/components/tasks/callback-list";
import { PENDING_INPUT } from "@/components/tasks/callback-queries";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Rückrufe" };

export default async function Page() {
  await requireSession();
  await getQueryClient().fetchQuery(trpc.webhook.listTasks.queryOptions(PENDING_INPUT));
  return (
    <HydrateClient>
      <PageHeader section="rueckrufe" />
      <CallbackList />
    </HydrateClient>
  );
}
