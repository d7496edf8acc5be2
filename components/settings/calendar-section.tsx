"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, LoaderCircle, PlugZap } from "lucide-react";
import { useState } from "react";
import { CopyButton } from "@/components/forms/copy-button";
import { FormField } from "@/components/forms/form-field";
import { formatDateTime } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import { cn } from "@/components/ui/utils";
import { updateConnectionParams } from "@/server/services/calcom/schemas";
import { SaveButton } from "./save-button";
import { SectionCard } from "./section-card";
import { useFieldErrors } from "./use-field-errors";

type Provider = "local" | "calcom";
type TestResult = { provider: Provider; ok: boolean; message: string; event_type_count: number };

const PROVIDERS: Array<{ value: Provider; label: string; hint: string }> = [
  { value: "local", label: "Eingebauter Kalender", hint: "Termine aus Öffnungszeiten, Arbeitszeiten und Leistungen in AskProAI." },
  { value: "calcom", label: "Cal.com", hint: "Freie Zeiten und Buchungen kommen aus Ihrem Cal.com-Konto." },
];

/** Kalender: built-in or Cal.com; the Cal.com key and webhook secret are write-only. */
export function CalendarSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.calcom.getConnection.queryOptions({}));
  const c = data.connection;
  const [provider, setProvider] = useState<Provider>(c.provider);
  const [baseUrl, setBaseUrl] = useState(c.base_url ?? "");
  const [apiKey, setApiKey] = useState("");
  const [webhookSecret, setWebhookSecret] = useState("");
  const [result, setResult] = useState<TestResult | null>(null);
  const { errors, check, onError } = useFieldErrors();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calcom.getConnection.queryKey() });

  const save = useMutation(
    trpc.calcom.updateConnection.mutationOptions({
      onSuccess: async ({ connection }) => {
        setApiKey("");
        setWebhookSecret("");
        setResult(null);
        toast.success(connection.provider === "calcom" ? "Die Cal.com-Anbindung wurde gespeichert." : "Der eingebaute Kalender ist eingestellt.");
        await refresh();
      },
      onError,
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

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = check(updateConnectionParams, {
      provider,
      ...(provider === "calcom" ? { base_url: baseUrl.trim() || null } : {}),
      ...(apiKey.trim() ? { api_key: apiKey } : {}),
      ...(webhookSecret.trim() ? { webhook_secret: webhookSecret } : {}),
    });
    if (input) save.mutate(input);
  }

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
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Kalenderanbindung">
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Kalender</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {PROVIDERS.map((p) => (
                <div
                  key={p.value}
                  className={cn("flex items-start gap-3 rounded-md border p-3", provider === p.value && "border-primary bg-primary/5")}
                >
                  <input
                    type="radio"
                    id={`calendar-${p.value}`}
                    name="calendar-provider"
                    value={p.value}
                    checked={provider === p.value}
                    onChange={() => setProvider(p.value)}
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
          {provider === "calcom" && (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField
                id="calcom-base-url"
                label="API-Adresse"
                hint="Leer lassen für https://api.cal.com/v2; eigene Adresse bei selbst betriebenem Cal.com."
                error={errors.base_url}
                control={(p) => <Input {...p} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://api.cal.com/v2" />}
              />
              <SecretField
                id="calcom-api-key"
                label="API-Schlüssel"
                replaceLabel="Neuer API-Schlüssel"
                stored={c.api_key}
                value={apiKey}
                onChange={setApiKey}
                error={errors.api_key}
              />
              <SecretField
                id="calcom-webhook-secret"
                label="Webhook-Geheimnis"
                replaceLabel="Neues Webhook-Geheimnis"
                stored={c.webhook_secret_set ? "••••••••" : null}
                value={webhookSecret}
                onChange={setWebhookSecret}
                error={errors.webhook_secret}
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
            <Button type="button" variant="outline" disabled={test.isPending} onClick={() => test.mutate({})}>
              {test.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <PlugZap aria-hidden />}
              Verbindung testen
            </Button>
            {unsaved && <span className="text-xs text-muted-foreground">Getestet wird die gespeicherte Verbindung.</span>}
          </div>
        </form>
        {result && <TestResultAlert result={result} />}
      </div>
    </SectionCard>
  );
}

/** A key that is never shown: the field starts empty; the stored key appears masked beside it. */
function SecretField({
  id,
  label,
  replaceLabel,
  stored,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  /** The label once a value is stored: what is typed replaces it. */
  replaceLabel: string;
  /** The stored value, masked; null when none is stored. */
  stored: string | null;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <FormField
      id={id}
      label={stored ? replaceLabel : label}
      hint={stored ? `Hinterlegt: ${stored}. Leer lassen, um es beizubehalten.` : "Wird verschlüsselt gespeichert und nie wieder angezeigt."}
      error={error}
      control={(p) => (
        <Input {...p} type="password" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="new-password" spellCheck={false} maxLength={500} className="font-mono" />
      )}
    />
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
