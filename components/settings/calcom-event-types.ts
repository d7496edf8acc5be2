/** Cal.com event types as the service form offers them (pure: labels, options, the duration check). */
import type { Option } from "@/components/forms/option-select";

/** An event type as `calcom.getEventTypes` lists it. */
export interface EventTypeChoice {
  id: number | string;
  title: string;
  length_in_minutes: number;
}

/** "Haarschnitt · 30 Min." */
export function eventTypeLabel(eventType: EventTypeChoice): string {
  return `${eventType.title} · ${eventType.length_in_minutes} Min.`;
}

/**
 * The select's options. An id held (the stored one, the one chosen) that Cal.com does not list
 * (deleted, hidden) stays selectable under its number, so the form never drops it unnoticed.
 */
export function eventTypeOptions(eventTypes: readonly EventTypeChoice[], keepIds: readonly string[]): Option[] {
  const options = eventTypes.map((e) => ({ value: String(e.id), label: eventTypeLabel(e) }));
  const missing = [...new Set(keepIds.map((id) => id.trim()))].filter((id) => id !== "" && !options.some((o) => o.value === id));
  return [...missing.map((id) => ({ value: id, label: `Terminart ${id} (in Cal.com nicht gefunden)` })), ...options];
}

/** The chosen event type, by the select's value. */
export function chosenEventType(eventTypes: readonly EventTypeChoice[], value: string): EventTypeChoice | undefined {
  return value.trim() === "" ? undefined : eventTypes.find((e) => String(e.id) === value.trim());
}

/**
 * "Die Dauer in Cal.com (45 Min.) weicht von der Leistung ab (30 Min.)." when the chosen event
 * type lasts otherwise than the service; null when they agree, nothing is chosen or the typed
 * duration is no whole number of minutes yet.
 */
export function durationMismatch(eventType: EventTypeChoice | undefined, serviceMinutesText: string): string | null {
  if (!eventType) return null;
  const text = serviceMinutesText.trim();
  if (!/^\d+$/.test(text)) return null;
  const serviceMinutes = Number(text);
  if (eventType.length_in_minutes === serviceMinutes) return null;
  return `Die Dauer in Cal.com (${eventType.length_in_minutes} Min.) weicht von der Leistung ab (${serviceMinutes} Min.).`;
}
