import { CalendarX2 } from "lucide-react";
import { NotFoundCard } from "@/components/appointments/not-found-card";

export default function AppointmentNotFound() {
  return (
    <NotFoundCard
      icon={CalendarX2}
      title="Termin nicht gefunden"
      text="Diesen Termin gibt es nicht oder nicht in Ihrem Betrieb."
      href="/termine"
      linkLabel="Zu den Terminen"
    />
  );
}
