"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { useTRPC } from "@/components/trpc/provider";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import type { Branch } from "@/server/services/branch/schemas";
import { createParams, updateParams, type ServiceDto } from "@/server/services/service/schemas";
import { CheckboxField } from "./checkbox-field";
import { centsToEuroInput, EURO_INPUT_ERROR, euroInputToCents } from "./euro-input";
import { SaveButton } from "./save-button";
import { useFieldErrors } from "./use-field-errors";
import { useRefreshSettings } from "./use-refresh-settings";

/** Radix Select needs a non-empty value; this one stands for "every branch". */
const ALL_BRANCHES = "alle";

/** "" → NaN, so the schema answers "Bitte … angeben." instead of reading an empty field as 0. */
const minutes = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** Create or edit a service (admins); the price is typed as "49,00" and sent in cents. `branches`: all, inactive ones are offered only when already chosen. */
export function ServiceForm({ service, branches, onSaved }: { service?: ServiceDto; branches: Branch[]; onSaved: () => void }) {
  const trpc = useTRPC();
  const refreshSettings = useRefreshSettings();
  const [name, setName] = useState(service?.name ?? "");
  const [description, setDescription] = useState(service?.description ?? "");
  const [duration, setDuration] = useState(String(service?.duration_minutes ?? 30));
  const [buffer, setBuffer] = useState(String(service?.buffer_minutes ?? 0));
  const [price, setPrice] = useState(centsToEuroInput(service?.price_cents ?? null));
  const [branchId, setBranchId] = useState(service?.branch_id ?? ALL_BRANCHES);
  const [eventType, setEventType] = useState(service?.calcom_event_type_id?.toString() ?? "");
  const [active, setActive] = useState(service?.is_active ?? true);
  const { errors, check, onError } = useFieldErrors();

  const onSuccess = async ({ service: saved }: { service: ServiceDto }) => {
    toast.success(service ? `„${saved.name}“ wurde gespeichert.` : `„${saved.name}“ wurde angelegt.`);
    onSaved();
    await refreshSettings();
  };
  const create = useMutation(trpc.service.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.service.update.mutationOptions({ onSuccess, onError }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const cents = euroInputToCents(price);
    const values = {
      name,
      description,
      duration_minutes: minutes(duration),
      buffer_minutes: minutes(buffer),
      price_cents: cents ?? null,
      branch_id: branchId === ALL_BRANCHES ? null : branchId,
      calcom_event_type_id: eventType.trim() === "" ? null : Number(eventType),
      is_active: active,
    };
    const conversion: Record<string, string> = cents === undefined ? { price_cents: EURO_INPUT_ERROR } : {};
    if (service) {
      const input = check(updateParams, { service_id: service.id, ...values }, conversion);
      if (input) update.mutate(input);
    } else {
      const input = check(createParams, values, conversion);
      if (input) create.mutate(input);
    }
  }

  const number = (id: string, label: string, value: string, set: (v: string) => void, field: string, hint?: string) => (
    <FormField
      id={id}
      label={label}
      hint={hint}
      error={errors[field]}
      control={(p) => <Input {...p} type="number" inputMode="numeric" min={0} value={value} onChange={(e) => set(e.target.value)} />}
    />
  );

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate aria-label={service ? `Leistung ${service.name} bearbeiten` : "Leistung anlegen"}>
      <DialogHeader>
        <DialogTitle>{service ? "Leistung bearbeiten" : "Leistung anlegen"}</DialogTitle>
        <DialogDescription>Der Telefonassistent bucht Leistungen mit ihrer Dauer und nennt Preise, wenn Anrufende fragen.</DialogDescription>
      </DialogHeader>
      <FormField
        id="service-name"
        label="Name"
        hint="Je Firma eindeutig; so spricht der Assistent die Leistung an."
        error={errors.name}
        control={(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />}
      />
      <FormField
        id="service-description"
        label="Beschreibung (optional)"
        error={errors.description}
        control={(p) => <Textarea {...p} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} rows={2} />}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        {number("service-duration", "Dauer (Minuten)", duration, setDuration, "duration_minutes")}
        {number("service-buffer", "Puffer danach (Minuten)", buffer, setBuffer, "buffer_minutes", "Zeit zum Aufräumen; wird nicht gebucht.")}
        <FormField
          id="service-price"
          label="Preis (€)"
          hint="z. B. 49,00; leer: kein Preis"
          error={errors.price_cents}
          control={(p) => <Input {...p} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} placeholder="49,00" />}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="service-branch"
          label="Angeboten in"
          error={errors.branch_id}
          control={(p) => (
            <Select value={branchId} onValueChange={setBranchId}>
              <SelectTrigger {...p}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ALL_BRANCHES}>Allen Filialen</SelectItem>
                {branches
                  .filter((b) => b.is_active || b.id === service?.branch_id)
                  .map((b) => (
                  <SelectItem key={b.id} value={b.id}>
                    {b.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
        <FormField
          id="service-event-type"
          label="Cal.com-Terminart-ID (optional)"
          hint="Nur bei Anbindung an Cal.com: die ID der passenden Terminart."
          error={errors.calcom_event_type_id}
          control={(p) => <Input {...p} inputMode="numeric" value={eventType} onChange={(e) => setEventType(e.target.value)} />}
        />
      </div>
      <CheckboxField id="service-active" label="Aktiv" hint="Nur aktive Leistungen können gebucht werden." checked={active} onChange={setActive} />
      <DialogFooter>
        <SaveButton pending={create.isPending || update.isPending}>{service ? "Speichern" : "Anlegen"}</SaveButton>
      </DialogFooter>
    </form>
  );
}
