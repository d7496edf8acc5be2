/** Branch opening hours are stored as { open, close }; the shared hours editor edits { start, end }. */
import type { Branch } from "@/server/services/branch/schemas";
import type { OpeningRange } from "@/server/services/branch/weekly-hours";
import type { WeekRanges } from "./hours-editor";

type StoredWeek = Branch["business_hours"]["weekly"];

export function openingsToRanges(weekly: StoredWeek): WeekRanges {
  return Object.fromEntries(Object.entries(weekly).map(([day, list]) => [day, list.map((r) => ({ start: r.open ?? "", end: r.close ?? "" }))]));
}

export function breaksToRanges(breaks: StoredWeek): WeekRanges {
  return Object.fromEntries(Object.entries(breaks).map(([day, list]) => [day, list.map((r) => ({ start: r.start ?? "", end: r.end ?? "" }))]));
}

export function rangesToOpenings(week: WeekRanges): Record<string, OpeningRange[]> {
  return Object.fromEntries(Object.entries(week).map(([day, list]) => [day, (list ?? []).map((r) => ({ open: r.start, close: r.end }))]));
}

/** Error paths of the opening hours ("6.0.close") in the editor's terms ("6.0.end"). */
export function openingErrorsToRanges(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/\.open$/, ".start").replace(/\.close$/, ".end"), message]));
}
