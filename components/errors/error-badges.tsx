import { Badge } from "@/components/ui/badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Info } from "lucide-react";
import { SOURCE_LABELS, STATUS_LABELS, type ErrorSource } from "@/server/services/sentry/schemas";

/** Offen / Erledigt / Ignoriert; an unknown Sentry status as it comes. */
export function ErrorStatusBadge({ status }: { status: string }) {
  const label = STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status;
  return <Badge variant={status === "unresolved" ? "warning" : status === "resolved" ? "success" : "secondary"}>{label}</Badge>;
}

/** Which store answered, and why the app's own one did when Sentry is set up. */
export function SourceNote({ source, notice }: { source: ErrorSource; notice: string | null }) {
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground" data-testid="error-source">
        Quelle: <span className="font-medium text-foreground">{SOURCE_LABELS[source]}</span>
        {source === "app" && " – personenbezogene Daten wie Telefonnummern, Namen und E-Mail-Adressen sind entfernt."}
      </p>
      {notice && (
        <Alert>
          <Info aria-hidden />
          <AlertDescription>{notice}</AlertDescription>
        </Alert>
      )}
    </div>
  );
}
