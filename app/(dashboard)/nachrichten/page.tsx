import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { MessagingTabs } from "@/components/messaging/messaging-tabs";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Nachrichten" };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader section="nachrichten" />
      <HydrateClient>
        <MessagingTabs />
      </HydrateClient>
    </>
  );
}
