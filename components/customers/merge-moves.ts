import { counted } from "@/components/dashboard/overview/chart-scale";
import type { RouterOutputs } from "@/components/trpc/provider";

type Moves = RouterOutputs["customer"]["mergePreview"]["moves"];

/** What a merge moves over, in words: "2 Termine, 1 Anruf und 1 Nachricht"; only what is there. */
export function describeMoves(m: Moves): string {
  const parts = [
    m.appointments && counted(m.appointments, "Termin", "Termine"),
    m.calls && counted(m.calls, "Anruf", "Anrufe"),
    m.tasks && counted(m.tasks, "Rückruf-Aufgabe", "Rückruf-Aufgaben"),
    m.payments && counted(m.payments, "Zahlung", "Zahlungen"),
    m.messages && counted(m.messages, "Nachricht", "Nachrichten"),
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return "keine Termine, Anrufe oder Nachrichten";
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} und ${parts.at(-1)}`;
}
