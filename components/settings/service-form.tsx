"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import type { Branch } from "@/server/services/branch/schemas";
import { createParams, updateParams, type ServiceDto } from "@/server/services/service/schemas";
import { chosenEventType, durationMismatch, eventTypeOptions } from "./calcom-event-types";
import { centsToEuroInput, EURO_INPUT_ERROR, euroInputToCents } from "./euro-input";
import { SaveButton } from "./save-button";
import { useRefreshSettings } from "./use-refresh-settings";

/** Radix Select needs a non-empty value; this one stands for "every branch". */
const ALL_BRANCHES = "alle";

/** "" → NaN, so the schema answers "Bitte … angeben." instead of reading an empty field as 0. */
const minutes = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** What the fields hold: typed text, named like the method's params so errors land under them. */
const fields = z.object({
  name: z.string(),
  description: z.string(),
  duration_minutes: z.string(),
  buffer_minutes: z.string(),
  price_cents: z.string(),
  deposit_cents: z.string(),
  deposit_percent: z.string(),
  branch_id: z.string(),
  calcom_event_type_id: z.string(),
  is_active: z.boolean(),
});
type ServiceFields = z.input<typeof fields>;

/** Typed text → the method's values; a price that is no amount is the form's own error. */
const asValues = fields.transform((v, ctx): z.input<typeof createParams> => {
  const cents = euroInputToCents(v.price_cents);
  const deposit = euroInputToCents(v.deposit_cents);
  if (cents === undefined || deposit === undefined) {
    if (cents === undefined) ctx.addIssue({ code: "custom", path: ["price_cents"], message: EURO_INPUT_ERROR });
    if (deposit === undefined) ctx.addIssue({ code: "custom", path: ["deposit_cents"], message: EURO_INPUT_ERROR });
    return z.NEVER;
  }
  return {
    name: v.name,
    description: v.description,
    duration_minutes: minutes(v.duration_minutes),
    buffer_minutes: minutes(v.buffer_minutes),
    price_cents: cents,
    deposit_cents: deposit,
    deposit_percent: v.deposit_percent.trim() === "" ? null : Number(v.deposit_percent),
    branch_id: v.branch_id === ALL_BRANCHES ? null : v.branch_id,
    calcom_event_type_id: v.calcom_event_type_id.trim() === "" ? null : Number(v.calcom_event_type_id),
    is_active: v.is_active,
  };
});

export const createSchema = asValues.pipe(createParams);
export const updateSchema = (serviceId: string) => asValues.transform((v): z.input<typeof updateParams> => ({ service_id: serviceId, ...v })).pipe(updateParams);

function defaults(service?: ServiceDto): ServiceFields {
  return {
    name: service?.name ?? "",
    description: service?.description ?? "",
    duration_minutes: String(service?.duration_minutes ?? 30),
    buffer_minutes: String(service?.buffer_minutes ?? 0),
    price_cents: centsToEuroInput(service?.price_cents ?? null),
    deposit_cents: centsToEuroInput(service?.deposit_cents ?? null),
    deposit_percent: service?.deposit_percent?.toString() ?? "",
    branch_id: service?.branch_id ?? ALL_BRANCHES,
    calcom_event_type_id: service?.calcom_event_type_id?.toString() ?? "",
    is_active: service?.is_active ?? true,
  };
}

