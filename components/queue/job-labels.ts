import type { BadgeProps } from "@/components/ui/badge";
import type { JobDto } from "@/server/services/queue/schemas";

export type JobState = JobDto["state"];

/** Tabs in this order; each names the state in German. */
export const JOB_STATES: Array<{ state: JobState; label: string; variant: BadgeProps["variant"] }> = [
  { state: "pending", label: "Wartend", variant: "secondary" },
  { state: "processing", label: "In Bearbeitung", variant: "warning" },
  { state: "failed", label: "Fehlgeschlagen", variant: "destructive" },
  { state: "done", label: "Erledigt", variant: "success" },
  { state: "cancelled", label: "Abgebrochen", variant: "outline" },
];

export function stateInfo(state: JobState) {
  return JOB_STATES.find((s) => s.state === state)!;
}

const KINDS: Record<string, string> = {
  "notification.send": "Benachrichtigung",
  "message.send": "Nachricht an Kundschaft",
  "retell.webhook": "Anrufereignis von Retell",
  "stripe.deposit-link": "Zahlungslink für Anzahlung",
  "stripe.deposit-expire": "Zahlungslink beenden (Termin storniert)",
};

export function kindLabel(kind: string): string {
  return KINDS[kind] ?? kind;
}
