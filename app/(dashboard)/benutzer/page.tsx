import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { HydrateClient } from "@/components/trpc/hydrate-client";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UserList } from "@/components/users/user-list";
import { requireAdmin } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/server/doors/trpc/server";

export const metadata: Metadata = { title: "Benutzer" };

export default async function Page() {
  await requireAdmin();
  await getQueryClient().fetchQuery(trpc.user.list.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader section="benutzer" actions={<CreateUserDialog />} />
      <UserList />
    </HydrateClient>
  );
}
