import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { FIRST_PAGE_INPUT } from "@/components/queue/list-input";
import { QueueBoard } from "@/components/queue/queue-board";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";
import { userMayCall } from "@/server/services/dashboard/method-access";

export const metadata: Metadata = { title: "Warteschlange" };

export default async function Page() {
  const { user } = await requireSession();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.fetchQuery(trpc.queue.stats.queryOptions({})),
    queryClient.prefetchQuery(trpc.queue.list.queryOptions(FIRST_PAGE_INPUT)),
  ]);
  return (
    <>
      <PageHeader section="warteschlange" />
      <HydrateClient>
        <QueueBoard permissions={{ canRetry: userMayCall("queue.retry", user.role), canCancel: userMayCall("queue.cancel", user.role) }} />
      </HydrateClient>
    </>
  );
}
