"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { useTRPC } from "@/components/trpc/provider";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { updateParams, updateSettingsParams } from "@/server/services/company/schemas";
import type { CompanySettings } from "@/server/calendar/company-settings";
import { CheckboxField } from "./checkbox-field";
import { SaveButton } from "./save-button";
import { SectionCard } from "./section-card";
import { useFieldErrors } from "./use-field-errors";

/** Firma: the company's name, contact data and booking rules. */
export function CompanySection() {
  const trpc = useTRPC();
  const { data: company } = useSuspenseQuery(trpc.company.get.queryOptions({}));
  return (
    <div className="grid gap-6">
      <CompanyNameForm name={company.name} slug={company.slug} timeZone={company.time_zone} />
      <ContactForm settings={company.settings} />
      <BookingRulesForm settings={company.settings} />
    </div>
  );
}

function CompanyNameForm({ name: stored, slug, timeZone }: { name: string; slug: string; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(stored);
  const { errors, check, onError } = useFieldErrors();
  const save = useMutation(
    trpc.company.update.mutationOptions({
      onSuccess: async (c) => {
        toast.success(`Der Firmenname „${c.name}“ wurde gespeichert.`);
        await queryClient.invalidateQueries({ queryKey: trpc.company.get.queryKey() });
      },
      onError,
    }),
  );
  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = check(updateParams, { name });
    if (input) save.mutate(input);
  }
  return (
    <SectionCard id="firma" title="Firma" description="So nennt der Telefonassistent Ihren Betrieb.">
      <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Firma">
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
          <FormField id="company-name" label="Firmenname" error={errors.name} control={(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />} />
          <ReadOnly label="Kürzel" value={slug} />
          <ReadOnly label="Zeitzone" value={timeZone} />
        </div>
        <div>
          <SaveButton pending={save.isPending} />
        </div>
      </form>
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

/** company.updateSettings for one card: its own field errors (without the "settings." prefix) and toast. */
function useSaveSettings(message: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useFieldErrors("settings");
  const save = useMutation(
    trpc.company.updateSettings.mutationOptions({
      onSuccess: async () => {
        toast.success(message);
        await queryClient.invalidateQueries({ queryKey: trpc.company.get.queryKey() });
      },
      onError: form.onError,
    }),
  );
  const submit = (settings: Partial<CompanySettings>) => {
    const input = form.check(updateSettingsParams, { settings });
    if (input) save.mutate(input);
  };
  return { errors: form.errors, submit, pending: save.isPending };
}

function ContactForm({ settings }: { settings: CompanySettings }) {
  const [email, setEmail] = useState(settings.contactEmail ?? "");
  const [phone, setPhone] = useState(settings.contactPhone ?? "");
  const [confirmations, setConfirmations] = useState(settings.sendConfirmationEmails);
  const { errors, submit, pending } = useSaveSettings("Die Kontaktdaten wurden gespeichert.");
  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    submit({ contactEmail: email.trim() || null, contactPhone: phone.trim() || null, sendConfirmationEmails: confirmations });
  }
  return (
    <SectionCard id="kontakt" title="Kontakt und Bestätigungen" description="Kontaktdaten, die der Assistent auf Nachfrage nennt, und ob Kundinnen und Kunden Bestätigungen per E-Mail erhalten.">
      <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-label="Kontakt und Bestätigungen">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="contact-email"
            label="Kontakt-E-Mail"
            error={errors.contactEmail}
            control={(p) => <Input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={200} />}
          />
          <FormField
            id="contact-phone"
            label="Kontakt-Telefon"
            error={errors.contactPhone}
            control={(p) => <Input {...p} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={40} />}
          />
        </div>
        <CheckboxField
          id="contact-confirmations"
          label="Bestätigungen per E-Mail senden"
          hint="Bei Buchung, Verschiebung und Absage, wenn eine E-Mail-Adresse bekannt ist."
          checked={confirmations}
          onChange={setConfirmations}
        />
        <div>
          <SaveButton pending={pending} />
        </div>
      </form>
    </SectionCard>
  );
}

/** Number inputs: "" → NaN, so the schema names the empty field instead of reading 0. */
const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

function BookingRulesForm({ settings }: { settings: CompanySettings }) {
  const [slotInterval, setSlotInterval] = useState(String(settings.slotIntervalMinutes));
  const [notice, setNotice] = useState(String(settings.minimumNoticeMinutes));
  const [bookingWindow, setBookingWindow] = useState(String(settings.bookingWindowDays));
  const [cutoff, setCutoff] = useState(String(settings.modificationCutoffHours));
  const [refundPolicy, setRefundPolicy] = useState(settings.refundPolicy);
  const { errors, submit, pending } = useSaveSettings("Die Buchungsregeln wurden gespeichert.");
  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    submit({
      slotIntervalMinutes: toNumber(slotInterval),
      minimumNoticeMinutes: toNumber(notice),
      bookingWindowDays: toNumber(bookingWindow),
      modificationCutoffHours: toNumber(cutoff),
      refundPolicy,
    });
  }
  const number = (id: string, label: string, hint: string, value: string, set: (v: string) => void, field: keyof CompanySettings) => (
    <FormField
      id={id}
      label={label}
      hint={hint}
      error={errors[field]}
      control={(p) => <Input {...p} type="number" inputMode="numeric" min={0} value={value} onChange={(e) => set(e.target.value)} />}
    />
  );
  return (
    <SectionCard
      id="buchungsregeln"
      title="Buchungsregeln"
      description="Buchungsregeln: Taktung der angebotenen Zeiten, Vorlaufzeit, Buchungsfenster und bis wann Termine am Telefon verschoben oder abgesagt werden können."
    >
      <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-label="Buchungsregeln">
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {number("rules-interval", "Taktung (Minuten)", "Abstand der angebotenen Startzeiten.", slotInterval, setSlotInterval, "slotIntervalMinutes")}
          {number("rules-notice", "Vorlaufzeit (Minuten)", "So viel Zeit muss bis zum Termin mindestens bleiben.", notice, setNotice, "minimumNoticeMinutes")}
          {number("rules-window", "Buchungsfenster (Tage)", "So weit im Voraus kann gebucht werden.", bookingWindow, setBookingWindow, "bookingWindowDays")}
          {number("rules-cutoff", "Änderungsfrist (Stunden)", "Bis so viele Stunden vor Beginn sind Verschieben und Absagen möglich.", cutoff, setCutoff, "modificationCutoffHours")}
        </div>
        <FormField
          id="rules-refund-policy"
          label="Stornobedingungen"
          hint="Liest der Assistent vor, wenn jemand absagt. Leer lassen, wenn es keine gibt."
          error={errors.refundPolicy}
          control={(p) => <Textarea {...p} value={refundPolicy} onChange={(e) => setRefundPolicy(e.target.value)} maxLength={1000} rows={3} />}
        />
        <div>
          <SaveButton pending={pending} />
        </div>
      </form>
    </SectionCard>
  );
}
