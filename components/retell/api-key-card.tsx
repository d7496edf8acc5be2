"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound, LoaderCircle } from "lucide-react";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { LabeledField } from "@/components/forms/labeled-field";
import { PendingButton } from "@/components/forms/pending-button";
import { errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/sonner";
import { rotateApiKeyParams, setApiKeyParams } from "@/server/services/retell-config/schemas";
import { useWebhookConfiguration } from "./use-webhook-configuration";

/** What the one field holds, named like setApiKey's param. */
const keyFields = z.object({ api_key: z.string() });
type KeyFields = z.input<typeof keyFields>;
type StoreParams = z.output<typeof setApiKeyParams>;
type ReplaceParams = z.output<typeof rotateApiKeyParams>;

/** No key yet: setApiKey's own params. */
export const storeSchema = keyFields.pipe(setApiKeyParams);
/** A key is stored: rotateApiKey's own rule for new_api_key, checked under the form's one field. */
export const replaceSchema = z.object({ api_key: rotateApiKeyParams.shape.new_api_key }).transform((v): ReplaceParams => ({ new_api_key: v.api_key }));

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
  const connected = config.data?.connected ?? false;
  // useForm takes the resolver anew on every render, so the schema follows `connected`.
  const form = useSchemaForm<KeyFields, StoreParams | ReplaceParams>(connected ? replaceSchema : storeSchema, { api_key: "" });
  const typed = useWatch({ control: form.control, name: "api_key" });
  /** The checked new key while the admin confirms the replacement. */
  const [replacing, setReplacing] = useState<ReplaceParams | null>(null);

  const onSuccess = async (masked: string | null) => {
    form.reset();
    setReplacing(null);
    toast.success(`Der Retell-API-Schlüssel ${masked ?? ""} ist hinterlegt.`);
    // Everything read with the old key (webhook card, agents, numbers) is stale now.
    await queryClient.invalidateQueries({ queryKey: trpc.retell.pathKey() });
  };
  // Every refusal reads under the field, Retell's "key is invalid" included.
  const onError = (err: unknown) => {
    setReplacing(null);
    const fields = fieldErrors(err);
    form.setError("api_key", { type: "server", message: fields.api_key ?? fields.new_api_key ?? errorMessage(err) });
  };
  const set = useMutation(trpc.retell.config.setApiKey.mutationOptions({ onSuccess: (r) => onSuccess(r.masked_key), onError }));
  const rotate = useMutation(trpc.retell.config.rotateApiKey.mutationOptions({ onSuccess: (r) => onSuccess(r.masked_key), onError }));
  const pending = set.isPending || rotate.isPending;

  const submit = form.handleSubmit((params) => {
    if ("new_api_key" in params) setReplacing(params);
    else set.mutate(params);
  });

  return (
    <Card id="api-key" className="min-w-0 scroll-mt-20">
      <Form {...form}>
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
            <LabeledField
              control={form.control}
              name="api_key"
              label={connected ? "Neuer Retell-API-Schlüssel" : "Retell-API-Schlüssel"}
              hint="Zu finden in Retell unter „API Keys“. Verwenden Sie den Schlüssel, der dort als Webhook-Schlüssel markiert ist."
            >
              {(field) => <Input {...field} type="password" autoComplete="new-password" spellCheck={false} maxLength={500} className="font-mono" />}
            </LabeledField>
          </CardContent>
          <CardFooter>
            <PendingButton type="submit" pending={pending} disabled={typed.trim() === ""} icon={<KeyRound aria-hidden />}>
              {connected ? "Schlüssel ersetzen" : "Schlüssel speichern"}
            </PendingButton>
          </CardFooter>
        </form>
      </Form>
      <Dialog open={replacing !== null} onOpenChange={(open) => !open && !rotate.isPending && setReplacing(null)}>
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
            <Button type="button" variant="destructive" onClick={() => replacing && rotate.mutate(replacing)} disabled={rotate.isPending}>
              {rotate.isPending && <LoaderCircle className="animate-spin" aria-hidden />}
              Schlüssel ersetzen
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
