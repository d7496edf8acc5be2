"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BellRing, Save } from "lucide-react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { PendingButton } from "@/components/forms/pending-button";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { updateWebhookSettingsParams, WEBHOOK_EVENTS } from "@/server/services/retell-config/schemas";
import { EVENT_LABELS, eventLabel } from "./event-labels";
import { toastSavedAndPushed } from "./retell-toasts";
import type { WebhookConfiguration } from "./use-webhook-configuration";

/** What the checkboxes hold, named like updateWebhookSettings' param; the method's message lists event names for API callers. */
const offered: readonly string[] = WEBHOOK_EVENTS;
const fields = z.object({ events: z.array(z.string().refine((e) => offered.includes(e), "Bitte nur angebotene Ereignisse wählen.")) });
type EventFields = z.input<typeof fields>;
export const eventsSchema = fields.pipe(updateWebhookSettingsParams);

/**
 * Which call events Retell reports; saved for the company and pushed to its agents by the
 * service. The parent keys it by the stored events, so a save starts it afresh from them.
 */
export function WebhookEventsCard({ config }: { config: WebhookConfiguration }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm<EventFields, z.output<typeof eventsSchema>>(eventsSchema, { events: config.configured_events });
  const events = useWatch({ control: form.control, name: "events" });
  const changed = [...events].sort().join() !== [...config.configured_events].sort().join();

  const save = useMutation(
    trpc.retell.config.updateWebhookSettings.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(trpc.retell.config.getWebhookConfiguration.queryKey({}), result.configuration);
        toastSavedAndPushed("Die Ereignisse wurden gespeichert.", result.push_error);
      },
      onError: serverErrorsTo(form),
    }),
  );

  const submit = form.handleSubmit((params) => save.mutate(params));

  return (
    <Card className="min-w-0">
      <Form {...form}>
        <form onSubmit={submit} noValidate>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <BellRing className="size-4 text-muted-foreground" aria-hidden /> Gemeldete Ereignisse
            </CardTitle>
            <CardDescription>Über diese Ereignisse eines Anrufs informiert Retell AskProAI.</CardDescription>
          </CardHeader>
          <CardContent>
            <FormField
              control={form.control}
              name="events"
              render={({ field }) => (
                <FormItem>
                  {/* The group carries aria-invalid and points at the message. */}
                  <FormControl>
                    <fieldset className="grid gap-3">
                      <legend className="sr-only">Ereignisse</legend>
                      <div className="grid gap-3 sm:grid-cols-2">
                        {config.available_events.map((event) => (
                          <div key={event} className="flex items-start gap-2">
                            <Checkbox
                              id={`event-${event}`}
                              checked={field.value.includes(event)}
                              // Kept in the order Retell lists them, so "unchanged" compares equal.
                              onCheckedChange={(v) => field.onChange(config.available_events.filter((e) => (e === event ? v === true : field.value.includes(e))))}
                              className="mt-0.5"
                            />
                            <Label htmlFor={`event-${event}`} className="grid gap-0.5 font-normal leading-snug">
                              <span className="font-medium">{eventLabel(event)}</span>
                              <span className="text-xs text-muted-foreground">
                                {EVENT_LABELS[event]?.hint} <code className="font-mono">{event}</code>
                              </span>
                            </Label>
                          </div>
                        ))}
                      </div>
                      <FormMessage />
                    </fieldset>
                  </FormControl>
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter>
            <PendingButton type="submit" pending={save.isPending} disabled={!changed} icon={<Save aria-hidden />}>
              Ereignisse speichern
            </PendingButton>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
