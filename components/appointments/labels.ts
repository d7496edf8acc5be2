import type { BadgeProps } from "@/components/ui/badge";
import type { AppointmentDto } from "@/server/services/appointments/schemas";

export type AppointmentStatus = AppointmentDto["status"];

/** The status of an appointment in German, with its badge colour. */
export const STATUS_LABELS: Record<AppointmentStatus, { label: string; variant: BadgeProps["variant"] }> = {
  scheduled: { label: "Geplant", variant: "default" },
  completed: { label: "Erledigt", variant: "success" },
  cancelled: { label: "Storniert", variant: "destructive" },
  no_show: { label: "Nicht erschienen", variant: "warning" },
};

export const STATUSES = Object.keys(STATUS_LABELS) as AppointmentStatus[];

export const SOURCE_LABELS: Record<AppointmentDto["source"], string> = {
  phone: "Telefonassistent",
  dashboard: "Dashboard",
  api: "Schnittstelle",
  calcom: "Cal.com",
};

/**
 * Who moved or cancelled it: the user's name or the channel ("Telefon", "API") as the service
 * writes it now; older rows carry "phone_system", "user:…", "token:…".
 */
export function actorText(actor: string | null): string | null {
  if (!actor) return null;
  if (actor === "phone_system") return "Telefonassistent";
  if (actor.startsWith("user")) return "Dashboard";
  if (actor.startsWith("token")) return "Schnittstelle";
  if (actor.startsWith("calcom")) return "Cal.com";
  if (actor.startsWith("system")) return "System";
  return actor;
}
