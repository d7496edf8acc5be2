import type { WeekdayKey } from "@/server/services/branch/weekly-hours";

/** Monday first, as German calendars show the week. */
export const WEEK_ORDER: readonly WeekdayKey[] = ["1", "2", "3", "4", "5", "6", "0"];

export const WEEKDAY_NAMES: Record<WeekdayKey, string> = {
  "0": "Sonntag",
  "1": "Montag",
  "2": "Dienstag",
  "3": "Mittwoch",
  "4": "Donnerstag",
  "5": "Freitag",
  "6": "Samstag",
};

export const WEEKDAY_SHORT: Record<WeekdayKey, string> = { "0": "So", "1": "Mo", "2": "Di", "3": "Mi", "4": "Do", "5": "Fr", "6": "Sa" };
