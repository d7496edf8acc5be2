"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, PlugZap } from "lucide-react";
import { useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { z } from "zod";
import { CopyButton } from "@/components/forms/copy-button";
import { formatDateTime } from "@/components/forms/format";
import { LabeledField } from "@/components/forms/labeled-field";
import { PendingButton } from "@/components/forms/pending-button";
import { toastError } from "@/components/forms/trpc-errors";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Form, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import { cn } from "@/components/ui/utils";
import { providerKind, updateConnectionParams } from "@/server/services/calcom/schemas";
import { SaveButton } from "./save-button";
import { SectionCard } from "./section-card";

type Provider = "local" | "calcom";
type TestResult = { provider: Provider; ok: boolean; message: string; event_type_count: number };

const PROVIDERS: Array<{ value: Provider; label: string; hint: string }> = [
  { value: "local", label: "Eingebauter Kalender", hint: "Termine aus Öffnungszeiten, Arbeitszeiten und Leistungen in AskProAI." },
  { value: "calcom", label: "Cal.com", hint: "Freie Zeiten und Buchungen kommen aus Ihrem Cal.com-Konto." },
];

/** What the fields hold; named like updateConnection's params so the server's errors land under them. */
const fields = z.object({
  provider: providerKind,
  base_url: z.string(),
  api_key: z.string(),
  webhook_secret: z.string(),
});
type ConnectionFields = z.input<typeof fields>;

/** The address counts only for Cal.com; an empty key or secret keeps the stored one. */
export const schema = fields
  .transform(
    (v): z.input<typeof updateConnectionParams> => ({
      provider: v.provider,
      ...(v.provider === "calcom" ? { base_url: v.base_url.trim() || null } : {}),
      ...(v.api_key.trim() ? { api_key: v.api_key } : {}),
      ...(v.webhook_secret.trim() ? { webhook_secret: v.webhook_secret } : {}),
    }),
  )
  .pipe(updateConnectionParams);

/** Kalender: built-in or Cal.com; the Cal.com key and webhook secret are write-only. */
export function CalendarSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.calcom.getConnection.queryOptions({}));
  const c = data.connection;
  const form = useSchemaForm<ConnectionFields, z.output<typeof schema>>(schema, {
    provider: c.provider,
    base_url: c.base_url ?? "",
    api_key: "",
    webhook_secret: "",
  });
  const { provider, base_url: baseUrl, api_key: apiKey, webhook_secret: webhookSecret } = useWatch({ control: form.control });
  const [result, setResult] = useState<TestResult | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calcom.getConnection.queryKey() });

  const save = useMutation(
    trpc.calcom.updateConnection.mutationOptions({
      onSuccess: async ({ connection }) => {
        form.reset({ ...form.getValues(), api_key: "", webhook_secret: "" });
        setResult(null);
        toast.success(connection.provider === "calcom" ? "Die Cal.com-Anbindung wurde gespeichert." : "Der eingebaute Kalender ist eingestellt.");
        await refresh();
      },
      onError: serverErrorsTo(form),
    }),
  );
  const test = useMutation(
    trpc.calcom.testConnection.mutationOptions({
      onSuccess: async (r) => {
        setResult(r);
        if (r.ok) toast.success("Die Kalenderverbindung funktioniert.");
        else toast.error("Die Kalenderverbindung ist fehlgeschlagen.");
        await refresh();
      },
      onError: toastError,
    }),
  );

  const unsaved = provider !== c.provider || apiKey !== "" || webhookSecret !== "" || (provider === "calcom" && baseUrl !== (c.base_url ?? ""));

  return (
    <SectionCard id="kalender" title="Kalender" description="Wo der Telefonassistent freie Zeiten nachsieht und Termine einträgt.">
      <div className="grid gap-6">
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="calendar-status">
          <span className="text-muted-foreground">Aktiv:</span>
          <Badge variant="outline">{c.provider === "calcom" ? "Cal.com" : "Eingebauter Kalender"}</Badge>
          {c.last_test_status === "success" && <Badge variant="success">Zuletzt erfolgreich getestet</Badge>}
          {c.last_test_status === "failed" && <Badge variant="warning">Letzter Test fehlgeschlagen</Badge>}
          {c.last_tested_at && <span className="tabular text-muted-foreground">am {formatDateTime(c.last_tested_at)}</span>}
        </div>
        <Form {...form}>
          <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="grid gap-4" noValidate aria-label="Kalenderanbindung">
            <FormField
              control={form.control}
              name="provider"
              render={({ field }) => (
                <FormItem>
                  <fieldset className="grid gap-2">
                    <legend className="mb-1 text-sm font-medium">Kalender</legend>
                    <div className="grid gap-2 sm:grid-cols-2">
                      {PROVIDERS.map((p) => (
                        <div
                          key={p.value}
                          className={cn("flex items-start gap-3 rounded-md border p-3", field.value === p.value && "border-primary bg-primary/5")}
                        >
                          <input
                            type="radio"
                            id={`calendar-${p.value}`}
                            name="calendar-provider"
                            value={p.value}
                            checked={field.value === p.value}
                            onChange={() => field.onChange(p.value)}
                            onBlur={field.onBlur}
                            className="mt-1 size-4 accent-[hsl(var(--primary))]"
                          />
                          <Label htmlFor={`calendar-${p.value}`} className="grid gap-1 font-normal leading-snug">
                            <span className="font-medium">{p.label}</span>
                            <span className="text-xs text-muted-foreground">{p.hint}</span>
                          </Label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                  <FormMessage />
                </FormItem>
              )}
            />
            {provider === "calcom" && (
              <div className="grid items-start gap-4 sm:grid-cols-2">
                <LabeledField
                  control={form.control}
                  name="base_url"
                  label="API-Adresse"
                  hint="Leer lassen für https://api.cal.com/v2; eigene Adresse bei selbst betriebenem Cal.com."
                >
                  {(field) => <Input {...field} type="url" placeholder="https://api.cal.com/v2" />}
                </LabeledField>
                <SecretField control={form.control} name="api_key" label="API-Schlüssel" replaceLabel="Neuer API-Schlüssel" stored={c.api_key} />
                <SecretField
                  control={form.control}
                  name="webhook_secret"
                  label="Webhook-Geheimnis"
                  replaceLabel="Neues Webhook-Geheimnis"
                  stored={c.webhook_secret_set ? "••••••••" : null}
                />
                <div className="grid content-start gap-2 text-sm">
                  <span className="font-medium">Webhook-Adresse für Cal.com</span>
                  <div className="flex min-w-0 items-center gap-2">
                    <code className="min-w-0 truncate rounded bg-muted px-2 py-1.5 font-mono text-xs" title={c.webhook_url}>
                      {c.webhook_url}
                    </code>
                    <CopyButton value={c.webhook_url} />
                  </div>
                  <p className="text-xs text-muted-foreground">In Cal.com unter „Webhooks“ als Empfänger-Adresse eintragen.</p>
                </div>
              </div>
            )}
            <div className="flex flex-wrap items-center gap-2">
              <SaveButton pending={save.isPending} />
              <PendingButton type="button" variant="outline" onClick={() => test.mutate({})} pending={test.isPending} icon={<PlugZap aria-hidden />}>
                Verbindung testen
              </PendingButton>
              {unsaved && <span className="text-xs text-muted-foreground">Getestet wird die gespeicherte Verbindung.</span>}
            </div>
          </form>
        </Form>
        {result && <TestResultAlert result={result} />}
      </div>
    </SectionCard>
  );
}

/** A key that is never shown: the field starts empty; the stored key appears masked beside it. */
function SecretField({
  control,
  name,
  label,
  replaceLabel,
  stored,
}: {
  control: Control<ConnectionFields, unknown, unknown>;
  name: "api_key" | "webhook_secret";
  label: string;
  /** The label once a value is stored: what is typed replaces it. */
  replaceLabel: string;
  /** The stored value, masked; null when none is stored. */
  stored: string | null;
}) {
  return (
    <LabeledField
      control={control}
      name={name}
      label={stored ? replaceLabel : label}
      hint={stored ? `Hinterlegt: ${stored}. Leer lassen, um es beizubehalten.` : "Wird verschlüsselt gespeichert und nie wieder angezeigt."}
    >
      {(field) => <Input {...field} type="password" autoComplete="new-password" spellCheck={false} maxLength={500} className="font-mono" />}
    </LabeledField>
  );
}

function TestResultAlert({ result }: { result: TestResult }) {
  return (
    <Alert variant={result.ok ? "default" : "destructive"} data-testid="calendar-test-result">
      {result.ok ? <CircleCheck className="text-success" aria-hidden /> : <CircleAlert aria-hidden />}
      <AlertTitle>{result.ok ? "Verbindung erfolgreich" : "Verbindung fehlgeschlagen"}</AlertTitle>
      <AlertDescription>
        {result.message}
        {result.ok && result.provider === "local" && ` ${result.event_type_count} buchbare Leistungen.`}
      </AlertDescription>
    </Alert>
  );
}
