"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { RotateCcw, Save, TriangleAlert } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { z } from "zod";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionSelect } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { toastError } from "@/components/forms/trpc-errors";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import {
  CHANNEL_LABELS,
  defaultTemplate,
  htmlFromText,
  KIND_LABELS,
  MESSAGE_KINDS,
  PLACEHOLDERS,
  renderTemplate,
  SMS_BODY_MAX,
  smsLength,
  TEMPLATE_CHANNELS,
  templateProblem,
  updateParams,
  type MessageKindName,
  type MessageVars,
  type SmsLength,
  type TemplateChannel,
  type TemplateDto,
} from "@/server/services/messaging-templates/schemas";

/** What the fields hold; named like the method's params so the server's errors land under them. */
const fields = z.object({ subject: z.string(), body: z.string() });
type TemplateFields = z.input<typeof fields>;

export const schemaFor = (channel: TemplateChannel, kind: MessageKindName) =>
  fields
    .transform((v): z.input<typeof updateParams> => ({ channel, kind, subject: channel === "email" ? v.subject : null, body: v.body }))
    .pipe(updateParams);

/** Typographic characters that make an SMS UCS-2, and what to write instead. */
const GSM_SUBSTITUTES: Record<string, string> = { "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..." };

/**
 * Nachrichten → Vorlagen: the wording of the confirmation, change, cancellation and reminder per
 * channel, with placeholders to insert, a live preview filled with sample values and, for SMS,
 * the length in characters and parts.
 */
export function TemplateEditor() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.messaging.templates.list.queryOptions({}));
  const [kind, setKind] = useState<MessageKindName>("confirmation");
  const [channel, setChannel] = useState<TemplateChannel>("sms");
  const template = data.templates.find((t) => t.channel === channel && t.kind === kind);

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Vorlagen</CardTitle>
        <CardDescription>
          So lauten die Nachrichten an Ihre Kundinnen und Kunden. Ohne eigenen Text wird der Standardtext verschickt.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div className="grid items-start gap-4 sm:grid-cols-2 lg:max-w-xl">
          <OptionSelect
            id="template-kind"
            label="Art"
            value={kind}
            onChange={(v) => v && setKind(v as MessageKindName)}
            options={MESSAGE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
          <OptionSelect
            id="template-channel"
            label="Kanal"
            value={channel}
            onChange={(v) => v && setChannel(v as TemplateChannel)}
            options={TEMPLATE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          />
        </div>
        {template && <TemplateForm key={`${channel}-${kind}`} template={template} sample={data.sample} />}
      </CardContent>
    </Card>
  );
}

