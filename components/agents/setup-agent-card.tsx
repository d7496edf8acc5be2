"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Eye, PlugZap, TriangleAlert, WandSparkles } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { formatDateTime } from "@/components/forms/format";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { appErrorCode, errorMessage } from "@/components/forms/trpc-errors";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { RetryButton } from "@/components/lists/retry-button";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { previewAgentSetupParams } from "@/server/services/retell/schemas";
import { SetupPreview } from "./setup-preview";
import { NOT_CONNECTED, retellReadOptions } from "./retell-reads";

/** The service's code for "changed in Retell's console, confirm the overwrite". */
const CONSOLE_EDITED = 3007;

type Preview = RouterOutputs["retell"]["previewAgentSetup"];
type SetupResult = RouterOutputs["retell"]["setupAgent"];
type Params = z.output<typeof setupSchema>;

/** What the fields hold, named like the method's params: "" is "the default voice" and "no transfer". */
const fields = z.object({ voiceId: z.string(), transferNumber: z.string(), numbers: z.array(z.string()) });
type SetupFields = z.input<typeof fields>;
export const setupSchema = fields
  .transform((v): z.input<typeof previewAgentSetupParams> => ({ voiceId: v.voiceId || undefined, transferNumber: v.transferNumber, numbers: v.numbers }))
  .pipe(previewAgentSetupParams);

/**
 * "Agent einrichten": the company's own Retell agent in one step. Loads what is set up now
 * (a preview without choices), lets the admin choose voice, transfer number and numbers, shows
 * the changes on "Vorschau", and asks before overwriting edits made in Retell's console.
 */
export function SetupAgentCard() {
  const trpc = useTRPC();
  const current = useQuery({ ...trpc.retell.previewAgentSetup.queryOptions({}), ...retellReadOptions, staleTime: Infinity });

  return (
    <Card className="min-w-0" data-testid="setup-agent-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <WandSparkles className="size-4 text-muted-foreground" aria-hidden /> Agent einrichten
        </CardTitle>
        <CardDescription>
          Legt den Telefonagenten Ihres Betriebs in Retell an oder bringt ihn auf den neuesten Stand: Prompt aus Ihren Leistungen, Filialen und Öffnungszeiten,
          Ihre Funktionen als Werkzeuge, deutsche Stimme und Ihre Rufnummern. Geändert wird nur, was sich unterscheidet.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {current.isPending ? (
          <div className="grid gap-3" aria-label="Einrichtung wird geladen">
            <Skeleton className="h-9 w-full max-w-sm" />
            <Skeleton className="h-9 w-full max-w-sm" />
            <Skeleton className="h-16 w-full" />
          </div>
        ) : current.isError ? (
          <SetupUnavailable error={current.error} onRetry={() => void current.refetch()} retrying={current.isFetching} />
        ) : (
          <SetupAgentForm current={current.data} />
        )}
      </CardContent>
    </Card>
  );
}

