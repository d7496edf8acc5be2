import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { PurposeCard } from "@/components/dashboard/purpose-card";
import { requireAdmin } from "@/server/auth/session";

export const metadata: Metadata = { title: "Retell-Konfiguration" };

export default async function Page() {
  await requireAdmin();
  return (
    <>
      <PageHeader section="retell" />
      <PurposeCard
        points={[
          "Die Adresse, an die Retell Gesprächsereignisse meldet, und das Geheimnis zur Prüfung der Signatur.",
          "Welche Ereignisse gemeldet werden: Gesprächsbeginn, Gesprächsende und Auswertung.",
          "Ein Verbindungstest mit Statuscode und Antwortzeit.",
        ]}
      />
    </>
  );
}
