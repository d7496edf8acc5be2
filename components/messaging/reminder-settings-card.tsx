"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { LabeledField } from "@/components/forms/labeled-field";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { SaveButton } from "@/components/settings/save-button";
import { SectionCard } from "@/components/settings/section-card";
import { useTRPC } from "@/components/trpc/provider";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import {
  REMINDER_OFFSET_MAX,
  REMINDER_OFFSET_MIN,
  updateReminderSettingsParams,
  type ReminderSettingsDto,
} from "@/server/services/messaging-delivery/schemas";

const DAY = 1440;
const TWO_HOURS = 120;

const fields = z.object({
  day: z.boolean(),
  twoHours: z.boolean(),
  /** Further offsets in minutes, e.g. "30, 4320". */
  custom: z.string(),
  email_reminders: z.boolean(),
  sms_reminders: z.boolean(),
  quiet_from: z.string(),
  quiet_until: z.string(),
});
type Fields = z.input<typeof fields>;
type Params = z.output<typeof updateReminderSettingsParams>;

function customMinutes(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

export const schema = fields
  .superRefine((v, ctx) => {
    const custom = customMinutes(v.custom);
    if (custom.some((m) => !Number.isInteger(m) || m < REMINDER_OFFSET_MIN || m > REMINDER_OFFSET_MAX)) {
      ctx.addIssue({
        code: "custom",
        path: ["custom"],
        message: `Bitte ganze Minuten von ${REMINDER_OFFSET_MIN} bis ${REMINDER_OFFSET_MAX} angeben, mehrere mit Komma, z. B. 30, 4320.`,
      });
    }
  })
  .transform(
    (v): z.input<typeof updateReminderSettingsParams> => ({
      reminder_offsets: [...new Set([...(v.day ? [DAY] : []), ...(v.twoHours ? [TWO_HOURS] : []), ...customMinutes(v.custom)])],
      email_reminders: v.email_reminders,
      sms_reminders: v.sms_reminders,
      quiet_from: v.quiet_from,
      quiet_until: v.quiet_until,
    }),
  )
  .pipe(updateReminderSettingsParams);

function toFields(s: ReminderSettingsDto): Fields {
  return {
    day: s.reminder_offsets.includes(DAY),
    twoHours: s.reminder_offsets.includes(TWO_HOURS),
    custom: s.reminder_offsets.filter((m) => m !== DAY && m !== TWO_HOURS).join(", "),
    email_reminders: s.email_reminders,
    sms_reminders: s.sms_reminders,
    quiet_from: s.quiet_from,
    quiet_until: s.quiet_until,
  };
}

/** Erinnerungen: when reminders go out before an appointment, by e-mail and/or SMS, and the SMS quiet hours. */
export function ReminderSettingsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.messaging.delivery.getReminderSettings.queryOptions({}));
  const form = useSchemaForm<Fields, Params>(schema, toFields(data));
  const save = useMutation(
    trpc.messaging.delivery.updateReminderSettings.mutationOptions({
      onSuccess: async (saved) => {
        toast.success("Die Erinnerungen wurden gespeichert.", { description: "Sie gelten für Termine, die ab jetzt gebucht oder verschoben werden." });
        form.reset(toFields(saved));
        await queryClient.invalidateQueries({ queryKey: trpc.messaging.delivery.getReminderSettings.queryKey({}) });
      },
      onError: serverErrorsTo(form),
    }),
  );

  return (
    <SectionCard
      id="erinnerungen"
      title="Erinnerungen"
      description="Vor jedem Termin erinnern wir die Kundschaft: per E-Mail, wenn eine Adresse bekannt ist, sonst per SMS, wenn SMS-Erinnerungen eingeschaltet sind."
    >
      <Form {...form}>
        <form onSubmit={form.handleSubmit((params) => save.mutate(params))} className="grid gap-6" noValidate aria-label="Erinnerungen">
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Zeitpunkte vor dem Termin</legend>
            <CheckboxFormField control={form.control} name="day" label="24 Stunden vorher" />
            <CheckboxFormField control={form.control} name="twoHours" label="2 Stunden vorher" />
            <LabeledField
              control={form.control}
              name="custom"
              label="Weitere Zeitpunkte (Minuten vorher)"
              hint="Mehrere mit Komma trennen, z. B. 30 für eine halbe Stunde oder 4320 für drei Tage. Wer kurzfristiger bucht, bekommt nur die Erinnerungen, die noch in der Zukunft liegen."
              className="max-w-md"
            >
              {(field) => <Input {...field} inputMode="numeric" placeholder="z. B. 30" />}
            </LabeledField>
          </fieldset>

          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Kanäle</legend>
            <CheckboxFormField
              control={form.control}
              name="email_reminders"
              label="Erinnerungen per E-Mail"
              hint="An Kundschaft mit E-Mail-Adresse, wenn Bestätigungen per E-Mail eingeschaltet sind (Einstellungen → Kontakt)."
            />
            <CheckboxFormField
              control={form.control}
              name="sms_reminders"
              label="Erinnerungen per SMS"
              hint="Standardmäßig aus: SMS kosten Geld, jede Erinnerung wird vom SMS-Anbieter berechnet. Gilt für Kundschaft ohne E-Mail-Erinnerung."
            />
          </fieldset>

          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Ruhezeit für SMS</legend>
            <div className="grid max-w-md items-start gap-4 sm:grid-cols-2">
              <LabeledField control={form.control} name="quiet_from" label="Keine SMS ab">
                {(field) => <Input {...field} type="time" step={60} />}
              </LabeledField>
              <LabeledField control={form.control} name="quiet_until" label="bis">
                {(field) => <Input {...field} type="time" step={60} />}
              </LabeledField>
            </div>
            <p className="text-sm text-muted-foreground">
              Fällt eine SMS-Erinnerung in die Ruhezeit, geht sie an deren Ende hinaus; wäre das zu knapp vor dem Termin (weniger als 30 Minuten),
              schon kurz vor Beginn der Ruhezeit. Gleiche Uhrzeiten: keine Ruhezeit. Bestätigungen nach einer Buchung gehen sofort hinaus.
            </p>
          </fieldset>

          <div>
            <SaveButton pending={save.isPending} />
          </div>
        </form>
      </Form>
    </SectionCard>
  );
}