function SetupUnavailable({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  if (appErrorCode(error) === NOT_CONNECTED) {
    return (
      <div className="grid gap-3 text-sm" data-testid="setup-agent-not-connected">
        <p className="flex items-start gap-2">
          <PlugZap className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
          <span>
            Zum Einrichten wird der Retell-API-Schlüssel Ihres Betriebs benötigt. Sie hinterlegen ihn auf der Seite <strong>Retell</strong> unter
            „API-Schlüssel“.
          </span>
        </p>
        <div>
          <Button asChild variant="outline">
            <Link href="/retell#api-key">Zum Retell-API-Schlüssel</Link>
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="grid gap-3">
      <Alert variant="destructive">
        <TriangleAlert aria-hidden />
        <AlertDescription>{errorMessage(error)}</AlertDescription>
      </Alert>
      <div>
        <RetryButton onRetry={onRetry} retrying={retrying} />
      </div>
    </div>
  );
}

function SetupAgentForm({ current }: { current: Preview }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const voices = useQuery({ ...trpc.retell.listVoices.queryOptions({}), ...retellReadOptions });
  const phoneNumbers = useQuery({ ...trpc.retell.listPhoneNumbers.queryOptions({}), ...retellReadOptions });
  const form = useSchemaForm<SetupFields, Params>(setupSchema, {
    voiceId: current.voice_id,
    transferNumber: current.transfer_number ?? "",
    numbers: current.numbers,
  });
  const [previewParams, setPreviewParams] = useState<Params | null>(null);
  const preview = useQuery({
    ...trpc.retell.previewAgentSetup.queryOptions(previewParams ?? {}),
    ...retellReadOptions,
    enabled: previewParams !== null,
  });
  const [conflict, setConflict] = useState<{ message: string; params: Params } | null>(null);
  const [result, setResult] = useState<SetupResult | null>(null);
  const onFieldErrors = serverErrorsTo(form);

  const setup = useMutation(
    trpc.retell.setupAgent.mutationOptions({
      onSuccess: async (done) => {
        setResult(done);
        setConflict(null);
        setPreviewParams(null);
        await queryClient.invalidateQueries({ queryKey: trpc.retell.pathKey() });
        router.refresh(); // the figures on top are read on the server
      },
      onError: (err, params) => {
        if (appErrorCode(err) === CONSOLE_EDITED) {
          setConflict({ message: errorMessage(err), params: params as Params });
          return;
        }
        setConflict(null);
        onFieldErrors(err);
      },
    }),
  );

  const runSetup = form.handleSubmit((params) => {
    setResult(null);
    setup.mutate(params);
  });
  const showPreview = form.handleSubmit((params) => {
    setResult(null);
    setPreviewParams(params);
  });

  const ownNumbers = [
    ...new Set([...(phoneNumbers.data?.phone_numbers ?? []).filter((n) => n.configured).map((n) => n.phone_number), ...current.numbers]),
  ].sort();
  const nicknames = new Map((phoneNumbers.data?.phone_numbers ?? []).map((n) => [n.phone_number, n.nickname]));
  const voiceOptions = (voices.data?.voices ?? []).map((v) => ({
    value: v.voice_id,
    label: [v.voice_name, v.gender === "female" ? "weiblich" : v.gender === "male" ? "männlich" : null, v.provider].filter(Boolean).join(" · "),
  }));
  if (!voiceOptions.some((o) => o.value === current.voice_id)) voiceOptions.unshift({ value: current.voice_id, label: current.voice_id });

  return (
    <div className="grid gap-5">
      <SetupState current={current} />
      <Form {...form}>
        <form onSubmit={runSetup} noValidate className="grid gap-5" aria-label="Agent einrichten">
          <div className="grid gap-4 md:grid-cols-2 md:items-start">
            <OptionFormField
              control={form.control}
              name="voiceId"
              label="Stimme"
              options={voiceOptions}
              placeholder={voices.isPending ? "Stimmen werden geladen …" : "Stimme wählen"}
              disabled={voices.isPending}
            />
            <LabeledField
              control={form.control}
              name="transferNumber"
              label="Weiterleitungsnummer (optional)"
              hint="Ist sie gesetzt, kann der Agent an diese Nummer weiterleiten, etwa wenn ein Werkzeug nicht antwortet. Sonst nimmt er eine Nachricht für einen Rückruf auf."
            >
              {(field) => <Input {...field} type="tel" inputMode="tel" autoComplete="off" placeholder="+49 30 1234567" maxLength={40} />}
            </LabeledField>
          </div>
          <FormField
            control={form.control}
            name="numbers"
            render={({ field }) => (
              <FormItem>
                <p id="setup-numbers-label" className="text-sm font-medium">
                  Rufnummern, die der Agent annimmt
                </p>
                {phoneNumbers.isPending ? (
                  <Skeleton className="h-6 w-60" />
                ) : ownNumbers.length === 0 ? (
                  <p className="text-sm text-muted-foreground">
                    Ihr Betrieb hat noch keine Rufnummer aus Retell. Importieren Sie zuerst eine unter{" "}
                    <Link href="/rufnummern" className="font-medium text-primary underline-offset-4 hover:underline">
                      Rufnummern
                    </Link>
                    .
                  </p>
                ) : (
                  <div className="grid gap-2 sm:grid-cols-2" role="group" aria-labelledby="setup-numbers-label">
                    {ownNumbers.map((number) => {
                      const id = `setup-number-${number.replace(/\D/g, "")}`;
                      const checked = field.value.includes(number);
                      return (
                        <div key={number} className="flex items-center gap-2">
                          <Checkbox
                            id={id}
                            checked={checked}
                            onCheckedChange={(on) => field.onChange(on === true ? [...field.value, number].sort() : field.value.filter((n) => n !== number))}
                          />
                          <label htmlFor={id} className="text-sm">
                            <span className="font-mono">{number}</span>
                            {nicknames.get(number) && <span className="text-muted-foreground"> · {nicknames.get(number)}</span>}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                )}
                <FormMessage />
              </FormItem>
            )}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" onClick={showPreview} disabled={preview.isFetching}>
              <Eye aria-hidden /> Vorschau
            </Button>
            <PendingButton type="submit" pending={setup.isPending} icon={<WandSparkles aria-hidden />}>
              Agent einrichten
            </PendingButton>
          </div>
        </form>
      </Form>
      {result && (
        <p role="status" className="rounded-md border border-success/30 bg-success/5 px-3 py-2 text-sm" data-testid="setup-agent-result">
          <strong>Agent eingerichtet:</strong> <span className="font-mono break-all">{result.agent_id}</span> (Version {result.agent_version})
          {result.applied ? "." : " – es war nichts zu ändern."}
        </p>
      )}
      {previewParams !== null && (
        <section aria-label="Vorschau der Änderungen" className="grid gap-2">
          <h3 className="font-medium">Vorschau</h3>
          {preview.isPending ? (
            <Skeleton className="h-16 w-full" />
          ) : preview.isError ? (
            <Alert variant="destructive">
              <TriangleAlert aria-hidden />
              <AlertDescription>{errorMessage(preview.error)}</AlertDescription>
            </Alert>
          ) : (
            <SetupPreview preview={preview.data} />
          )}
        </section>
      )}
      <Dialog open={conflict !== null} onOpenChange={(open) => !open && !setup.isPending && setConflict(null)}>
        <DialogContent role="alertdialog">
          <DialogHeader>
            <DialogTitle>In der Retell-Konsole geändert</DialogTitle>
            <DialogDescription>{conflict?.message}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={setup.isPending}>
                Abbrechen
              </Button>
            </DialogClose>
            <PendingButton
              type="button"
              variant="destructive"
              pending={setup.isPending}
              icon={<WandSparkles aria-hidden />}
              onClick={() => conflict && setup.mutate({ ...conflict.params, confirmOverwrite: true })}
            >
              Überschreiben
            </PendingButton>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

/** What is set up now: the agent and when, or that there is none yet; a console edit as a warning. */
function SetupState({ current }: { current: Preview }) {
  return (
    <div className="grid gap-2 text-sm">
      {current.agent_id ? (
        <p>
          Ihr Agent: <span className="font-mono break-all">{current.agent_id}</span>
          {current.last_setup_at && <> · zuletzt eingerichtet am {formatDateTime(current.last_setup_at)}</>}
          {current.up_to_date ? " · aktuell" : " · Änderungen ausstehend"}
        </p>
      ) : (
        <p className="text-muted-foreground">Für Ihren Betrieb gibt es noch keinen eigenen Agenten.</p>
      )}
      {current.console_edited && (
        <Alert>
          <TriangleAlert aria-hidden className="text-warning" />
          <AlertDescription>
            Der Agent wurde seit der letzten Einrichtung in der Retell-Konsole geändert. Beim Einrichten werden Sie gefragt, ob diese Änderungen überschrieben
            werden sollen.
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
