import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { FunctionTester } from "@/components/function-test/function-tester";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Funktionstest" };

/** `?anruf=<id>` loads that call's function calls to run them again. */
export default async function Page({ searchParams }: { searchParams: Promise<{ anruf?: string }> }) {
  await requireAdmin();
  const { anruf } = await searchParams;
  const queryClient = getQueryClient();
  await queryClient.fetchQuery(trpc.retell.function.listTestable.queryOptions({}));
  if (anruf) await queryClient.prefetchQuery(trpc.retell.function.callFunctionCalls.queryOptions({ call_id: anruf }));
  return (
    <HydrateClient>
      <PageHeader section="funktionstest" />
      <FunctionTester replayCallId={anruf} />
    </HydrateClient>
  );
}
