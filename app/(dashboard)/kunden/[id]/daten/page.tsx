import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerDataSheet } from "@/components/customers/customer-data-sheet";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Kundendaten" };

/** Druckansicht: everything stored about one customer, ready to print or save as PDF. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  try {
    await getQueryClient().fetchQuery({ ...trpc.privacy.exportCustomer.queryOptions({ customer_id: id }), retry: false });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  return (
    <HydrateClient>
      <CustomerDataSheet customerId={id} />
    </HydrateClient>
  );
}
