import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { ErrorList } from "@/components/errors/error-list";
import { FIRST_PAGE_INPUT } from "@/components/errors/list-input";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Fehler" };

export default async function Page() {
  await requireAdmin();
  await getQueryClient().prefetchQuery(trpc.sentry.listIssues.queryOptions(FIRST_PAGE_INPUT));
  return (
    <HydrateClient>
      <PageHeader section="fehler" />
      <ErrorList />
    </HydrateClient>
  );
}
