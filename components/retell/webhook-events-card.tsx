"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BellRing, LoaderCircle, Save } from "lucide-react";
import { useState } from "react";
import { FieldError, fieldErrorId } from "@/components/forms/field-error";
import { validateWith } from "@/components/forms/schema-errors";
import { errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import { updateWebhookSettingsParams } from "@/server/services/retell-config/schemas";
import { EVENT_LABELS, eventLabel } from "./event-labels";
import { toastSavedAndPushed } from "./retell-toasts";
import type { WebhookConfiguration } from "./use-webhook-configuration";

const FIELD_ID = "webhook-events";

/**
 * Which call events Retell reports; saved for the company and pushed to its agents by the
 * service. The parent keys it by the stored events, so a save starts it afresh from them.
 */
export function WebhookEventsCard({ config }: { config: WebhookConfiguration }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [events, setEvents] = useState<string[]>(config.configured_events);
  const [error, setError] = useState<string | undefined>();
  const changed = [...events].sort().join() !== [...config.configured_events].sort().join();

  const save = useMutation(
    trpc.retell.config.updateWebhookSettings.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(trpc.retell.config.getWebhookConfiguration.queryKey({}), result.configuration);
        toastSavedAndPushed("Die Ereignisse wurden gespeichert.", result.push_error);
      },
      onError: (err) => {
        const message = fieldErrors(err).events;
        setError(message);
        if (!message) toast.error(errorMessage(err));
      },
    }),
  );

  function toggle(event: string, on: boolean) {
    setError(undefined);
    // Kept in the order Retell lists them, so "unchanged" compares equal.
    setEvents((list) => config.available_events.filter((e) => (e === event ? on : list.includes(e))));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const checked = validateWith(updateWebhookSettingsParams, { events });
    if ("errors" in checked) return setError(checked.errors.events ?? Object.values(checked.errors)[0]);
    save.mutate(checked.data);
  }

  return (
    <Card className="min-w-0">
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <BellRing className="size-4 text-muted-foreground" aria-hidden /> Gemeldete Ereignisse
          </CardTitle>
          <CardDescription>Über diese Ereignisse eines Anrufs informiert Retell AskProAI.</CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset className="grid gap-3" aria-invalid={error ? true : undefined} aria-describedby={error ? fieldErrorId(FIELD_ID) : undefined}>
            <legend className="sr-only">Ereignisse</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {config.available_events.map((event) => (
                <div key={event} className="flex items-start gap-2">
                  <Checkbox id={`event-${event}`} checked={events.includes(event)} onCheckedChange={(v) => toggle(event, v === true)} className="mt-0.5" />
                  <Label htmlFor={`event-${event}`} className="grid gap-0.5 font-normal leading-snug">
                    <span className="font-medium">{eventLabel(event)}</span>
                    <span className="text-xs text-muted-foreground">
                      {EVENT_LABELS[event]?.hint} <code className="font-mono">{event}</code>
                    </span>
                  </Label>
                </div>
              ))}
            </div>
            <FieldError fieldId={FIELD_ID} message={error} />
          </fieldset>
        </CardContent>
        <CardFooter>
          <Button type="submit" disabled={save.isPending || !changed}>
            {save.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Save aria-hidden />}
            Ereignisse speichern
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
