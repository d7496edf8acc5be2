"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { LabeledField } from "@/components/forms/labeled-field";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import { createParams, updateParams, type Branch } from "@/server/services/branch/schemas";
import type { GermanState } from "@/server/scheduling/holidays";
import { GERMAN_STATE_NAMES } from "./german-states";
import { BranchHoursEditors } from "./branch-hours-editors";
import { SaveButton } from "./save-button";
import { useRefreshSettings } from "./use-refresh-settings";
import { formWeek, weekFields } from "./week-fields";

/** Radix Select needs a non-empty value; this one stands for "no state chosen". */
const NO_STATE = "keins";

/**
 * What the fields hold, named like the method's params so errors land under them; the opening
 * hours keep the method's { open, close }, so "business_hours.weekly.6.0.close" is an input.
 */
const fields = z.object({
  name: z.string(),
  street: z.string(),
  postal_code: z.string(),
  city: z.string(),
  state: z.string(),
  phone: z.string(),
  email: z.string(),
  business_hours: z.object({
    weekly: weekFields(z.object({ open: z.string(), close: z.string() })),
    breaks: weekFields(z.object({ start: z.string(), end: z.string() })),
  }),
  is_active: z.boolean(),
});
type BranchFields = z.input<typeof fields>;

/** The method's own schema checks the state against the list of German states. */
const asValues = fields.transform((v): z.input<typeof createParams> => ({ ...v, state: v.state === NO_STATE ? null : (v.state as GermanState) }));

export const createSchema = asValues.pipe(createParams);
export const updateSchema = (branchId: string) => asValues.transform((v): z.input<typeof updateParams> => ({ branch_id: branchId, ...v })).pipe(updateParams);

function defaults(branch?: Branch): BranchFields {
  return {
    name: branch?.name ?? "",
    street: branch?.street ?? "",
    postal_code: branch?.postal_code ?? "",
    city: branch?.city ?? "",
    state: branch?.state ?? NO_STATE,
    phone: branch?.phone ?? "",
    email: branch?.email ?? "",
    business_hours: {
      weekly: formWeek(branch?.business_hours.weekly ?? {}, (r) => ({ open: r.open ?? "", close: r.close ?? "" })),
      breaks: formWeek(branch?.business_hours.breaks ?? {}, (r) => ({ start: r.start ?? "", end: r.end ?? "" })),
    },
    is_active: branch?.is_active ?? true,
  };
}

type TextName = "name" | "street" | "postal_code" | "city" | "phone" | "email";

/** Create or edit a branch with its address, state and weekly opening hours and breaks (admins). */
export function BranchForm({ branch, onSaved }: { branch?: Branch; onSaved: () => void }) {
  const trpc = useTRPC();
  const refreshSettings = useRefreshSettings();
  const [schema] = useState(() => (branch ? updateSchema(branch.id) : createSchema));
  const form = useSchemaForm<BranchFields, z.output<typeof createSchema> | z.output<ReturnType<typeof updateSchema>>>(schema, defaults(branch));
  const onError = serverErrorsTo(form);

  const onSuccess = async ({ branch: saved }: { branch: Branch }) => {
    toast.success(branch ? `„${saved.name}“ wurde gespeichert.` : `„${saved.name}“ wurde angelegt.`);
    onSaved();
    await refreshSettings();
  };
  const create = useMutation(trpc.branch.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.branch.update.mutationOptions({ onSuccess, onError }));

  const submit = form.handleSubmit((input) => {
    if ("branch_id" in input) update.mutate(input);
    else create.mutate(input);
  });

  const text = (name: TextName, label: string, extra: React.ComponentProps<"input"> = {}) => (
    <LabeledField control={form.control} name={name} label={label}>
      {(field) => <Input {...extra} {...field} />}
    </LabeledField>
  );

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-5" noValidate aria-label={branch ? `Filiale ${branch.name} bearbeiten` : "Filiale anlegen"}>
        <DialogHeader>
          <DialogTitle>{branch ? "Filiale bearbeiten" : "Filiale anlegen"}</DialogTitle>
          <DialogDescription>Der Telefonassistent nennt Adresse und Öffnungszeiten und bucht nur zu diesen Zeiten.</DialogDescription>
        </DialogHeader>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          {text("name", "Name", { maxLength: 100 })}
          {text("phone", "Telefon", { type: "tel", autoComplete: "off" })}
          {text("street", "Straße und Hausnummer", { maxLength: 200 })}
          <div className="grid grid-cols-[7rem_1fr] gap-3">
            {text("postal_code", "PLZ", { inputMode: "numeric", maxLength: 5 })}
            {text("city", "Ort", { maxLength: 100 })}
          </div>
          <FormField
            control={form.control}
            name="state"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Bundesland</FormLabel>
                <Select value={field.value} onValueChange={field.onChange}>
                  <FormControl>
                    <SelectTrigger>
                      <SelectValue />
                    </SelectTrigger>
                  </FormControl>
                  <SelectContent>
                    <SelectItem value={NO_STATE}>Nur bundesweite Feiertage</SelectItem>
                    {Object.entries(GERMAN_STATE_NAMES).map(([code, label]) => (
                      <SelectItem key={code} value={code}>
                        {label}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
                <FormDescription>Bestimmt die gesetzlichen Feiertage, an denen die Filiale geschlossen ist.</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          {text("email", "E-Mail", { type: "email", maxLength: 200 })}
        </div>
        <BranchHoursEditors control={form.control} weekly="business_hours.weekly" breaks="business_hours.breaks" id="branch" />
        <CheckboxFormField
          control={form.control}
          name="is_active"
          label="Aktiv"
          hint="Inaktive Filialen nehmen keine Buchungen an und erscheinen nicht in Auswahllisten."
        />
        <DialogFooter>
          <SaveButton pending={create.isPending || update.isPending}>{branch ? "Speichern" : "Anlegen"}</SaveButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
