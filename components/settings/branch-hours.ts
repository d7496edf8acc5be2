/** Branch opening hours and breaks as stored, in the { start, end } ranges the week summary reads. */
import type { Branch } from "@/server/services/branch/schemas";
import type { WeekRanges } from "./hours-editor";

type StoredWeek = Branch["business_hours"]["weekly"];

export function openingsToRanges(weekly: StoredWeek): WeekRanges {
  return Object.fromEntries(Object.entries(weekly).map(([day, list]) => [day, list.map((r) => ({ start: r.open ?? "", end: r.close ?? "" }))]));
}

export function breaksToRanges(breaks: StoredWeek): WeekRanges {
  return Object.fromEntries(Object.entries(breaks).map(([day, list]) => [day, list.map((r) => ({ start: r.start ?? "", end: r.end ?? "" }))]));
}
