import type { AppointmentDto } from "@/server/services/appointments/schemas";

/** "Damenhaarschnitt von Maria Müller am 11.03.2026 um 10:00 Uhr", for dialogs and button names. */
export function describeAppointment(a: Pick<AppointmentDto, "service" | "customer_name" | "customer_phone" | "date" | "time">): string {
  return `${a.service} von ${a.customer_name ?? a.customer_phone} am ${a.date} um ${a.time} Uhr`;
}

/** "Di., 15.12.2026 14:00", as toasts name an appointment's time. */
export function shortWhen(a: Pick<AppointmentDto, "weekday" | "date" | "time">): string {
  return `${a.weekday.slice(0, 2)}., ${a.date} ${a.time}`;
}

/** The toast after a move, in the staff's words (the method's own message speaks to the caller). */
export function movedToast(a: Pick<AppointmentDto, "weekday" | "date" | "time" | "service" | "customer_name" | "customer_phone">): [string, { description: string }] {
  return [`Termin verschoben auf ${shortWhen(a)}`, { description: `${a.service}, ${a.customer_name ?? a.customer_phone}` }];
}
