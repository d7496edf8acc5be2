"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Send, TriangleAlert } from "lucide-react";
import { formatDateTime } from "@/components/forms/format";
import { PendingButton } from "@/components/forms/pending-button";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/sonner";
import type { WebhookConfiguration } from "./use-webhook-configuration";

const ms = (value: number) => `${value.toLocaleString("de-DE")} ms`;
const httpStatus = (code: number | null) => (code === null ? "keine Antwort" : `HTTP ${code}`);

/** "Webhook testen": a signed test event to the company's own webhook URL, with status code and time. */
export function WebhookTestCard({ config }: { config: WebhookConfiguration }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const test = useMutation(
    trpc.retell.config.testWebhook.mutationOptions({
      onSuccess: async (result) => {
        if (result.success) toast.success(`Webhook erreichbar: ${httpStatus(result.status_code)} in ${ms(result.response_time_ms)}.`);
        else toast.error(result.error ?? "Der Webhook-Test ist fehlgeschlagen.");
        // The service stored this run as the last test.
        await queryClient.invalidateQueries({ queryKey: trpc.retell.config.getWebhookConfiguration.queryKey() });
      },
      onError: toastError,
    }),
  );
  const result = test.data;

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Send className="size-4 text-muted-foreground" aria-hidden /> Verbindungstest
        </CardTitle>
        <CardDescription>
          Ein Verbindungstest mit Statuscode und Antwortzeit: AskProAI sendet ein signiertes Testereignis an die Webhook-URL, so wie Retell es tun würde.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div>
          <PendingButton type="button" onClick={() => test.mutate({})} pending={test.isPending} disabled={!config.connected} icon={<Send aria-hidden />}>
            Webhook testen
          </PendingButton>
          {!config.connected && <p className="mt-2 text-xs text-muted-foreground">Ohne Retell-API-Schlüssel lässt sich kein signierter Test senden.</p>}
        </div>
        <div aria-live="polite">
          {result && (
            <Alert variant={result.success ? "default" : "destructive"} role="status" data-testid="webhook-test-result">
              {result.success ? <CheckCircle2 className="text-success" aria-hidden /> : <TriangleAlert aria-hidden />}
              <AlertTitle>{result.success ? "Test erfolgreich" : "Test fehlgeschlagen"}</AlertTitle>
              <AlertDescription>
                Statuscode: {httpStatus(result.status_code)} · Antwortzeit: {ms(result.response_time_ms)}
                {result.error && <p>{result.error}</p>}
              </AlertDescription>
            </Alert>
          )}
        </div>
        <LastTest config={config} />
      </CardContent>
    </Card>
  );
}

function LastTest({ config }: { config: WebhookConfiguration }) {
  if (!config.last_tested_at) return <p className="text-sm text-muted-foreground">Noch kein Test durchgeführt.</p>;
  const ok = config.test_status === "success";
  return (
    <section aria-labelledby="last-test-title" className="rounded-md border p-4" data-testid="last-webhook-test">
      <h4 id="last-test-title" className="mb-3 text-sm font-medium">
        Letzter Test
      </h4>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted-foreground">Zeitpunkt</dt>
        <dd className="tabular">{formatDateTime(config.last_tested_at)}</dd>
        <dt className="text-muted-foreground">Ergebnis</dt>
        <dd>{ok ? <Badge variant="success">Erfolgreich</Badge> : <Badge variant="destructive">Fehlgeschlagen</Badge>}</dd>
        <dt className="text-muted-foreground">Statuscode</dt>
        <dd className="tabular">{httpStatus(config.last_test_status_code)}</dd>
        <dt className="text-muted-foreground">Dauer</dt>
        <dd className="tabular">{config.last_test_duration_ms === null ? "–" : ms(config.last_test_duration_ms)}</dd>
      </dl>
    </section>
  );
}
