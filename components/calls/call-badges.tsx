import Link from "next/link";
import { CALL_OUTCOME_LABELS, UNKNOWN_OUTCOME } from "@/components/dashboard/overview/call-outcome";
import { Badge, badgeVariants, type BadgeProps } from "@/components/ui/badge";
import { cn } from "@/components/ui/utils";
import type { CallOutcome } from "@/server/services/dashboard/recent-calls";

const isOutcome = (value: string | null): value is CallOutcome => value !== null && value in CALL_OUTCOME_LABELS;

/** How the call ended (booked, info, …), with the overview's labels and colours; "Rückruf nötig" leads to the Rückrufe. */
export function CallOutcomeBadge({ outcome }: { outcome: string | null }) {
  const { label, variant } = isOutcome(outcome) ? CALL_OUTCOME_LABELS[outcome] : UNKNOWN_OUTCOME;
  if (outcome === "follow_up") {
    return (
      <Link href="/rueckrufe" title="Zu den Rückrufen" className={cn(badgeVariants({ variant }), "underline-offset-4 hover:underline")}>
        {label}
      </Link>
    );
  }
  return <Badge variant={variant}>{label}</Badge>;
}

/** Retell's user_sentiment in German. */
const SENTIMENTS: Record<string, { label: string; variant: BadgeProps["variant"] }> = {
  Positive: { label: "Positiv", variant: "success" },
  Neutral: { label: "Neutral", variant: "secondary" },
  Negative: { label: "Negativ", variant: "destructive" },
  Unknown: { label: "Unbekannt", variant: "outline" },
};

export function SentimentBadge({ sentiment }: { sentiment: string | null }) {
  if (!sentiment) return <span className="text-muted-foreground">–</span>;
  const { label, variant } = SENTIMENTS[sentiment] ?? { label: sentiment, variant: "outline" };
  return <Badge variant={variant}>{label}</Badge>;
}

/** Retell's call_status in German. */
export const CALL_STATUS_LABELS: Record<string, string> = {
  registered: "Angemeldet",
  ongoing: "Läuft",
  ended: "Beendet",
  not_connected: "Nicht verbunden",
  error: "Fehler",
};
