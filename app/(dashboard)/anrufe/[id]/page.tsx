import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CallDetail } from "@/components/calls/call-detail";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Anruf" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession();
  const { id } = await params;
  try {
    await getQueryClient().fetchQuery({ ...trpc.webhook.getCall.queryOptions({ call_id: id }), retry: false });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  return (
    <HydrateClient>
      <PageHeader section="anrufe" />
      <CallDetail id={id} canReplay={session.user.role === "admin"} />
    </HydrateClient>
  );
}
