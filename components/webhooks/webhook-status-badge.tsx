import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS } from "./labels";

const VARIANTS = { received: "outline", processed: "success", ignored: "secondary", failed: "destructive" } as const;

/** empfangen / verarbeitet / ignoriert / fehlgeschlagen */
export function WebhookStatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANTS[status as keyof typeof VARIANTS] ?? "outline"}>{STATUS_LABELS[status] ?? status}</Badge>;
}
