import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { AddNumberDialog } from "@/components/phone/add-number-dialog";
import { ImportNumbersDialog } from "@/components/phone/import-numbers-dialog";
import { PhoneNumberList } from "@/components/phone/phone-number-list";
import { BRANCHES_INPUT } from "@/components/settings/list-inputs";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Rufnummern" };

export default async function Page() {
  await requireAdmin();
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.phone.list.queryOptions({})), queryClient.prefetchQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT))]);
  return (
    <HydrateClient>
      <PageHeader
        section="rufnummern"
        actions={
          <>
            <ImportNumbersDialog />
            <AddNumberDialog />
          </>
        }
      />
      <PhoneNumberList />
    </HydrateClient>
  );
}
