"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound, LoaderCircle } from "lucide-react";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { validateWith } from "@/components/forms/schema-errors";
import { errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/sonner";
import { rotateApiKeyParams, setApiKeyParams } from "@/server/services/retell-config/schemas";
import { useWebhookConfiguration } from "./use-webhook-configuration";

const FIELD_ID = "retell-api-key";

/**
 * The company's Retell API key, write-only: the input is never filled from the server, which
 * answers with the masked key only. A first key is stored as entered; an existing key is
 * replaced after a confirmation and only once Retell has accepted the new one (rotateApiKey).
 * Self-contained (own query), so other pages can show it too.
 */
export function ApiKeyCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const config = useWebhookConfiguration();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const connected = config.data?.connected ?? false;

  const onSuccess = async (masked: string | null) => {
    setValue("");
    setConfirming(false);
    toast.success(`Der Retell-API-Schlüssel ${masked ?? ""} ist hinterlegt.`);
    // Everything read with the old key (webhook card, agents, numbers) is stale now.
    await queryClient.invalidateQueries({ queryKey: trpc.retell.pathKey() });
  };
  const onError = (err: unknown) => {
    setConfirming(false);
    const fields = fieldErrors(err);
    setError(fields.api_key ?? fields.new_api_key ?? errorMessage(err));
  };
  const set = useMutation(trpc.retell.config.setApiKey.mutationOptions({ onSuccess: (r) => onSuccess(r.masked_key), onError }));
  const rotate = useMutation(trpc.retell.config.rotateApiKey.mutationOptions({ onSuccess: (r) => onSuccess(r.masked_key), onError }));
  const pending = set.isPending || rotate.isPending;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const checked = validateWith(setApiKeyParams, { api_key: value });
    if ("errors" in checked) return setError(checked.errors.api_key);
    setError(undefined);
    if (connected) setConfirming(true);
    else set.mutate(checked.data);
  }

  function replace() {
    const checked = validateWith(rotateApiKeyParams, { new_api_key: value });
    if ("errors" in checked) {
      setConfirming(false);
      return setError(checked.errors.new_api_key);
    }
    rotate.mutate(checked.data);
  }

  return (
    <Card id="api-key" className="min-w-0 scroll-mt-20">
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <KeyRound className="size-4 text-muted-foreground" aria-hidden /> Retell-API-Schlüssel
          </CardTitle>
          <CardDescription>
            Mit diesem Schlüssel verwaltet AskProAI Ihre Agenten und Rufnummern, und Retell signiert damit jede Meldung. Er wird verschlüsselt gespeichert und
            nur maskiert angezeigt.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="api-key-status">
            {config.isPending ? (
              <Skeleton className="h-5 w-48" />
            ) : connected ? (
              <>
                <Badge variant="success">Verbunden</Badge>
                <span className="text-muted-foreground">Hinterlegt:</span>
                <code className="font-mono text-xs">{config.data?.webhook_secret}</code>
              </>
            ) : (
              <Badge variant="warning">Nicht verbunden</Badge>
            )}
          </div>
          <FormField
            id={FIELD_ID}
            label={connected ? "Neuer Retell-API-Schlüssel" : "Retell-API-Schlüssel"}
            hint="Zu finden in Retell unter „API Keys“. Verwenden Sie den Schlüssel, der dort als Webhook-Schlüssel markiert ist."
            error={error}
            control={(p) => (
              <Input
                {...p}
                type="password"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                autoComplete="new-password"
                spellCheck={false}
                maxLength={500}
                className="font-mono"
              />
            )}
          />
        </CardContent>
        <CardFooter>
          <Button type="submit" disabled={pending || value.trim() === ""}>
            {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <KeyRound aria-hidden />}
            {connected ? "Schlüssel ersetzen" : "Schlüssel speichern"}
          </Button>
        </CardFooter>
      </form>
      <Dialog open={confirming} onOpenChange={(open) => !rotate.isPending && setConfirming(open)}>
        <DialogContent role="alertdialog">
          <DialogHeader>
            <DialogTitle>Retell-API-Schlüssel ersetzen?</DialogTitle>
            <DialogDescription>
              Der bisherige Schlüssel {config.data?.webhook_secret} wird ersetzt, sobald Retell den neuen akzeptiert hat. Meldungen, die Retell noch mit dem alten
              Schlüssel signiert, werden danach abgewiesen.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={rotate.isPending}>
                Abbrechen
              </Button>
            </DialogClose>
            <Button type="button" variant="destructive" onClick={replace} disabled={rotate.isPending}>
              {rotate.isPending && <LoaderCircle className="animate-spin" aria-hidden />}
              Schlüssel ersetzen
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
