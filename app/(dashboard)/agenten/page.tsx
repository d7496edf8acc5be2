import type { Metadata } from "next";
import { AgentInstructionsCard } from "@/components/agents/agent-instructions-card";
import { AgentWorkspace } from "@/components/agents/agent-workspace";
import { SetupAgentCard } from "@/components/agents/setup-agent-card";
import { PageHeader } from "@/components/dashboard/page-header";
import { SectionFigures } from "@/components/dashboard/section-figures";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Agenten & Nummern" };

export default async function Page() {
  await requireAdmin();
  // Failed reads (no key, Retell down) are not handed over; the client asks again and shows why.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.retell.listAgents.queryOptions({})),
    queryClient.prefetchQuery(trpc.retell.listPhoneNumbers.queryOptions({})),
  ]);
  return (
    <>
      <PageHeader section="agenten" />
      <div className="grid gap-6">
        <SectionFigures section="agenten" />
        <HydrateClient>
          {/* The company's own agent: set up in one step, with its instructions (these work without a Retell key). */}
          <div className="grid gap-6 2xl:grid-cols-2">
            <SetupAgentCard />
            <AgentInstructionsCard />
          </div>
          <AgentWorkspace />
        </HydrateClient>
      </div>
    </>
  );
}
