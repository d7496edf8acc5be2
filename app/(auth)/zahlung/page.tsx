import type { Metadata } from "next";
import { CircleCheck, Info } from "lucide-react";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert, AlertDescription } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Anzahlung" };

/**
 * Where Stripe's Checkout sends the customer back after paying a deposit link (or cancelling
 * it). Open without a session; the payment itself is recorded from Stripe's webhook, not here.
 */
export default async function PaymentReturnPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { status } = await searchParams;
  const paid = status === "bezahlt" || status === "karte";
  return (
    <AuthCard header={<h1 className="text-xl font-semibold leading-none tracking-tight">{paid ? "Vielen Dank!" : "Zahlung abgebrochen"}</h1>}>
      <Alert>
        {paid ? <CircleCheck aria-hidden /> : <Info aria-hidden />}
        <AlertDescription>
          {status === "karte"
            ? "Ihre Karte ist hinterlegt. Sie können diese Seite schließen."
            : paid
            ? "Ihre Anzahlung ist eingegangen. Ihr Termin bleibt wie vereinbart; Sie können diese Seite schließen."
            : "Es wurde nichts bezahlt. Solange der Link aus Ihrer SMS gilt, können Sie ihn erneut öffnen und die Anzahlung leisten."}
        </AlertDescription>
      </Alert>
    </AuthCard>
  );
}
