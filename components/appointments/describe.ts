import type { AppointmentDto } from "@/server/services/appointments/schemas";

/** "Damenhaarschnitt von Maria Müller am 11.03.2026 um 10:00 Uhr", for dialogs and button names. */
export function describeAppointment(a: Pick<AppointmentDto, "service" | "customer_name" | "customer_phone" | "date" | "time">): string {
  return `${a.service} von ${a.customer_name ?? a.customer_phone} am ${a.date} um ${a.time} Uhr`;
}
