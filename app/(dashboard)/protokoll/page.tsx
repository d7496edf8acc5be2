import type { Metadata } from "next";
import { queryOf } from "@/components/appointments/url-query";
import { AuditLog } from "@/components/audit/audit-log";
import { auditFiltersFromQuery, auditListInput } from "@/components/audit/list-filters";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Protokoll" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  // The filters of the URL, so a reload or a shared link shows the same entries at first paint.
  const input = auditListInput(auditFiltersFromQuery(queryOf(await searchParams)));
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.audit.list.queryOptions(input)), queryClient.prefetchQuery(trpc.audit.filters.queryOptions({}))]);
  return (
    <HydrateClient>
      <PageHeader section="protokoll" />
      <AuditLog />
    </HydrateClient>
  );
}
