import { PhoneOff } from "lucide-react";
import { NotFoundCard } from "@/components/appointments/not-found-card";

export default function CallNotFound() {
  return (
    <NotFoundCard icon={PhoneOff} title="Anruf nicht gefunden" text="Diesen Anruf gibt es nicht oder nicht in Ihrem Betrieb." href="/anrufe" linkLabel="Zu den Anrufen" />
  );
}
