/** German names of Retell's call events (reference: retell.config's WEBHOOK_EVENTS). */
export const EVENT_LABELS: Record<string, { label: string; hint: string }> = {
  call_started: { label: "Gesprächsbeginn", hint: "Ein Anruf wurde angenommen." },
  call_ended: { label: "Gesprächsende", hint: "Der Anruf ist beendet; mit Transkript und Dauer." },
  call_analyzed: { label: "Gesprächsauswertung", hint: "Zusammenfassung und Ergebnis des Anrufs." },
  transcript_updated: { label: "Transkript aktualisiert", hint: "Laufende Mitschrift während des Gesprächs." },
  transfer_started: { label: "Weiterleitung begonnen", hint: "Der Anruf wird an eine Person weitergeleitet." },
  transfer_bridged: { label: "Weiterleitung verbunden", hint: "Die Weiterleitung ist zustande gekommen." },
  transfer_cancelled: { label: "Weiterleitung abgebrochen", hint: "Die Weiterleitung wurde abgebrochen." },
  transfer_ended: { label: "Weiterleitung beendet", hint: "Das weitergeleitete Gespräch ist beendet." },
};

export function eventLabel(event: string): string {
  return EVENT_LABELS[event]?.label ?? event;
}
