import type { BadgeProps } from "@/components/ui/badge";
import type { CallOutcome } from "@/server/services/dashboard/recent-calls";

/** How a call ended, in German, with the badge colour that goes with it. */
export const CALL_OUTCOME_LABELS: Record<CallOutcome, { label: string; variant: BadgeProps["variant"] }> = {
  booked: { label: "Termin gebucht", variant: "success" },
  changed: { label: "Termin verschoben", variant: "secondary" },
  cancelled: { label: "Termin storniert", variant: "secondary" },
  info: { label: "Auskunft", variant: "outline" },
  follow_up: { label: "Rückruf nötig", variant: "warning" },
  none: { label: "Ohne Ergebnis", variant: "outline" },
};

export const UNKNOWN_OUTCOME = { label: "Noch nicht ausgewertet", variant: "outline" } as const;
