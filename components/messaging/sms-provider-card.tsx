"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, Send } from "lucide-react";
import { useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { z } from "zod";
import { CopyButton } from "@/components/forms/copy-button";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Separator } from "@/components/ui/separator";
import { toast } from "@/components/ui/sonner";
import { SMS_PROVIDER_LABELS, sendTestSmsParams, updateSmsSettingsParams } from "@/server/services/messaging/schemas";

type Settings = RouterOutputs["messaging"]["getSmsSettings"];
type TestResult = RouterOutputs["messaging"]["sendTestSms"];
type CredentialName = "account_sid" | "auth_token" | "api_key" | "signing_secret";

/** What the fields hold; named like updateSmsSettings' params so the server's errors land under them. */
const fields = z.object({
  provider: z.enum(["", "twilio", "seven"]),
  credentials: z.object({ account_sid: z.string(), auth_token: z.string(), api_key: z.string(), signing_secret: z.string() }),
  sender: z.string(),
});
type SettingsFields = z.input<typeof fields>;

/** Only the chosen provider's credentials are sent; an empty field keeps the stored value. */
export const schema = fields
  .transform(
    (v): z.input<typeof updateSmsSettingsParams> => ({
      provider: v.provider || null,
      ...(v.provider === "twilio" ? { credentials: { account_sid: v.credentials.account_sid, auth_token: v.credentials.auth_token } } : {}),
      ...(v.provider === "seven" ? { credentials: { api_key: v.credentials.api_key, signing_secret: v.credentials.signing_secret } } : {}),
      sender: v.sender,
    }),
  )
  .pipe(updateSmsSettingsParams);

const testFields = z.object({ to: z.string() });
export const testSchema = testFields.pipe(sendTestSmsParams);

const EMPTY_CREDENTIALS = { account_sid: "", auth_token: "", api_key: "", signing_secret: "" };

const CREDENTIAL_FIELDS: Record<"twilio" | "seven", Array<{ name: CredentialName; label: string; hint: string; secret: boolean }>> = {
  twilio: [
    { name: "account_sid", label: "Account SID", hint: "In der Twilio-Konsole unter Account Info, beginnt mit AC.", secret: false },
    { name: "auth_token", label: "Auth Token", hint: "Ebenfalls unter Account Info; damit prüfen wir auch Twilios Zustellberichte.", secret: true },
  ],
  seven: [
    { name: "api_key", label: "API-Schlüssel", hint: "In seven.io unter Einstellungen → API-Schlüssel.", secret: true },
    {
      name: "signing_secret",
      label: "Signatur-Geheimnis (optional)",
      hint: "Wenn Sie in seven.io Webhooks signieren lassen: dasselbe Geheimnis hier, dann nehmen wir nur signierte Zustellberichte an.",
      secret: true,
    },
  ],
};

/**
 * Nachrichten → SMS-Anbieter: Twilio, seven.io or none; credentials are write-only (stored ones
 * show as "hinterlegt", the fields stay empty), the sender, and a test SMS with its result inline.
 */
export function SmsProviderCard() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.messaging.getSmsSettings.queryOptions({}));

  return (
    <Card className="min-w-0" role="region" aria-labelledby="sms-provider-title">
      <CardHeader>
        <CardTitle id="sms-provider-title">SMS-Anbieter</CardTitle>
        <CardDescription>
          Über welchen Anbieter Bestätigungen und Erinnerungen per SMS gehen. Ohne Anbieter werden SMS nicht verschickt und als „nicht zugestellt“
          vermerkt.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <SettingsForm settings={data} />
        <Separator />
        <TestSmsForm configured={data.provider !== null && data.credentials_stored} />
      </CardContent>
    </Card>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm<SettingsFields, z.output<typeof schema>>(schema, {
    provider: settings.provider ?? "",
    credentials: EMPTY_CREDENTIALS,
    sender: settings.sender ?? "",
  });
  const provider = useWatch({ control: form.control, name: "provider" });

  const save = useMutation(
    trpc.messaging.updateSmsSettings.mutationOptions({
      onSuccess: async (saved) => {
        form.reset({ provider: saved.provider ?? "", credentials: EMPTY_CREDENTIALS, sender: saved.sender ?? "" });
        toast.success(saved.provider ? `SMS-Einstellungen für ${SMS_PROVIDER_LABELS[saved.provider]} gespeichert.` : "Gespeichert: Es werden keine SMS verschickt.");
        await queryClient.invalidateQueries({ queryKey: trpc.messaging.getSmsSettings.queryKey() });
      },
      onError: serverErrorsTo(form),
    }),
  );

  const storedHere = provider !== "" && provider === settings.provider;

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="grid gap-4" noValidate aria-label="SMS-Anbieter einstellen">
        <div className="grid items-start gap-4 sm:grid-cols-2 lg:max-w-2xl">
          <OptionFormField
            control={form.control}
            name="provider"
            label="SMS-Anbieter"
            noneLabel="Keiner"
            options={[
              { value: "twilio", label: SMS_PROVIDER_LABELS.twilio },
              { value: "seven", label: SMS_PROVIDER_LABELS.seven },
            ]}
            onChosen={() => form.setValue("credentials", EMPTY_CREDENTIALS)}
          />
          <LabeledField
            control={form.control}
            name="sender"
            label="Absender"
            hint="Bis zu 11 Zeichen (z. B. Salonname) oder Ihre Absendernummer; leer: Standard des Kontos."
          >
            {(field) => <Input {...field} maxLength={40} autoComplete="off" />}
          </LabeledField>
        </div>
        {provider !== "" && (
          <div className="grid items-start gap-4 sm:grid-cols-2 lg:max-w-2xl" data-testid="sms-credentials">
            {CREDENTIAL_FIELDS[provider].map((f) => (
              <CredentialField
                key={`${provider}-${f.name}`}
                control={form.control}
                name={f.name}
                label={f.label}
                hint={f.hint}
                secret={f.secret}
                stored={storedHere && settings.stored_fields.includes(f.name)}
              />
            ))}
          </div>
        )}
        {storedHere && <ProviderAddresses settings={settings} />}
        <div>
          <Button type="submit" disabled={save.isPending}>
            Speichern
          </Button>
        </div>
      </form>
    </Form>
  );
}

