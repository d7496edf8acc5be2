"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { LabeledField } from "@/components/forms/labeled-field";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { updateParams, updateSettingsParams } from "@/server/services/company/schemas";
import type { CompanySettings } from "@/server/calendar/company-settings";
import { SaveButton } from "./save-button";
import { RetentionForm } from "./retention-form";
import { SectionCard } from "./section-card";
import { useSaveSettings } from "./use-save-settings";

/** Firma: the company's name, contact data, booking rules and how long calls are kept. */
export function CompanySection() {
  const trpc = useTRPC();
  const { data: company } = useSuspenseQuery(trpc.company.get.queryOptions({}));
  return (
    <div className="grid gap-6">
      <CompanyNameForm name={company.name} slug={company.slug} timeZone={company.time_zone} />
      <ContactForm settings={company.settings} />
      <BookingRulesForm settings={company.settings} />
      <RetentionForm settings={company.settings} />
    </div>
  );
}

const nameFields = z.object({ name: z.string() });
export const nameSchema = nameFields.pipe(updateParams);

function CompanyNameForm({ name, slug, timeZone }: { name: string; slug: string; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm<z.input<typeof nameFields>, z.output<typeof nameSchema>>(nameSchema, { name });
  const save = useMutation(
    trpc.company.update.mutationOptions({
      onSuccess: async (c) => {
        toast.success(`Der Firmenname „${c.name}“ wurde gespeichert.`);
        await queryClient.invalidateQueries({ queryKey: trpc.company.get.queryKey() });
      },
      onError: serverErrorsTo(form),
    }),
  );
  return (
    <SectionCard id="firma" title="Firma" description="So nennt der Telefonassistent Ihren Betrieb.">
      <Form {...form}>
        <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="grid gap-4" noValidate aria-label="Firma">
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
            <LabeledField control={form.control} name="name" label="Firmenname">
              {(field) => <Input {...field} maxLength={200} />}
            </LabeledField>
            <ReadOnly label="Kürzel" value={slug} />
            <ReadOnly label="Zeitzone" value={timeZone} />
          </div>
          <div>
            <SaveButton pending={save.isPending} />
          </div>
        </form>
      </Form>
    </SectionCard>
  );
}

function ReadOnly({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid content-start gap-2 text-sm">
      <span className="font-medium">{label}</span>
      <span className="flex h-9 items-center font-mono text-muted-foreground">{value}</span>
    </div>
  );
}

const settingsPatch = updateSettingsParams.shape.settings;
type SettingsPatch = z.output<typeof settingsPatch>;

const contactFields = z.object({
  contactEmail: z.string(),
  contactPhone: z.string(),
  sendConfirmationEmails: z.boolean(),
});
type ContactFields = z.input<typeof contactFields>;

export const contactSchema = contactFields
  .transform(
    (v): z.input<typeof settingsPatch> => ({
      contactEmail: v.contactEmail.trim() || null,
      contactPhone: v.contactPhone.trim() || null,
      sendConfirmationEmails: v.sendConfirmationEmails,
    }),
  )
  .pipe(settingsPatch);

function ContactForm({ settings }: { settings: CompanySettings }) {
  const form = useSchemaForm<ContactFields, SettingsPatch>(contactSchema, {
    contactEmail: settings.contactEmail ?? "",
    contactPhone: settings.contactPhone ?? "",
    sendConfirmationEmails: settings.sendConfirmationEmails,
  });
  const { submit, pending } = useSaveSettings(form, "Die Kontaktdaten wurden gespeichert.");
  return (
    <SectionCard id="kontakt" title="Kontakt und Bestätigungen" description="Kontaktdaten, die der Assistent auf Nachfrage nennt, und ob Kundinnen und Kunden Bestätigungen per E-Mail erhalten.">
      <Form {...form}>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Kontakt und Bestätigungen">
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <LabeledField control={form.control} name="contactEmail" label="Kontakt-E-Mail">
              {(field) => <Input {...field} type="email" maxLength={200} />}
            </LabeledField>
            <LabeledField control={form.control} name="contactPhone" label="Kontakt-Telefon">
              {(field) => <Input {...field} type="tel" maxLength={40} />}
            </LabeledField>
          </div>
          <CheckboxFormField
            control={form.control}
            name="sendConfirmationEmails"
            label="Bestätigungen per E-Mail senden"
            hint="Bei Buchung, Verschiebung und Absage, wenn eine E-Mail-Adresse bekannt ist."
          />
          <div>
            <SaveButton pending={pending} />
          </div>
        </form>
      </Form>
    </SectionCard>
  );
}

/** Number inputs: "" → NaN, so the schema names the empty field instead of reading 0. */
const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

const rulesFields = z.object({
  slotIntervalMinutes: z.string(),
  minimumNoticeMinutes: z.string(),
  bookingWindowDays: z.string(),
  modificationCutoffHours: z.string(),
  refundPolicy: z.string(),
});
type RulesFields = z.input<typeof rulesFields>;

export const rulesSchema = rulesFields
  .transform(
    (v): z.input<typeof settingsPatch> => ({
      slotIntervalMinutes: toNumber(v.slotIntervalMinutes),
      minimumNoticeMinutes: toNumber(v.minimumNoticeMinutes),
      bookingWindowDays: toNumber(v.bookingWindowDays),
      modificationCutoffHours: toNumber(v.modificationCutoffHours),
      refundPolicy: v.refundPolicy,
    }),
  )
  .pipe(settingsPatch);

function BookingRulesForm({ settings }: { settings: CompanySettings }) {
  const form = useSchemaForm<RulesFields, SettingsPatch>(rulesSchema, {
    slotIntervalMinutes: String(settings.slotIntervalMinutes),
    minimumNoticeMinutes: String(settings.minimumNoticeMinutes),
    bookingWindowDays: String(settings.bookingWindowDays),
    modificationCutoffHours: String(settings.modificationCutoffHours),
    refundPolicy: settings.refundPolicy,
  });
  const { submit, pending } = useSaveSettings(form, "Die Buchungsregeln wurden gespeichert.");
  const number = (name: Exclude<keyof RulesFields, "refundPolicy">, label: string, hint: string) => (
    <LabeledField control={form.control} name={name} label={label} hint={hint}>
      {(field) => <Input {...field} type="number" inputMode="numeric" min={0} />}
    </LabeledField>
  );
  return (
    <SectionCard
      id="buchungsregeln"
      title="Buchungsregeln"
      description="Buchungsregeln: Taktung der angebotenen Zeiten, Vorlaufzeit, Buchungsfenster und bis wann Termine am Telefon verschoben oder storniert werden können."
    >
      <Form {...form}>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Buchungsregeln">
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {number("slotIntervalMinutes", "Taktung (Minuten)", "Abstand der angebotenen Startzeiten.")}
            {number("minimumNoticeMinutes", "Vorlaufzeit (Minuten)", "So viel Zeit muss bis zum Termin mindestens bleiben.")}
            {number("bookingWindowDays", "Buchungsfenster (Tage)", "So weit im Voraus kann gebucht werden.")}
            {number("modificationCutoffHours", "Änderungsfrist (Stunden)", "Bis so viele Stunden vor Beginn sind Verschieben und Absagen möglich.")}
          </div>
          <LabeledField
            control={form.control}
            name="refundPolicy"
            label="Stornobedingungen"
            hint="Liest der Assistent vor, wenn jemand absagt. Leer lassen, wenn es keine gibt."
          >
            {(field) => <Textarea {...field} maxLength={1000} rows={3} />}
          </LabeledField>
          <div>
            <SaveButton pending={pending} />
          </div>
        </form>
      </Form>
    </SectionCard>
  );
}