/** Create or edit a service (admins); the price is typed as "49,00" and sent in cents. `branches`: all, inactive ones are offered only when already chosen. */
export function ServiceForm({ service, branches, onSaved }: { service?: ServiceDto; branches: Branch[]; onSaved: () => void }) {
  const trpc = useTRPC();
  const refreshSettings = useRefreshSettings();
  const [schema] = useState(() => (service ? updateSchema(service.id) : createSchema));
  const form = useSchemaForm<ServiceFields, z.output<typeof createSchema> | z.output<ReturnType<typeof updateSchema>>>(schema, defaults(service));
  const onError = serverErrorsTo(form);

  const onSuccess = async ({ service: saved }: { service: ServiceDto }) => {
    toast.success(service ? `„${saved.name}“ wurde gespeichert.` : `„${saved.name}“ wurde angelegt.`);
    onSaved();
    await refreshSettings();
  };
  const create = useMutation(trpc.service.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.service.update.mutationOptions({ onSuccess, onError }));

  const submit = form.handleSubmit((input) => {
    if ("service_id" in input) update.mutate(input);
    else create.mutate(input);
  });

  const minutesField = (name: "duration_minutes" | "buffer_minutes", label: string, hint?: string) => (
    <LabeledField control={form.control} name={name} label={label} hint={hint}>
      {(field) => <Input {...field} type="number" inputMode="numeric" min={0} />}
    </LabeledField>
  );

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate aria-label={service ? `Leistung ${service.name} bearbeiten` : "Leistung anlegen"}>
        <DialogHeader>
          <DialogTitle>{service ? "Leistung bearbeiten" : "Leistung anlegen"}</DialogTitle>
          <DialogDescription>Der Telefonassistent bucht Leistungen mit ihrer Dauer und nennt Preise, wenn Anrufende fragen.</DialogDescription>
        </DialogHeader>
        <LabeledField control={form.control} name="name" label="Name" hint="Je Firma eindeutig; so spricht der Assistent die Leistung an.">
          {(field) => <Input {...field} maxLength={100} />}
        </LabeledField>
        <LabeledField control={form.control} name="description" label="Beschreibung (optional)">
          {(field) => <Textarea {...field} maxLength={1000} rows={2} />}
        </LabeledField>
        <div className="grid gap-4 sm:grid-cols-3 sm:items-start">
          {minutesField("duration_minutes", "Dauer (Minuten)")}
          {minutesField("buffer_minutes", "Puffer danach (Minuten)", "Zeit zum Aufräumen; wird nicht gebucht.")}
          <LabeledField control={form.control} name="price_cents" label="Preis (€)" hint="z. B. 49,00; leer: kein Preis">
            {(field) => <Input {...field} inputMode="decimal" placeholder="49,00" />}
          </LabeledField>
        </div>
        <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
          <LabeledField control={form.control} name="deposit_cents" label="Anzahlung (€, optional)" hint="Fester Betrag, per Stripe-Zahlungslink nach der Buchung.">
            {(field) => <Input {...field} inputMode="decimal" placeholder="20,00" />}
          </LabeledField>
          <LabeledField control={form.control} name="deposit_percent" label="oder Anzahlung (% vom Preis)" hint="Entweder Betrag oder Prozent; leer: keine Anzahlung.">
            {(field) => <Input {...field} type="number" inputMode="numeric" min={1} max={100} />}
          </LabeledField>
        </div>
        <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
          <OptionFormField
            control={form.control}
            name="branch_id"
            label="Angeboten in"
            options={[
              { value: ALL_BRANCHES, label: "Allen Filialen" },
              ...branches.filter((b) => b.is_active || b.id === service?.branch_id).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
          <CalcomEventTypeField control={form.control} storedId={service?.calcom_event_type_id?.toString() ?? ""} />
        </div>
        <CheckboxFormField control={form.control} name="is_active" label="Aktiv" hint="Nur aktive Leistungen können gebucht werden." />
        <DialogFooter>
          <SaveButton pending={create.isPending || update.isPending}>{service ? "Speichern" : "Anlegen"}</SaveButton>
        </DialogFooter>
      </form>
    </Form>
  );
}

/** The event type typed in by its id: for the built-in calendar, and when Cal.com cannot list them. */
function EventTypeIdField({ control, hint }: { control: Control<ServiceFields, unknown, unknown>; hint: string }) {
  return (
    <LabeledField control={control} name="calcom_event_type_id" label="Cal.com-Terminart-ID (optional)" hint={hint}>
      {(field) => <Input {...field} inputMode="numeric" />}
    </LabeledField>
  );
}

/**
 * With Cal.com as the company's calendar: its event types to choose from ("Haarschnitt · 30 Min."),
 * "keiner", and a warning when the chosen one lasts otherwise than the service. When Cal.com
 * cannot list them, the id field with the stored id and a German explanation instead.
 */
function CalcomEventTypeField({ control, storedId }: { control: Control<ServiceFields, unknown, unknown>; storedId: string }) {
  const trpc = useTRPC();
  const connection = useQuery(trpc.calcom.getConnection.queryOptions({}));
  const usesCalcom = connection.data?.connection.provider === "calcom";
  const eventTypes = useQuery({ ...trpc.calcom.getEventTypes.queryOptions({}), enabled: usesCalcom });
  const [chosen, minutes] = useWatch({ control, name: ["calcom_event_type_id", "duration_minutes"] });

  if (!usesCalcom || (eventTypes.data && eventTypes.data.provider !== "calcom")) {
    return <EventTypeIdField control={control} hint="Nur bei Anbindung an Cal.com: die ID der passenden Terminart." />;
  }
  if (eventTypes.isError) {
    return (
      <div className="grid gap-2">
        <EventTypeIdField control={control} hint="Die ID der passenden Terminart in Cal.com; leer: keine." />
        <p role="alert" className="text-sm text-destructive" data-testid="calcom-event-types-error">
          Die Terminarten konnten nicht aus Cal.com geladen werden: {eventTypes.error.message} Die gespeicherte Terminart bleibt erhalten.{" "}
          <Button type="button" variant="link" className="h-auto p-0 text-sm" onClick={() => void eventTypes.refetch()}>
            Erneut laden
          </Button>
        </p>
      </div>
    );
  }
  const list = eventTypes.data?.event_types ?? [];
  const keep = [storedId, chosen];
  const options = eventTypes.isPending
    ? keep.filter((id) => id.trim() !== "").map((id) => ({ value: id.trim(), label: `Terminart ${id.trim()}` }))
    : eventTypeOptions(list, keep);
  const warning = durationMismatch(chosenEventType(list, chosen), minutes);
  return (
    <div className="grid content-start gap-2">
      <OptionFormField
        control={control}
        name="calcom_event_type_id"
        label="Cal.com-Terminart"
        noneLabel="keiner"
        options={options}
        disabled={eventTypes.isPending}
      />
      {eventTypes.isPending && <p className="text-sm text-muted-foreground">Terminarten werden aus Cal.com geladen …</p>}
      {warning && (
        <p role="status" className="text-sm text-warning" data-testid="calcom-duration-warning">
          {warning}
        </p>
      )}
    </div>
  );
}
