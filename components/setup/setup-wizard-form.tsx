"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { GERMAN_STATE_NAMES } from "@/components/settings/german-states";
import { BranchHoursEditors } from "@/components/settings/branch-hours-editors";
import { SaveButton } from "@/components/settings/save-button";
import { formWeek, weekFields } from "@/components/settings/week-fields";
import { useTRPC } from "@/components/trpc/provider";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import type { GermanState } from "@/server/scheduling/holidays";
import { firstCompanyParams, slugFromName, STARTER_HOURS } from "@/server/services/company/schemas";

const fields = z.object({
  setup_code: z.string(),
  name: z.string(),
  slug: z.string(),
  time_zone: z.string(),
  branch: z.object({
    name: z.string(),
    street: z.string(),
    postal_code: z.string(),
    city: z.string(),
    state: z.string(),
    business_hours: z.object({
      weekly: weekFields(z.object({ open: z.string(), close: z.string() })),
      breaks: weekFields(z.object({ start: z.string(), end: z.string() })),
    }),
  }),
  admin: z.object({ name: z.string(), email: z.string(), password: z.string(), password_repeat: z.string() }),
});
type SetupFields = z.input<typeof fields>;

export const schema = fields
  .refine((v) => v.admin.password === v.admin.password_repeat, {
    path: ["admin", "password_repeat"],
    message: "Die beiden Passwörter stimmen nicht überein.",
  })
  .transform(
    (v): z.input<typeof firstCompanyParams> => ({
      ...v,
      // An empty branch name takes the company's.
      branch: { ...v.branch, name: v.branch.name.trim() || v.name, state: (v.branch.state || null) as GermanState | null },
      admin: { name: v.admin.name, email: v.admin.email, password: v.admin.password },
    }),
  )
  .pipe(firstCompanyParams);

const TIME_ZONES = [
  { value: "Europe/Berlin", label: "Deutschland (Europe/Berlin)" },
  { value: "Europe/Vienna", label: "Österreich (Europe/Vienna)" },
  { value: "Europe/Zurich", label: "Schweiz (Europe/Zurich)" },
];
const STATES = Object.entries(GERMAN_STATE_NAMES).map(([value, label]) => ({ value, label }));

const DEFAULTS: SetupFields = {
  setup_code: "",
  name: "",
  slug: "",
  time_zone: "Europe/Berlin",
  branch: {
    name: "",
    street: "",
    postal_code: "",
    city: "",
    state: "",
    business_hours: {
      weekly: formWeek(STARTER_HOURS.weekly, (r) => ({ open: r.open, close: r.close })),
      breaks: formWeek({}, (r: { start: string; end: string }) => r),
    },
  },
  admin: { name: "", email: "", password: "", password_repeat: "" },
};

function Section({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-4 rounded-lg border p-4 sm:p-5">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      <p className="-mt-2 text-sm text-muted-foreground">{hint}</p>
      {children}
    </fieldset>
  );
}

/** The first company of an install: code, business, first branch with opening hours, and the admin's login. */
export function SetupWizardForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useSchemaForm<SetupFields, z.output<typeof schema>>(schema, DEFAULTS);
  // The slug follows the name until it is typed in by hand.
  const [slugTouched, setSlugTouched] = useState(false);
  const [signingIn, setSigningIn] = useState(false);

  const create = useMutation(
    trpc.setup.createFirstCompany.mutationOptions({
      onError: serverErrorsTo(form),
      onSuccess: async (_result, input) => {
        setSigningIn(true);
        const login = await signIn("credentials", { redirect: false, email: input.admin.email, password: input.admin.password }).catch(() => undefined);
        if (!login?.ok || login.error) {
          toast.success("Ihr Betrieb ist eingerichtet. Bitte melden Sie sich an.");
          router.replace("/login");
          return;
        }
        toast.success("Ihr Betrieb ist eingerichtet.");
        router.replace("/erste-schritte");
        router.refresh();
      },
    }),
  );

  const text = (name: Parameters<typeof form.register>[0], label: string, extra: React.ComponentProps<"input"> = {}, hint?: string) => (
    <LabeledField control={form.control} name={name} label={label} hint={hint}>
      {(field) => <Input {...extra} {...field} value={field.value as string} />}
    </LabeledField>
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((input) => create.mutate(input))} className="grid gap-6" noValidate aria-label="Betrieb einrichten">
        <Section title="Einrichtungscode" hint="Der Code steht im Protokoll des Servers, sobald er ohne eingerichteten Betrieb startet.">
          {text("setup_code", "Einrichtungscode", { autoComplete: "off", spellCheck: false, autoFocus: true, placeholder: "XXXXX-XXXXX-XXXXX" })}
        </Section>

        <Section title="Ihr Betrieb" hint="So stellt sich der Telefonassistent vor.">
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <LabeledField control={form.control} name="name" label="Name des Betriebs">
              {(field) => (
                <Input
                  {...field}
                  maxLength={200}
                  onChange={(e) => {
                    field.onChange(e);
                    if (!slugTouched) form.setValue("slug", slugFromName(e.target.value));
                  }}
                />
              )}
            </LabeledField>
            <LabeledField control={form.control} name="slug" label="Kürzel" hint="Kleinbuchstaben, Ziffern und Bindestriche; eindeutig auf diesem Server.">
              {(field) => (
                <Input
                  {...field}
                  maxLength={40}
                  spellCheck={false}
                  onChange={(e) => {
                    setSlugTouched(true);
                    field.onChange(e);
                  }}
                />
              )}
            </LabeledField>
            <OptionFormField control={form.control} name="time_zone" label="Zeitzone" options={TIME_ZONES} />
          </div>
        </Section>

        <Section title="Erste Filiale" hint="Adresse und Öffnungszeiten nennt der Telefonassistent; er bucht nur zu diesen Zeiten. Weitere Filialen folgen in den Einstellungen.">
          <div className="grid items-start gap-4 sm:grid-cols-2">
            {text("branch.name", "Name der Filiale", { maxLength: 100 }, "Leer lassen, um den Namen des Betriebs zu verwenden.")}
            {text("branch.street", "Straße und Hausnummer", { maxLength: 200 })}
            <div className="grid grid-cols-[7rem_1fr] gap-3">
              {text("branch.postal_code", "PLZ", { inputMode: "numeric", maxLength: 5 })}
              {text("branch.city", "Ort", { maxLength: 100 })}
            </div>
            <OptionFormField control={form.control} name="branch.state" label="Bundesland" options={STATES} noneLabel="Nur bundesweite Feiertage" />
          </div>
          <BranchHoursEditors control={form.control} weekly="branch.business_hours.weekly" breaks="branch.business_hours.breaks" id="setup" />
        </Section>

        <Section title="Ihr Zugang" hint="Mit diesem Zugang verwalten Sie den Betrieb; weitere Benutzer legen Sie danach an.">
          <div className="grid items-start gap-4 sm:grid-cols-2">
            {text("admin.name", "Ihr Name", { autoComplete: "name", maxLength: 100 })}
            {text("admin.email", "E-Mail", { type: "email", autoComplete: "username", maxLength: 200 })}
            {text("admin.password", "Passwort", { type: "password", autoComplete: "new-password" }, "Mindestens 10 Zeichen; kein gängiges Passwort.")}
            {text("admin.password_repeat", "Passwort wiederholen", { type: "password", autoComplete: "new-password" })}
          </div>
        </Section>

        <div className="flex justify-end">
          <SaveButton pending={create.isPending || signingIn}>Betrieb einrichten</SaveButton>
        </div>
      </form>
    </Form>
  );
}
