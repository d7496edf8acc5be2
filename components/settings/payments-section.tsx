"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { Control } from "react-hook-form";
import { z } from "zod";
import { CopyButton } from "@/components/forms/copy-button";
import { LabeledField } from "@/components/forms/labeled-field";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { updateSettingsParams } from "@/server/services/stripe/schemas";
import { centsToEuroInput, EURO_INPUT_ERROR, euroInputToCents } from "./euro-input";

type Settings = RouterOutputs["stripe"]["getSettings"];

/** What the fields hold, named like stripe.updateSettings' params so the server's errors land under them. */
const fields = z.object({
  secret_key: z.string(),
  webhook_secret: z.string(),
  no_show_fee_cents: z.string(),
  deposit_link_minutes: z.string(),
});
type PaymentFields = z.input<typeof fields>;

export const schema = fields
  .transform((v, ctx): z.input<typeof updateSettingsParams> => {
    const fee = euroInputToCents(v.no_show_fee_cents);
    if (fee === undefined) {
      ctx.addIssue({ code: "custom", path: ["no_show_fee_cents"], message: EURO_INPUT_ERROR });
      return z.NEVER;
    }
    return {
      secret_key: v.secret_key,
      webhook_secret: v.webhook_secret,
      no_show_fee_cents: fee,
      deposit_link_minutes: v.deposit_link_minutes.trim() === "" ? Number.NaN : Number(v.deposit_link_minutes),
    };
  })
  .pipe(updateSettingsParams);

const formValues = (s: Settings): PaymentFields => ({
  secret_key: "",
  webhook_secret: "",
  no_show_fee_cents: centsToEuroInput(s.no_show_fee_cents),
  deposit_link_minutes: String(s.deposit_link_minutes),
});

/**
 * Einstellungen → Zahlungen: the Stripe secret key and webhook secret (write-only: stored ones
 * show as "hinterlegt", the fields stay empty), the webhook address to enter in Stripe, the
 * no-show fee and how long a deposit link stays valid.
 */
export function PaymentsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.stripe.getSettings.queryOptions({}));
  const form = useSchemaForm<PaymentFields, z.output<typeof schema>>(schema, formValues(settings));
  const save = useMutation(
    trpc.stripe.updateSettings.mutationOptions({
      onSuccess: async (saved) => {
        form.reset(formValues(saved));
        toast.success(saved.configured ? "Zahlungseinstellungen gespeichert: Anzahlungen sind aktiv." : "Zahlungseinstellungen gespeichert.");
        await queryClient.invalidateQueries({ queryKey: trpc.stripe.getSettings.queryKey() });
      },
      onError: serverErrorsTo(form),
    }),
  );

  return (
    <Card className="min-w-0" role="region" aria-labelledby="payments-title">
      <CardHeader>
        <CardTitle id="payments-title" className="flex items-center gap-2">
          Zahlungen über Stripe
          {settings.configured ? <Badge variant="success">aktiv</Badge> : <Badge variant="secondary">nicht eingerichtet</Badge>}
          {settings.mode === "test" && <Badge variant="warning">Testmodus</Badge>}
        </CardTitle>
        <CardDescription>
          Für Leistungen mit Anzahlung bekommt die Kundschaft nach der Buchung einen Zahlungslink per SMS. Die Anzahlung legen Sie bei der
          Leistung fest (Einstellungen → Leistungen).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="grid gap-4" noValidate aria-label="Stripe einstellen">
            <div className="grid items-start gap-4 sm:grid-cols-2 lg:max-w-2xl">
              <SecretField
                control={form.control}
                name="secret_key"
                label="Geheimer Schlüssel"
                hint="Stripe-Dashboard → Entwickler → API-Schlüssel (sk_live_… oder ein eingeschränkter Schlüssel rk_…)."
                stored={settings.secret_key_set ? `hinterlegt · …${settings.secret_key_last4}` : null}
              />
              <SecretField
                control={form.control}
                name="webhook_secret"
                label="Webhook-Signatur-Geheimnis"
                hint="Nach dem Anlegen des Webhook-Endpunkts in Stripe unter „Signatur-Geheimnis“ (whsec_…)."
                stored={settings.webhook_secret_set ? "hinterlegt" : null}
              />
              <LabeledField control={form.control} name="no_show_fee_cents" label="No-Show-Gebühr (€)" hint="Nur für Karten, die Kunden mit Zustimmung hinterlegt haben; leer: keine.">
                {(field) => <Input {...field} inputMode="decimal" placeholder="15,00" />}
              </LabeledField>
              <LabeledField control={form.control} name="deposit_link_minutes" label="Zahlungslink gültig (Minuten)" hint="30 bis 1440 (24 Stunden).">
                {(field) => <Input {...field} type="number" inputMode="numeric" min={30} max={1440} />}
              </LabeledField>
            </div>
            <div className="grid gap-1.5 lg:max-w-2xl">
              <p className="text-sm font-medium">Webhook-Adresse für Stripe</p>
              <div className="flex min-w-0 items-center gap-2">
                <code className="min-w-0 truncate rounded bg-muted px-2 py-1.5 font-mono text-xs" title={settings.webhook_url}>
                  {settings.webhook_url}
                </code>
                <CopyButton value={settings.webhook_url} />
              </div>
              <p className="text-xs text-muted-foreground">
                In Stripe unter Entwickler → Webhooks als Endpunkt anlegen, mit den Ereignissen {settings.webhook_events.join(", ")}.
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={save.isPending}>
                Speichern
              </Button>
              {settings.secret_key_set && (
                <Button type="button" variant="outline" disabled={save.isPending} onClick={() => save.mutate({ remove_credentials: true })}>
                  Stripe trennen
                </Button>
              )}
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}

/** A write-only field: it starts empty; the badge says what is stored, which stays unless something is typed. */
function SecretField({
  control,
  name,
  label,
  hint,
  stored,
}: {
  control: Control<PaymentFields, unknown, unknown>;
  name: "secret_key" | "webhook_secret";
  label: string;
  hint: string;
  stored: string | null;
}) {
  return (
    <LabeledField
      control={control}
      name={name}
      label={
        <span className="flex items-center gap-2">
          {label}
          {stored && <Badge variant="success">{stored}</Badge>}
        </span>
      }
      hint={stored ? "Leer lassen, um den gespeicherten Wert zu behalten." : `${hint} Wird verschlüsselt gespeichert und nie wieder angezeigt.`}
    >
      {(field) => <Input {...field} type="password" autoComplete="new-password" />}
    </LabeledField>
  );
}
