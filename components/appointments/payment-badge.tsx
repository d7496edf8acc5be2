import { Badge, type BadgeProps } from "@/components/ui/badge";
import { PAYMENT_KIND_LABELS, PAYMENT_STATE_LABELS, type PaymentDto } from "@/server/services/stripe/schemas";

const STATE_VARIANT: Record<PaymentDto["state"], BadgeProps["variant"]> = {
  pending: "warning",
  paid: "success",
  expired: "secondary",
  refunded: "secondary",
  partially_refunded: "secondary",
  failed: "destructive",
};

/** "Anzahlung bezahlt", "No-Show-Gebühr fehlgeschlagen" … */
export function PaymentBadge({ payment }: { payment: Pick<PaymentDto, "kind" | "state"> }) {
  return <Badge variant={STATE_VARIANT[payment.state]}>{`${PAYMENT_KIND_LABELS[payment.kind]} ${PAYMENT_STATE_LABELS[payment.state]}`}</Badge>;
}
