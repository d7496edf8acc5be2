import type { BadgeProps } from "@/components/ui/badge";
import type { MessageDto } from "@/server/services/messaging-delivery/schemas";

export type MessageState = MessageDto["state"];
export type MessageKind = MessageDto["kind"];

export { MESSAGE_KIND_LABELS } from "@/server/services/messaging-delivery/schemas";

export const CHANNEL_LABELS: Record<MessageDto["channel"], string> = { sms: "SMS", email: "E-Mail" };

const STATES: Record<MessageState, { label: string; variant: BadgeProps["variant"] }> = {
  queued: { label: "in Warteschlange", variant: "secondary" },
  sent: { label: "gesendet", variant: "success" },
  delivered: { label: "zugestellt", variant: "success" },
  failed: { label: "fehlgeschlagen", variant: "destructive" },
  suppressed: { label: "nicht gesendet", variant: "outline" },
};

/**
 * The state as the badge says it: "gesendet", or with the reason "fehlgeschlagen: Nummer ungültig",
 * "nicht gesendet: Kunde möchte keine SMS" (a reason that already says "nicht zugestellt: …" stands alone).
 */
export function messageStateInfo(state: MessageState, error: string | null): { label: string; variant: BadgeProps["variant"] } {
  const { label, variant } = STATES[state];
  if (!error || (state !== "failed" && state !== "suppressed")) return { label, variant };
  return { label: /^nicht /i.test(error) ? error : `${label}: ${error}`, variant };
}
