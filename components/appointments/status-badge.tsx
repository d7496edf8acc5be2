import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, type AppointmentStatus } from "./labels";

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const { label, variant } = STATUS_LABELS[status];
  return (
    <Badge variant={variant} data-testid="appointment-status">
      {label}
    </Badge>
  );
}
