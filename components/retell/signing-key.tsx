"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Eye, EyeOff, LoaderCircle, RefreshCw } from "lucide-react";
import { useEffect, useState } from "react";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { WebhookConfiguration } from "./use-webhook-configuration";

/** A revealed key is hidden again after this long. */
const REVEAL_MS = 60_000;

/**
 * The signing key of webhooks: Retell signs with the company's Retell API key, so this is that
 * key, masked. "Anzeigen" fetches it in clear (admins only; the service writes an audit row)
 * and keeps it in this component only, never in the query cache.
 */
export function SigningKey({ config }: { config: WebhookConfiguration }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [clear, setClear] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);

  useEffect(() => {
    if (clear === null) return;
    const timer = setTimeout(() => setClear(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [clear]);

  async function reveal() {
    setRevealing(true);
    try {
      const { api_key } = await queryClient.fetchQuery({ ...trpc.retell.config.revealApiKey.queryOptions({}), staleTime: 0, gcTime: 0 });
      setClear(api_key);
    } catch (err) {
      toastError(err);
    } finally {
      setRevealing(false);
    }
  }

  return (
    <div className="grid gap-2">
      <Label htmlFor="signing-key">Signaturschlüssel</Label>
      {config.webhook_secret === null ? (
        <p className="text-sm text-muted-foreground">
          Noch kein Retell-API-Schlüssel hinterlegt. <a href="#api-key" className="font-medium text-primary underline-offset-4 hover:underline">Jetzt hinterlegen</a>
        </p>
      ) : (
        <>
          <div className="flex min-w-0 flex-wrap gap-2">
            <Input
              id="signing-key"
              value={clear ?? config.webhook_secret}
              readOnly
              data-testid="signing-key"
              className="min-w-0 flex-1 basis-48 font-mono text-xs"
              aria-describedby="signing-key-hint"
            />
            {clear === null ? (
              <Button type="button" variant="outline" size="sm" onClick={reveal} disabled={revealing}>
                {revealing ? <LoaderCircle className="animate-spin" aria-hidden /> : <Eye aria-hidden />} Anzeigen
              </Button>
            ) : (
              <Button type="button" variant="outline" size="sm" onClick={() => setClear(null)}>
                <EyeOff aria-hidden /> Verbergen
              </Button>
            )}
            <Button variant="outline" size="sm" asChild>
              <a href="#api-key">
                <RefreshCw aria-hidden /> Schlüssel wechseln
              </a>
            </Button>
          </div>
          <p id="signing-key-hint" className="text-xs text-muted-foreground">
            Retell signiert jede Meldung im Header <code className="font-mono">{config.signature_header}</code> mit Ihrem Retell-API-Schlüssel. Das
            Anzeigen wird protokolliert.
          </p>
        </>
      )}
    </div>
  );
}
