"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { EditDialog } from "@/components/forms/edit-dialog";
import { LabeledField } from "@/components/forms/labeled-field";
import { PendingButton } from "@/components/forms/pending-button";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { updateParams } from "@/server/services/customer/schemas";

type Customer = RouterOutputs["customer"]["get"];

/** What the fields hold; consent is asked positively ("SMS erlaubt") and stored as opt-outs. */
const fields = z.object({
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  notes: z.string(),
  sms_allowed: z.boolean(),
  email_allowed: z.boolean(),
});
type EditFields = z.input<typeof fields>;

export const editSchema = (customerId: string) =>
  fields
    .transform(
      (v): z.input<typeof updateParams> => ({
        customer_id: customerId,
        name: v.name,
        phone: v.phone,
        email: v.email,
        notes: v.notes,
        sms_opt_out: !v.sms_allowed,
        email_opt_out: !v.email_allowed,
      }),
    )
    .pipe(updateParams);

/** "Bearbeiten": name, number, e-mail, notes and consent of one customer. */
export function EditCustomerDialog({ customer }: { customer: Customer }) {
  return <EditDialog width="sm:max-w-xl">{(close) => <EditCustomerForm customer={customer} onDone={close} />}</EditDialog>;
}

function EditCustomerForm({ customer: c, onDone }: { customer: Customer; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [schema] = useState(() => editSchema(c.id));
  const form = useSchemaForm<EditFields, z.output<typeof updateParams>>(schema, {
    name: c.name ?? "",
    phone: c.phone_display,
    email: c.email ?? "",
    notes: c.notes ?? "",
    sms_allowed: !c.sms_opt_out,
    email_allowed: !c.email_opt_out,
  });

  const update = useMutation(
    trpc.customer.update.mutationOptions({
      onSuccess: async () => {
        toast.success("Kundendaten gespeichert.");
        onDone();
        await queryClient.invalidateQueries(trpc.customer.pathFilter());
      },
      onError: serverErrorsTo(form),
    }),
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((params) => update.mutate(params))} className="grid gap-5" noValidate aria-label="Kunde bearbeiten">
        <DialogHeader>
          <DialogTitle>Kunde bearbeiten</DialogTitle>
          <DialogDescription>Leere Felder werden gelöscht. Die Telefonnummer darf keinem anderen Kunden gehören.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 sm:grid-cols-2">
          <LabeledField control={form.control} name="name" label="Name">
            {(field) => <Input {...field} maxLength={100} autoComplete="off" />}
          </LabeledField>
          <LabeledField control={form.control} name="phone" label="Telefon" hint="In jeder Schreibweise, z. B. 0171 1234567">
            {(field) => <Input {...field} type="tel" maxLength={40} autoComplete="off" />}
          </LabeledField>
        </div>
        <LabeledField control={form.control} name="email" label="E-Mail">
          {(field) => <Input {...field} type="email" maxLength={200} autoComplete="off" />}
        </LabeledField>
        <LabeledField control={form.control} name="notes" label="Notizen" hint="Nur für das Team sichtbar, z. B. Vorlieben oder Allergien.">
          {(field) => <Textarea {...field} maxLength={2000} rows={4} />}
        </LabeledField>
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-sm font-medium">Einwilligungen</legend>
          <CheckboxFormField control={form.control} name="sms_allowed" label="SMS erlaubt" hint="Bestätigungen und Erinnerungen per SMS." />
          <CheckboxFormField control={form.control} name="email_allowed" label="E-Mail erlaubt" hint="Bestätigungen und Erinnerungen per E-Mail." />
        </fieldset>
        <DialogFooter>
          <PendingButton type="submit" pending={update.isPending} icon={<Pencil aria-hidden />}>
            Speichern
          </PendingButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
