import type { Metadata } from "next";
import { queryOf } from "@/components/appointments/url-query";
import { CustomerList } from "@/components/customers/customer-list";
import { customerFiltersFromQuery, customerListInput } from "@/components/customers/list-filters";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Kunden" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSession();
  const filters = customerFiltersFromQuery(queryOf(await searchParams));
  await getQueryClient().prefetchQuery(trpc.customer.list.queryOptions(customerListInput(filters)));
  return (
    <HydrateClient>
      <PageHeader section="kunden" />
      <CustomerList />
    </HydrateClient>
  );
}
