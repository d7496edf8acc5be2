import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { PurposeCard } from "@/components/dashboard/purpose-card";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Einstellungen" };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader section="einstellungen" />
      <PurposeCard
        points={[
          "Buchungsregeln: Taktung der Termine, Vorlaufzeit und wie weit im Voraus gebucht werden kann.",
          "Bis wann Kundinnen und Kunden Termine verschieben oder absagen können, und der Text zu Ihren Stornobedingungen.",
          "Kontaktdaten, die der Telefonassistent nennt, und die Anbindung Ihres Kalenders.",
        ]}
      />
    </>
  );
}
