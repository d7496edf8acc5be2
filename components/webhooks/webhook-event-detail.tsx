"use client";

import { useQuery } from "@tanstack/react-query";
import { Facts } from "@/components/details/facts";
import { formatDateTime } from "@/components/forms/format";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { eventLabel, plainError, PROVIDER_LABELS } from "./labels";
import { ReplayButton } from "./replay-button";
import { WebhookStatusBadge } from "./webhook-status-badge";

/** One event in a dialog: its facts, the error, "Erneut verarbeiten" when it failed, and the payload with secrets hidden. */
export function WebhookEventDetail({ eventId, onClose }: { eventId: string | null; onClose: () => void }) {
  return (
    <Dialog open={eventId !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-3xl" data-testid="webhook-event-detail">
        {eventId && <DetailBody eventId={eventId} />}
      </DialogContent>
    </Dialog>
  );
}

function DetailBody({ eventId }: { eventId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.webhook.getEvent.queryOptions({ event_id: eventId }));
  if (detail.status === "pending") {
    return (
      <>
        <DialogHeader>
          <DialogTitle>Webhook-Ereignis</DialogTitle>
          <DialogDescription>Wird geladen …</DialogDescription>
        </DialogHeader>
        <Skeleton className="h-40 w-full" aria-label="Ereignis wird geladen" />
      </>
    );
  }
  if (detail.status === "error") {
    return (
      <>
        <DialogHeader>
          <DialogTitle>Webhook-Ereignis</DialogTitle>
          <DialogDescription>Das Ereignis konnte nicht geladen werden.</DialogDescription>
        </DialogHeader>
        <Alert variant="destructive">
          <AlertDescription>{errorMessage(detail.error)}</AlertDescription>
        </Alert>
      </>
    );
  }
  const e = detail.data.event;
  const error = plainError(e.error);
  return (
    <>
      <DialogHeader>
        <DialogTitle>
          {eventLabel(e.event)} · {PROVIDER_LABELS[e.provider] ?? e.provider}
        </DialogTitle>
        <DialogDescription>Empfangen am {formatDateTime(e.received_at)}. Schlüssel, Tokens und Signaturen in den Daten sind verborgen.</DialogDescription>
      </DialogHeader>
      <Facts
        label="Angaben zum Ereignis"
        facts={[
          ["Status", <WebhookStatusBadge key="s" status={e.status} />],
          ["Ereignis", <code key="e" className="font-mono text-xs">{e.event}</code>],
          ["Anruf-ID", e.call_id],
          [e.status === "failed" ? "Letzter Versuch" : "Verarbeitet", e.status !== "received" && e.processed_at ? formatDateTime(e.processed_at) : null],
          ["Versuche", String(e.attempts)],
          ["Fehler", error],
          ["Technische Meldung", error !== e.error ? e.error : null],
        ]}
      />
      {e.replayable && (
        <div className="flex flex-wrap items-center gap-3">
          <ReplayButton eventId={e.id} />
          <p className="text-sm text-muted-foreground">Erst die Ursache beheben (z. B. die Terminart einer Leistung zuordnen), dann erneut verarbeiten.</p>
        </div>
      )}
      <section className="grid min-w-0 gap-2">
        <h3 className="text-sm font-medium">Empfangene Daten</h3>
        <pre className="max-h-[50vh] overflow-auto rounded-md bg-muted p-3 font-mono text-xs break-all whitespace-pre-wrap" data-testid="webhook-payload">
          {JSON.stringify(e.payload, null, 2)}
        </pre>
      </section>
    </>
  );
}
