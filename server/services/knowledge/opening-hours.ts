/**
 * Opening hours (read with server/calendar/schedules.ts) spoken as a German
 * sentence ("Montag bis Mittwoch 09:00 bis 18:00 Uhr, Sonntag geschlossen").
 */
import type { BusinessHours, SpecialDay } from "@/server/scheduling/slot-types";
import { germanWeekdayName } from "@/server/scheduling/time";
import { parseLocalTime, weekdayOfLocalDate, type Weekday } from "@/server/scheduling/local-date";

/** Whether "HH:mm" lies inside an opening interval on that weekday (for "um drei" → 15:00). */
export function isWithinOpeningHours(hours: BusinessHours, weekday: Weekday, time: string): boolean {
  const minutes = parseLocalTime(time);
  if (minutes === null) return false;
  return (hours.weekly[weekday] ?? []).some((i) => {
    const open = parseLocalTime(i.open);
    const close = i.close === "24:00" ? 1440 : parseLocalTime(i.close);
    return open !== null && close !== null && minutes >= open && minutes < close;
  });
}

const WEEK_ORDER: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** "Montag bis Freitag 09:00 bis 18:00 Uhr, Samstag 09:00 bis 14:00 Uhr, Sonntag geschlossen" */
export function describeOpeningHours(hours: BusinessHours): string {
  const dayText = (d: Weekday) => {
    const intervals = hours.weekly[d] ?? [];
    return intervals.length === 0 ? "geschlossen" : `${intervals.map((i) => `${i.open} bis ${i.close}`).join(" und ")} Uhr`;
  };
  const groups: Array<{ from: Weekday; to: Weekday; text: string }> = [];
  for (const day of WEEK_ORDER) {
    const text = dayText(day);
    const last = groups.at(-1);
    if (last && last.text === text) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  return groups
    .map((g) => {
      const days = g.from === g.to ? germanWeekdayName(g.from) : `${germanWeekdayName(g.from)} bis ${germanWeekdayName(g.to)}`;
      return `${days} ${g.text}`;
    })
    .join(", ");
}

/**
 * " Abweichend: am Donnerstag, 24.12.2026 geschlossen (Heiligabend); am Donnerstag,
 * 31.12.2026 nur 10:00 bis 14:00 Uhr." — empty without special days.
 */
export function describeSpecialDays(days: readonly SpecialDay[]): string {
  if (days.length === 0) return "";
  const parts = days.map((d) => {
    const day = `am ${germanWeekdayName(weekdayOfLocalDate(d.date))}, ${d.date.slice(8, 10)}.${d.date.slice(5, 7)}.${d.date.slice(0, 4)}`;
    const what = d.closed || d.hours.length === 0 ? "geschlossen" : `nur ${d.hours.map((h) => `${h.open} bis ${h.close}`).join(" und ")} Uhr`;
    return `${day} ${what}${d.reason ? ` (${d.reason})` : ""}`;
  });
  return ` Abweichend: ${parts.join("; ")}.`;
}

/** 4900 → "49 Euro", 4950 → "49,50 Euro" */
export function formatEuro(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? `${euros} Euro` : `${euros},${String(rest).padStart(2, "0")} Euro`;
}
