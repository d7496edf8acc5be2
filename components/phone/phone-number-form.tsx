"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { SaveButton } from "@/components/settings/save-button";
import { useTRPC } from "@/components/trpc/provider";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import type { Branch } from "@/server/services/branch/schemas";
import { addParams, updateParams, type PhoneNumberDto } from "@/server/services/phone/schemas";
import { branchOptions, NO_BRANCH_LABEL } from "./branch-options";
import { useRefreshNumbers } from "./use-refresh-numbers";

/** What the fields hold, named like the method's params so the server's errors land under them. */
const addFields = z.object({ number: z.string(), branch_id: z.string(), label: z.string() });
type AddFields = z.input<typeof addFields>;
export const addSchema = addFields.transform((v): z.input<typeof addParams> => v).pipe(addParams);

const editFields = z.object({ branch_id: z.string(), label: z.string(), is_active: z.boolean() });
type EditFields = z.input<typeof editFields>;
export const editSchema = (id: string) => editFields.transform((v): z.input<typeof updateParams> => ({ id, ...v })).pipe(updateParams);

const DESCRIPTION = "Anrufe auf dieser Nummer ordnet der Telefonassistent Ihrer Firma und der gewählten Filiale zu (Öffnungszeiten, Termine).";

/** "Rufnummer hinzufügen": the number as people write it (030 1234567), its branch and a label. */
export function AddNumberForm({ branches, onSaved }: { branches: Branch[]; onSaved: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshNumbers();
  const form = useSchemaForm<AddFields, z.output<typeof addSchema>>(addSchema, {
    number: "",
    branch_id: branches.filter((b) => b.is_active).length === 1 ? branches.find((b) => b.is_active)!.id : "",
    label: "",
  });
  const add = useMutation(
    trpc.phone.add.mutationOptions({
      onSuccess: async ({ phone_number }) => {
        toast.success(`${phone_number.display} wurde hinzugefügt.`);
        onSaved();
        await refresh();
      },
      onError: serverErrorsTo(form),
    }),
  );
  const submit = form.handleSubmit((params) => add.mutate(params));

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Rufnummer hinzufügen">
        <DialogHeader>
          <DialogTitle>Rufnummer hinzufügen</DialogTitle>
          <DialogDescription>{DESCRIPTION}</DialogDescription>
        </DialogHeader>
        <LabeledField control={form.control} name="number" label="Rufnummer" hint="z. B. 030 1234567 oder +49 30 1234567">
          {(field) => <Input {...field} type="tel" inputMode="tel" autoComplete="off" maxLength={40} placeholder="030 1234567" />}
        </LabeledField>
        <OptionFormField control={form.control} name="branch_id" label="Filiale" noneLabel={NO_BRANCH_LABEL} options={branchOptions(branches)} />
        <LabeledField control={form.control} name="label" label="Bezeichnung (optional)" hint="z. B. „Hauptnummer“ oder „Anzeige Zeitung“">
          {(field) => <Input {...field} maxLength={100} />}
        </LabeledField>
        <DialogFooter>
          <SaveButton pending={add.isPending}>Hinzufügen</SaveButton>
        </DialogFooter>
      </form>
    </Form>
  );
}

/** Branch, label and state of one of the company's numbers. */
export function EditNumberForm({ phone, branches, onSaved }: { phone: PhoneNumberDto; branches: Branch[]; onSaved: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshNumbers();
  const [schema] = useState(() => editSchema(phone.id));
  const form = useSchemaForm<EditFields, z.output<typeof schema>>(schema, {
    branch_id: phone.branch?.id ?? "",
    label: phone.label ?? "",
    is_active: phone.is_active,
  });
  const update = useMutation(
    trpc.phone.update.mutationOptions({
      onSuccess: async ({ phone_number }) => {
        toast.success(`${phone_number.display} wurde gespeichert.`);
        onSaved();
        await refresh();
      },
      onError: serverErrorsTo(form),
    }),
  );
  const submit = form.handleSubmit((params) => update.mutate(params));

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate aria-label={`Rufnummer ${phone.display} bearbeiten`}>
        <DialogHeader>
          <DialogTitle>Rufnummer {phone.display} bearbeiten</DialogTitle>
          <DialogDescription>{DESCRIPTION}</DialogDescription>
        </DialogHeader>
        <OptionFormField control={form.control} name="branch_id" label="Filiale" noneLabel={NO_BRANCH_LABEL} options={branchOptions(branches, phone.branch?.id)} />
        <LabeledField control={form.control} name="label" label="Bezeichnung (optional)">
          {(field) => <Input {...field} maxLength={100} />}
        </LabeledField>
        <CheckboxFormField
          control={form.control}
          name="is_active"
          label="Aktiv"
          hint="Anrufe auf einer pausierten Nummer ordnet der Telefonassistent keiner Firma zu."
        />
        <DialogFooter>
          <SaveButton pending={update.isPending} />
        </DialogFooter>
      </form>
    </Form>
  );
}
