"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CreditCard, LoaderCircle, Send } from "lucide-react";
import { useState } from "react";
import { DetailCard } from "@/components/details/detail-card";
import { Facts, type Fact } from "@/components/details/facts";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { CopyButton } from "@/components/forms/copy-button";
import { formatDateTime, formatEuro } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { PAYMENT_KIND_LABELS } from "@/server/services/stripe/schemas";
import { PaymentBadge } from "./payment-badge";

type Status = RouterOutputs["stripe"]["getPaymentStatus"];
type Payment = Status["payments"][number];

/**
 * Zahlungen on the appointment: the deposit's and no-show fee's state, with "Zahlungslink senden",
 * "Erstatten" and "No-Show-Gebühr berechnen" where they apply. Hidden while the appointment has
 * nothing to do with payments (no deposit asked, no payment made).
 */
export function PaymentCard({ appointmentId }: { appointmentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...trpc.stripe.getPaymentStatus.queryOptions({ appointment_id: appointmentId }),
    // While a link is open, look again now and then: the webhook marks it paid.
    refetchInterval: (q) => (q.state.data?.payments.some((p) => p.state === "pending") ? 20_000 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.stripe.getPaymentStatus.queryKey({ appointment_id: appointmentId }) });
  const done = (r: { message: string }) => toast.success(r.message);
  const sendLink = useMutation(trpc.stripe.createDepositLink.mutationOptions({ onSuccess: done, onError: toastError, onSettled: refresh }));
  const refund = useMutation(trpc.stripe.refund.mutationOptions({ onSuccess: done, onError: toastError, onSettled: refresh }));
  const [setupUrl, setSetupUrl] = useState<string | null>(null);
  const cardLink = useMutation(
    trpc.stripe.createCardSetupLink.mutationOptions({
      onSuccess: (r) => {
        setSetupUrl(r.url);
        toast.success(r.message);
      },
      onError: toastError,
    }),
  );
  const noShowFee = useMutation(
    trpc.stripe.chargeNoShowFee.mutationOptions({
      onSuccess: (r) => (r.charged ? toast.success(r.message) : toast.error(r.message)),
      onError: toastError,
      onSettled: refresh,
    }),
  );

  const status = query.data;
  if (!status) return null;
  const offerCardLink = status.configured && status.no_show_fee_cents !== null && !status.card_saved;
  const relevant = status.payments.length > 0 || status.deposit_cents !== null || status.can_charge_no_show_fee || offerCardLink;
  if (!relevant) return null;
  const refundable = status.payments.find((p) => (p.state === "paid" || p.state === "partially_refunded") && p.amount_cents > p.refunded_cents);

  return (
    <section aria-label="Zahlungen zum Termin" className="min-w-0">
      <DetailCard icon={CreditCard} title="Zahlungen" contentClassName="grid gap-4">
        {status.payments.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {status.deposit_cents === null
              ? "Keine Zahlungen zu diesem Termin."
              : status.configured
              ? `Anzahlung von ${formatEuro(status.deposit_cents)} noch nicht angefordert.`
              : "Für diese Leistung ist eine Anzahlung eingestellt, aber Stripe ist nicht eingerichtet (Einstellungen → Zahlungen)."}
          </p>
        ) : (
          <ul className="grid gap-3" aria-label="Zahlungen">
            {status.payments.map((p) => (
              <li key={p.id} className="grid gap-2 rounded-md border p-3">
                <PaymentBadge payment={p} />
                <Facts label={PAYMENT_KIND_LABELS[p.kind]} facts={paymentFacts(p)} />
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap gap-2">
          {status.can_send_link && (
            <Button variant="outline" size="sm" disabled={sendLink.isPending} onClick={() => sendLink.mutate({ appointment_id: appointmentId, send: true })}>
              {sendLink.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Send aria-hidden />} Zahlungslink senden
            </Button>
          )}
          {status.can_refund && refundable && (
            <ConfirmDialog
              trigger={
                <Button variant="outline" size="sm">
                  Erstatten
                </Button>
              }
              title="Zahlung erstatten?"
              description={`${formatEuro(refundable.amount_cents - refundable.refunded_cents)} gehen über Stripe an die Kundschaft zurück.`}
              confirmLabel="Erstatten"
              dismissLabel="Zurück"
              onConfirm={() => refund.mutateAsync({ payment_id: refundable.id })}
            />
          )}
          {offerCardLink && (
            <Button variant="outline" size="sm" disabled={cardLink.isPending} onClick={() => cardLink.mutate({ appointment_id: appointmentId })}>
              {cardLink.isPending && <LoaderCircle className="animate-spin" aria-hidden />} Link: Karte hinterlegen
            </Button>
          )}
          {status.can_charge_no_show_fee && (
            <ConfirmDialog
              trigger={
                <Button variant="outline" size="sm">
                  No-Show-Gebühr berechnen
                </Button>
              }
              title="No-Show-Gebühr berechnen?"
              description={`Die hinterlegte Karte wird mit ${formatEuro(status.no_show_fee_cents)} belastet.`}
              confirmLabel="Berechnen"
              dismissLabel="Zurück"
              onConfirm={() => noShowFee.mutateAsync({ appointment_id: appointmentId })}
            />
          )}
        </div>
        {setupUrl && (
          <div className="grid gap-1.5">
            <p className="text-sm text-muted-foreground">
              Über diesen Link hinterlegt die Kundschaft eine Karte und stimmt der No-Show-Gebühr von {formatEuro(status.no_show_fee_cents)} zu (24 Stunden gültig):
            </p>
            <div className="flex min-w-0 items-center gap-2">
              <code className="min-w-0 truncate rounded bg-muted px-2 py-1.5 font-mono text-xs" title={setupUrl}>
                {setupUrl}
              </code>
              <CopyButton value={setupUrl} />
            </div>
          </div>
        )}
      </DetailCard>
    </section>
  );
}

function paymentFacts(p: Payment): Fact[] {
  return [
    ["Betrag", formatEuro(p.amount_cents)],
    ["Erstattet", p.refunded_cents > 0 ? formatEuro(p.refunded_cents) : null],
    ["Link gültig bis", p.state === "pending" && p.expires_at ? formatDateTime(p.expires_at) : null],
    ["Bezahlt am", p.paid_at && formatDateTime(p.paid_at)],
    ["Grund", p.error],
  ];
}
