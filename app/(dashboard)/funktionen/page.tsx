import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { DeployFunctionsButton } from "@/components/functions/deploy-functions-button";
import { FunctionList, NewFunctionButton } from "@/components/functions/function-list";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Funktionen" };

export default async function Page() {
  await requireAdmin();
  await getQueryClient().fetchQuery(trpc.retell.config.getCustomFunctions.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader
        section="funktionen"
        actions={
          <>
            <DeployFunctionsButton />
            <NewFunctionButton />
          </>
        }
      />
      <FunctionList />
    </HydrateClient>
  );
}
