import { UserX } from "lucide-react";
import { NotFoundCard } from "@/components/appointments/not-found-card";

export default function CustomerNotFound() {
  return (
    <NotFoundCard icon={UserX} title="Kunde nicht gefunden" text="Diesen Kunden gibt es nicht (mehr) oder nicht in Ihrem Betrieb." href="/kunden" linkLabel="Zu den Kunden" />
  );
}
