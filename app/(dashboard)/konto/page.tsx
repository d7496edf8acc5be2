import type { Metadata } from "next";
import { KeyRound, UserRound } from "lucide-react";
import { ROLE_LABELS } from "@/components/dashboard/nav-items";
import { DetailCard } from "@/components/details/detail-card";
import { Facts } from "@/components/details/facts";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Mein Konto" };

export default async function Page() {
  const { user } = await requireSession();
  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">Mein Konto</h1>
        <p className="mt-1 max-w-2xl text-sm text-muted-foreground">Ihr Zugang zum Dashboard und Ihr Passwort.</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <DetailCard icon={UserRound} title="Zugang">
          <Facts
            label="Zugang"
            facts={[
              ["Name", user.name],
              ["E-Mail", user.email],
              ["Rolle", ROLE_LABELS[user.role]],
              ["Betrieb", user.companyName],
            ]}
          />
        </DetailCard>
        <DetailCard icon={KeyRound} title="Passwort ändern">
          <p className="mb-4 text-sm text-muted-foreground">Nach der Änderung werden Sie auf allen anderen Geräten abgemeldet.</p>
          <ChangePasswordForm email={user.email} />
        </DetailCard>
      </div>
    </>
  );
}
