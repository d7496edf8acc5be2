import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { CreateTokenDialog } from "@/components/tokens/create-token-dialog";
import { TokenList } from "@/components/tokens/token-list";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "API-Tokens" };

export default async function Page() {
  await requireAdmin();
  const queryClient = getQueryClient();
  await Promise.all([queryClient.fetchQuery(trpc.dashboard.tokens.list.queryOptions()), queryClient.prefetchQuery(trpc.dashboard.tokens.servers.queryOptions())]);
  return (
    <HydrateClient>
      <PageHeader section="api-tokens" actions={<CreateTokenDialog />} />
      <TokenList />
    </HydrateClient>
  );
}
