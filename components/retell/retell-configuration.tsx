"use client";

import { RotateCw, TriangleAlert } from "lucide-react";
import { PageSkeleton } from "@/components/dashboard/page-skeleton";
import { errorMessage } from "@/components/forms/trpc-errors";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiKeyCard } from "./api-key-card";
import { useWebhookConfiguration } from "./use-webhook-configuration";
import { WebhookAddressCard } from "./webhook-address-card";
import { WebhookEventsCard } from "./webhook-events-card";
import { WebhookTestCard } from "./webhook-test-card";

/** Retell-Konfiguration: webhook addresses and key, reported events, connection test and the API key. */
export function RetellConfiguration() {
  const config = useWebhookConfiguration();
  if (config.isPending) return <PageSkeleton cards={0} rows={3} />;
  if (config.isError) {
    return (
      <Alert variant="destructive">
        <TriangleAlert aria-hidden />
        <AlertTitle>Die Retell-Konfiguration konnte nicht geladen werden.</AlertTitle>
        <AlertDescription className="grid gap-3">
          <p>{errorMessage(config.error)}</p>
          <div>
            <Button type="button" variant="outline" size="sm" onClick={() => config.refetch()}>
              <RotateCw aria-hidden /> Erneut versuchen
            </Button>
          </div>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="grid items-start gap-6 xl:grid-cols-2">
      <div className="grid min-w-0 gap-6">
        <WebhookAddressCard config={config.data} />
        {/* Keyed by the stored events: a save elsewhere (another tab, a reload) resets the checkboxes. */}
        <WebhookEventsCard key={config.data.configured_events.join()} config={config.data} />
      </div>
      <div className="grid min-w-0 gap-6">
        <WebhookTestCard config={config.data} />
        <ApiKeyCard />
      </div>
    </div>
  );
}
