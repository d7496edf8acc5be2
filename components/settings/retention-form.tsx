"use client";

import { z } from "zod";
import { LabeledField } from "@/components/forms/labeled-field";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { CompanySettings } from "@/server/calendar/company-settings";
import { updateSettingsParams } from "@/server/services/company/schemas";
import { SaveButton } from "./save-button";
import { SectionCard } from "./section-card";
import { useSaveSettings } from "./use-save-settings";

const settingsPatch = updateSettingsParams.shape.settings;
type SettingsPatch = z.output<typeof settingsPatch>;

const retentionFields = z.object({ callRetentionMonths: z.string() });
type RetentionFields = z.input<typeof retentionFields>;

// Empty keeps everything (null); anything else must be a whole number of months.
export const retentionSchema = retentionFields
  .transform((v): z.input<typeof settingsPatch> => ({ callRetentionMonths: v.callRetentionMonths.trim() === "" ? null : Number(v.callRetentionMonths) }))
  .pipe(settingsPatch);

/** Datenschutz: how long call transcripts and recordings are kept. */
export function RetentionForm({ settings }: { settings: CompanySettings }) {
  const form = useSchemaForm<RetentionFields, SettingsPatch>(retentionSchema, {
    callRetentionMonths: settings.callRetentionMonths ? String(settings.callRetentionMonths) : "",
  });
  const { submit, pending } = useSaveSettings(form, "Die Aufbewahrungsfrist wurde gespeichert.");
  return (
    <SectionCard id="datenschutz" title="Datenschutz" description="Wie lange Transkripte und Aufnahmen von Anrufen gespeichert bleiben.">
      <Form {...form}>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Datenschutz">
          <div className="grid gap-4 sm:max-w-sm">
            <LabeledField
              control={form.control}
              name="callRetentionMonths"
              label="Anruftranskripte und Aufnahmen löschen nach … Monaten"
              hint="Leer lassen oder 0, um sie zu behalten. Einmal täglich werden Transkript, Zusammenfassung, erfasste Angaben und Aufnahme älterer Anrufe entfernt; Zeitpunkt, Dauer und Ergebnis des Anrufs bleiben."
            >
              {(field) => <Input {...field} type="number" inputMode="numeric" min={0} max={120} />}
            </LabeledField>
          </div>
          <div>
            <SaveButton pending={pending} />
          </div>
        </form>
      </Form>
    </SectionCard>
  );
}
