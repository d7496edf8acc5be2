/** German phrases the receptionist reads to callers. */
import { formatGermanDate, formatGermanTime, germanWeekdayName } from "@/server/scheduling/time";

export const ANY_STAFF = "Beliebiger Mitarbeiter";

/** "Donnerstag, 12.03.2026 um 14:00 Uhr" */
export function spokenDateTime(instant: Date, tz: string): string {
  return `${spokenDate(instant, tz)} um ${formatGermanTime(instant, tz)} Uhr`;
}

/** "Donnerstag, 12.03.2026" */
export function spokenDate(instant: Date, tz: string): string {
  return `${germanWeekdayName(instant, tz)}, ${formatGermanDate(instant, tz)}`;
}

/** "a", "a und b", "a, b und c" (or "oder"). */
export function joinGerman(items: readonly string[], conjunction: "und" | "oder" = "und"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
