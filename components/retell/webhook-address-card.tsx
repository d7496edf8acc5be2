"use client";

import { Link2, TriangleAlert } from "lucide-react";
import { CopyButton } from "@/components/forms/copy-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SigningKey } from "./signing-key";
import type { WebhookConfiguration } from "./use-webhook-configuration";

/** Where Retell sends call events and function calls (built from APP_URL, with a warning when Retell cannot reach it), and the key it signs them with. */
export function WebhookAddressCard({ config }: { config: WebhookConfiguration }) {
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Link2 className="size-4 text-muted-foreground" aria-hidden /> Webhook
        </CardTitle>
        <CardDescription>Tragen Sie diese Adressen in Retell ein. AskProAI prüft jede Meldung anhand ihrer Signatur.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {config.webhook_address_warning && (
          <Alert role="alert" className="border-warning/40 bg-warning/5 text-foreground [&>svg]:text-warning" data-testid="webhook-address-warning">
            <TriangleAlert aria-hidden />
            <AlertTitle>Adresse aus dem Internet nicht erreichbar</AlertTitle>
            <AlertDescription>{config.webhook_address_warning}</AlertDescription>
          </Alert>
        )}
        <CopyableField id="webhook-url" label="Webhook-URL" value={config.webhook_url} />
        <CopyableField id="function-url" label="Adresse für eigene Funktionen" value={config.custom_function_url} />
        {/* Keyed by the masked key: a new key (saved or rotated) drops a revealed old one. */}
        <SigningKey key={config.webhook_secret} config={config} />
      </CardContent>
    </Card>
  );
}

function CopyableField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="grid gap-2">
      {/* The copy button sits next to the label, so the whole address fits the field. */}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        <CopyButton value={value} label={`${label} kopieren`} />
      </div>
      <Input id={id} value={value} readOnly className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}
