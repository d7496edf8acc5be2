/** The printable day plan: its address (datum, filiale) and the day's appointments by staff member. */
import { isValidLocalDate } from "@/server/scheduling/local-date";
import type { AppointmentDto } from "@/server/services/appointments/schemas";
import type { QueryReader } from "./url-query";

export const PRINT_PATH = "/termine/druck";

/** appointments.list's largest page: far more than one branch books in a day. */
const DAY_LIMIT = 200;

/** The appointments.list params of the plan (the server page prefetches exactly these, so they live outside the client component). */
export function dayPlanInput(day: string, branch?: string) {
  return { date_from: day, date_to: day, ...(branch ? { branch_id: branch } : {}), limit: DAY_LIMIT, offset: 0 };
}

/** "/termine/druck?datum=2026-12-15&filiale=…" */
export function printHref(day: string, branch?: string): string {
  const query = new URLSearchParams({ datum: day });
  if (branch) query.set("filiale", branch);
  return `${PRINT_PATH}?${query.toString()}`;
}

/** The plan's day and branch from its query; a missing or wrong day is today. */
export function printQuery(query: QueryReader, today: string): { day: string; branch?: string } {
  const day = query.get("datum");
  const branch = query.get("filiale")?.trim().slice(0, 100) || undefined;
  return { day: day && isValidLocalDate(day) ? day : today, ...(branch ? { branch } : {}) };
}

export interface StaffDay {
  /** null: booked without a staff member ("Beliebiger Mitarbeiter"). */
  staffId: string | null;
  staff: string;
  appointments: AppointmentDto[];
}

/**
 * One section per staff member (by name; those without one last), each in time order. Cancelled
 * appointments are left out: nobody comes for them.
 */
export function byStaff(appointments: AppointmentDto[]): StaffDay[] {
  const sections = new Map<string | null, StaffDay>();
  for (const a of appointments) {
    if (a.status === "cancelled") continue;
    const section = sections.get(a.staff_id) ?? { staffId: a.staff_id, staff: a.staff, appointments: [] };
    section.appointments.push(a);
    sections.set(a.staff_id, section);
  }
  for (const section of sections.values()) section.appointments.sort((x, y) => x.starts_at.localeCompare(y.starts_at));
  return [...sections.values()].sort((x, y) => Number(x.staffId === null) - Number(y.staffId === null) || x.staff.localeCompare(y.staff, "de"));
}