function TemplateForm({ template, sample }: { template: TemplateDto; sample: MessageVars }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { channel, kind } = template;
  const isEmail = channel === "email";
  const [schema] = useState(() => schemaFor(channel, kind));
  const form = useSchemaForm<TemplateFields, z.output<typeof updateParams>>(schema, { subject: template.subject ?? "", body: template.body });
  const onError = serverErrorsTo(form);
  const [isDefault, setIsDefault] = useState(template.is_default);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.messaging.templates.list.queryKey() });

  const saved = (t: TemplateDto) => {
    setIsDefault(t.is_default);
    form.reset({ subject: t.subject ?? "", body: t.body });
  };
  const update = useMutation(
    trpc.messaging.templates.update.mutationOptions({
      onSuccess: async ({ template: t }) => {
        saved(t);
        toast.success(t.is_default ? "Gespeichert: entspricht dem Standardtext." : `Vorlage „${KIND_LABELS[kind]}“ (${CHANNEL_LABELS[channel]}) gespeichert.`);
        await refresh();
      },
      onError,
    }),
  );
  const reset = useMutation(
    trpc.messaging.templates.reset.mutationOptions({
      onSuccess: async ({ template: t }) => {
        saved(t);
        toast.success("Der Standardtext gilt wieder.");
        await refresh();
      },
      onError: toastError,
    }),
  );

  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const subjectRef = useRef<HTMLInputElement | null>(null);
  const [target, setTarget] = useState<"body" | "subject">("body");

  /** Puts `{key}` at the cursor of the field last used (the text by default). */
  function insert(key: string) {
    const name = isEmail ? target : "body";
    const el = name === "body" ? bodyRef.current : subjectRef.current;
    const value = form.getValues(name);
    const token = `{${key}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    form.setValue(name, value.slice(0, start) + token + value.slice(end), { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const submit = form.handleSubmit((params) => update.mutate(params));
  const fallback = defaultTemplate(channel, kind);
  const dirty = form.formState.isDirty;

  return (
    <Form {...form}>
      <form onSubmit={submit} noValidate className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]" aria-label={`Vorlage ${KIND_LABELS[kind]} per ${CHANNEL_LABELS[channel]}`}>
        <div className="grid content-start gap-4">
          <div className="flex items-center gap-2 text-sm">
            {isDefault && !dirty ? <Badge variant="secondary">Standardtext</Badge> : <Badge variant="outline">Eigener Text</Badge>}
            {dirty && <span className="text-muted-foreground">Nicht gespeichert</span>}
          </div>
          {isEmail && (
            <LabeledField control={form.control} name="subject" label="Betreff">
              {(field) => (
                <Input
                  {...field}
                  ref={(el) => {
                    field.ref(el);
                    subjectRef.current = el;
                  }}
                  onFocus={() => setTarget("subject")}
                  maxLength={200}
                />
              )}
            </LabeledField>
          )}
          <LabeledField
            control={form.control}
            name="body"
            label="Text"
            hint={isEmail ? "Leerzeilen trennen Absätze. Die E-Mail geht als Text und als HTML hinaus, mit dem Termin als Kalenderdatei im Anhang." : `Höchstens ${SMS_BODY_MAX} Zeichen. Für eine SMS am besten unter 160 Zeichen bleiben.`}
          >
            {(field) => (
              <Textarea
                {...field}
                ref={(el) => {
                  field.ref(el);
                  bodyRef.current = el;
                }}
                onFocus={() => setTarget("body")}
                rows={isEmail ? 14 : 5}
                className="font-mono text-[13px] leading-relaxed"
              />
            )}
          </LabeledField>
          <Placeholders onInsert={insert} />
          <div className="flex flex-wrap gap-2">
            <PendingButton type="submit" pending={update.isPending} icon={<Save aria-hidden />}>
              Speichern
            </PendingButton>
            {isDefault ? (
              <Button
                type="button"
                variant="outline"
                disabled={!dirty}
                onClick={() => form.reset({ subject: fallback.subject ?? "", body: fallback.body })}
              >
                <RotateCcw aria-hidden /> Standard wiederherstellen
              </Button>
            ) : (
              <ConfirmDialog
                trigger={
                  <Button type="button" variant="outline">
                    <RotateCcw aria-hidden /> Standard wiederherstellen
                  </Button>
                }
                title="Standardtext wiederherstellen?"
                description={`Ihr eigener Text für „${KIND_LABELS[kind]}“ per ${CHANNEL_LABELS[channel]} wird gelöscht; danach wird wieder der Standardtext verschickt.`}
                confirmLabel="Wiederherstellen"
                onConfirm={() => reset.mutateAsync({ channel, kind })}
              />
            )}
          </div>
        </div>
        <Preview channel={channel} control={form.control} sample={sample} />
      </form>
    </Form>
  );
}

function Placeholders({ onInsert }: { onInsert: (key: string) => void }) {
  return (
    <div className="grid gap-1.5">
      <p className="text-sm font-medium" id="template-placeholders">
        Platzhalter einfügen
      </p>
      <div className="flex flex-wrap gap-1.5" role="group" aria-labelledby="template-placeholders">
        {PLACEHOLDERS.map((p) => (
          <Button key={p.key} type="button" variant="outline" size="sm" onClick={() => onInsert(p.key)} title={p.label} aria-label={`{${p.key}} einfügen: ${p.label}`}>
            <code className="text-xs">{`{${p.key}}`}</code>
          </Button>
        ))}
      </div>
      <p className="text-xs text-muted-foreground">Fehlt ein Wert (etwa keine Mitarbeitenden gewählt), bleibt die Stelle leer; eine Zeile wie „Bei: {"{mitarbeiter}"}“ entfällt dann ganz.</p>
    </div>
  );
}

function Preview({ channel, control, sample }: { channel: TemplateChannel; control: Control<TemplateFields, unknown, unknown>; sample: MessageVars }) {
  const [subject, body] = useWatch({ control, name: ["subject", "body"] });
  const preview = useMemo(() => {
    const text = renderTemplate(body, sample);
    const renderedSubject = channel === "email" ? renderTemplate(subject, sample).replace(/\s*\n\s*/g, " ") : null;
    const problem = templateProblem(body) ?? (channel === "email" ? templateProblem(subject) : null);
    return { text, subject: renderedSubject, problem, length: channel === "sms" ? smsLength(text) : null };
  }, [channel, subject, body, sample]);
  const html = useMemo(
    () => (preview.subject !== null ? htmlFromText(preview.text, { subject: preview.subject, company: sample.company }) : null),
    [preview.subject, preview.text, sample.company],
  );

  return (
    <section aria-label="Vorschau" className="grid content-start gap-3 rounded-lg border bg-muted/40 p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h4 className="text-sm font-medium">Vorschau</h4>
        <span className="text-xs text-muted-foreground">
          {sample.name}, {sample.date} um {sample.time} Uhr
        </span>
      </div>
      {preview.subject !== null && html !== null ? (
        <div className="grid gap-2">
          <p className="text-sm">
            <span className="text-muted-foreground">Betreff: </span>
            <span className="font-medium">{preview.subject}</span>
          </p>
          <iframe title="E-Mail-Vorschau" sandbox="" srcDoc={html} className="h-96 w-full rounded-md border bg-card" />
        </div>
      ) : (
        <div className="max-w-sm rounded-2xl rounded-bl-sm bg-card px-4 py-3 text-sm whitespace-pre-wrap shadow-sm" data-testid="sms-preview">
          {preview.text || <span className="text-muted-foreground">Kein Text</span>}
        </div>
      )}
      {preview.length && <SmsInfo length={preview.length} />}
      {preview.problem && (
        <p className="flex items-start gap-2 text-sm text-destructive">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          {preview.problem}
        </p>
      )}
    </section>
  );
}

function SmsInfo({ length }: { length: SmsLength }) {
  const substitute = length.firstNonGsm ? GSM_SUBSTITUTES[length.firstNonGsm] : undefined;
  return (
    <div className="grid gap-1.5 text-sm">
      <p className="tabular" data-testid="sms-length">
        {length.segments} SMS · {length.characters} von {length.limit} Zeichen · {length.encoding}
      </p>
      <p className="text-xs text-muted-foreground">Mit den Beispielwerten gezählt; längere Namen können eine weitere SMS kosten.</p>
      {length.encoding === "UCS-2" && (
        <p className="flex items-start gap-2 text-warning" role="status">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Das Zeichen {`„${length.firstNonGsm}“`} passt nicht in den SMS-Standardzeichensatz: Die SMS wird als UCS-2 verschickt, mit nur 70 Zeichen
            je SMS (67 bei mehreren Teilen).{" "}
            {substitute ? (
              <>
                Schreiben Sie stattdessen <code className="rounded bg-muted px-1">{substitute}</code>.
              </>
            ) : (
              "Ohne dieses Zeichen passen mehr als doppelt so viele Zeichen in eine SMS."
            )}
          </span>
        </p>
      )}
    </div>
  );
}
