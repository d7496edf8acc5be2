/** The Termine list as a CSV file: German columns, days dd.MM.yyyy and times HH:mm (Europe/Berlin). */
import { formatTime } from "@/components/forms/format";
import { toCsv } from "@/components/lists/csv";
import type { AppointmentDto } from "@/server/services/appointments/schemas";
import { SOURCE_LABELS, STATUS_LABELS } from "./labels";
import type { AppointmentFilters } from "./list-filters";

const HEADER = ["Datum", "Wochentag", "Beginn", "Ende", "Kundschaft", "Telefon", "Leistung", "Mitarbeitende", "Filiale", "Status", "Gebucht über", "Notizen"] as const;

export function appointmentsCsv(appointments: AppointmentDto[]): string {
  return toCsv(
    HEADER,
    appointments.map((a) => [
      a.date,
      a.weekday,
      a.time,
      formatTime(a.ends_at),
      a.customer_name,
      a.customer_phone,
      a.service,
      a.staff,
      a.branch,
      STATUS_LABELS[a.status].label,
      SOURCE_LABELS[a.source],
      a.notes,
    ]),
  );
}

/** "termine-2026-12-01-bis-2026-12-14.csv" */
export function csvFileName(filters: Pick<AppointmentFilters, "from" | "to">): string {
  return filters.from === filters.to ? `termine-${filters.from}.csv` : `termine-${filters.from}-bis-${filters.to}.csv`;
}
