import type { Metadata } from "next";
import { KnowledgeEntries } from "@/components/knowledge/knowledge-entries";
import { KNOWLEDGE_LIST_INPUT } from "@/components/knowledge/list-input";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";
import { userMayCall } from "@/server/services/dashboard/method-access";

export const metadata: Metadata = { title: "Wissen" };

export default async function Page() {
  const { user } = await requireSession();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.fetchQuery(trpc.knowledge.list.queryOptions(KNOWLEDGE_LIST_INPUT)),
    queryClient.prefetchQuery(trpc.branch.list.queryOptions({})),
  ]);
  return (
    <>
      <PageHeader section="wissen" />
      <HydrateClient>
        <KnowledgeEntries permissions={{ canEdit: userMayCall("knowledge.upsert", user.role), canDelete: userMayCall("knowledge.delete", user.role) }} />
      </HydrateClient>
    </>
  );
}
