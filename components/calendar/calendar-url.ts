/**
 * The Kalender's place in the URL (?datum=2026-12-01&ansicht=tag&filiale=…), so a reload or a
 * shared link shows the same day, view and branch. Defaults (today, Tag, first branch) stay out.
 */
import type { QueryReader } from "@/components/appointments/url-query";
import { addDaysLocal, isValidLocalDate, weekdayOfLocalDate } from "@/server/scheduling/local-date";
import { germanWeekdayName } from "@/server/scheduling/time";
import { germanDate } from "@/components/forms/typed-date";

export type CalendarMode = "tag" | "woche";

export interface CalendarState {
  /** YYYY-MM-DD, Berlin. */
  date: string;
  mode: CalendarMode;
  branch?: string;
}

export function calendarFromQuery(query: QueryReader, today: string): CalendarState {
  const date = query.get("datum");
  const branch = query.get("filiale")?.trim().slice(0, 100);
  return {
    date: date && isValidLocalDate(date) ? date : today,
    mode: query.get("ansicht") === "woche" ? "woche" : "tag",
    ...(branch ? { branch } : {}),
  };
}

export function calendarToQuery(state: CalendarState, today: string): string {
  const query = new URLSearchParams();
  if (state.date !== today) query.set("datum", state.date);
  if (state.mode !== "tag") query.set("ansicht", state.mode);
  if (state.branch) query.set("filiale", state.branch);
  return query.toString();
}

/** The Monday of the week `date` lies in: the week view always starts there. */
export function mondayOf(date: string): string {
  return addDaysLocal(date, -((weekdayOfLocalDate(date) + 6) % 7));
}

/** appointments.calendar's params for the state. */
export function calendarInput(state: CalendarState) {
  return state.mode === "woche"
    ? { date: mondayOf(state.date), days: 7 as const, ...(state.branch ? { branch_id: state.branch } : {}) }
    : { date: state.date, days: 1 as const, ...(state.branch ? { branch_id: state.branch } : {}) };
}

/** "Mi., 02.12.2026" (not Intl: its short weekdays differ between ICU versions, "Mi" or "Mi."). */
export function shortDayLabel(day: string): string {
  return `${germanWeekdayName(weekdayOfLocalDate(day)).slice(0, 2)}., ${germanDate(day)}`;
}

/** "Mittwoch, 02.12.2026" */
export function longDayLabel(day: string): string {
  return `${germanWeekdayName(weekdayOfLocalDate(day))}, ${germanDate(day)}`;
}