/** A write-only field: it starts empty; "hinterlegt" says a value is stored and stays unless something is typed. */
function CredentialField({
  control,
  name,
  label,
  hint,
  secret,
  stored,
}: {
  control: Control<SettingsFields, unknown, unknown>;
  name: CredentialName;
  label: string;
  hint: string;
  secret: boolean;
  stored: boolean;
}) {
  return (
    <LabeledField
      control={control}
      name={`credentials.${name}`}
      label={
        <span className="flex items-center gap-2">
          {label}
          {stored && <Badge variant="success">hinterlegt</Badge>}
        </span>
      }
      hint={stored ? "Hinterlegt. Leer lassen, um den gespeicherten Wert zu behalten." : `${hint} Wird verschlüsselt gespeichert und nie wieder angezeigt.`}
    >
      {(field) => (
        <Input
          {...field}
          type={secret ? "password" : "text"}
          autoComplete={secret ? "new-password" : "off"}
          spellCheck={false}
          maxLength={200}
          className="font-mono"
          placeholder={stored ? "••••••••" : undefined}
        />
      )}
    </LabeledField>
  );
}

/** Where the provider reports back: seven.io needs its webhook set up, Twilio the number's reply webhook (for STOP). */
function ProviderAddresses({ settings }: { settings: Settings }) {
  const rows =
    settings.provider === "seven"
      ? [{ label: "Webhook für Zustellberichte", url: settings.status_callback_url, hint: "In seven.io unter Einstellungen → Webhooks eintragen: Ereignis „dlr“, Methode JSON." }]
      : [
          {
            label: "Adresse für SMS-Antworten",
            url: settings.inbound_url,
            hint: "In Twilio bei Ihrer Absendernummer unter „A message comes in“ eintragen: Wer mit STOP antwortet, bekommt keine SMS mehr. Zustellberichte kommen ohne weitere Einrichtung.",
          },
        ];
  return (
    <div className="grid gap-3 lg:max-w-2xl">
      {rows
        .filter((r): r is typeof r & { url: string } => Boolean(r.url))
        .map((r) => (
          <div key={r.label} className="grid gap-1.5 text-sm">
            <span className="font-medium">{r.label}</span>
            <div className="flex min-w-0 items-center gap-2">
              <code className="min-w-0 truncate rounded bg-muted px-2 py-1.5 font-mono text-xs" title={r.url}>
                {r.url}
              </code>
              <CopyButton value={r.url} />
            </div>
            <p className="text-xs text-muted-foreground">{r.hint}</p>
          </div>
        ))}
    </div>
  );
}

function TestSmsForm({ configured }: { configured: boolean }) {
  const trpc = useTRPC();
  const form = useSchemaForm<z.input<typeof testFields>, z.output<typeof testSchema>>(testSchema, { to: "" });
  const [result, setResult] = useState<TestResult | null>(null);
  const send = useMutation(
    trpc.messaging.sendTestSms.mutationOptions({
      onMutate: () => setResult(null),
      onSuccess: (r) => setResult(r),
      onError: serverErrorsTo(form),
    }),
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((input) => send.mutate(input))} className="grid gap-4" noValidate aria-label="Test-SMS">
        <div className="grid gap-1">
          <h3 className="text-sm font-medium">Test-SMS</h3>
          <p className="text-sm text-muted-foreground">
            {configured
              ? "Schickt eine kurze SMS über den gespeicherten Anbieter, z. B. an Ihr eigenes Handy."
              : "Erst nach dem Speichern eines Anbieters mit Zugangsdaten möglich."}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-3">
          <LabeledField control={form.control} name="to" label="Nummer für die Test-SMS" className="w-full sm:w-72">
            {(field) => <Input {...field} type="tel" inputMode="tel" autoComplete="tel" placeholder="0151 12345678" maxLength={40} />}
          </LabeledField>
          <PendingButton type="submit" variant="outline" pending={send.isPending} icon={<Send aria-hidden />} className="sm:mt-[1.375rem]">
            Test-SMS senden
          </PendingButton>
        </div>
        {result && (
          <Alert variant={result.sent ? "default" : "destructive"} role="status" data-testid="sms-test-result">
            {result.sent ? <CircleCheck className="text-success" aria-hidden /> : <CircleAlert aria-hidden />}
            <AlertDescription>{result.message}</AlertDescription>
          </Alert>
        )}
      </form>
    </Form>
  );
}
