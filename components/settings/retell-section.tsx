import Link from "next/link";
import { ApiKeyCard } from "@/components/retell/api-key-card";

/** Retell: the API key card of the Retell-Konfiguration page, shown here too. */
export function RetellSection() {
  return (
    <div className="grid gap-3">
      <ApiKeyCard />
      <p className="text-sm text-muted-foreground">
        Webhook-Adresse, Ereignisse und Test finden Sie unter{" "}
        <Link href="/retell" className="font-medium text-primary underline-offset-4 hover:underline">
          Retell-Konfiguration
        </Link>
        .
      </p>
    </div>
  );
}
