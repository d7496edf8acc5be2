"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { useTRPC } from "@/components/trpc/provider";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import { createParams, updateParams, type Branch } from "@/server/services/branch/schemas";
import type { GermanState } from "@/server/scheduling/holidays";
import { breaksToRanges, openingErrorsToRanges, openingsToRanges, rangesToOpenings } from "./branch-hours";
import { CheckboxField } from "./checkbox-field";
import { GERMAN_STATE_NAMES } from "./german-states";
import { HoursEditor, type WeekRanges } from "./hours-editor";
import { SaveButton } from "./save-button";
import { errorsUnder, useFieldErrors } from "./use-field-errors";
import { useRefreshSettings } from "./use-refresh-settings";

/** Radix Select needs a non-empty value; this one stands for "no state chosen". */
const NO_STATE = "keins";

/** Create or edit a branch with its address, state and weekly opening hours and breaks (admins). */
export function BranchForm({ branch, onSaved }: { branch?: Branch; onSaved: () => void }) {
  const trpc = useTRPC();
  const refreshSettings = useRefreshSettings();
  const [name, setName] = useState(branch?.name ?? "");
  const [street, setStreet] = useState(branch?.street ?? "");
  const [postalCode, setPostalCode] = useState(branch?.postal_code ?? "");
  const [city, setCity] = useState(branch?.city ?? "");
  const [state, setState] = useState<string>(branch?.state ?? NO_STATE);
  const [phone, setPhone] = useState(branch?.phone ?? "");
  const [email, setEmail] = useState(branch?.email ?? "");
  const [active, setActive] = useState(branch?.is_active ?? true);
  const [weekly, setWeekly] = useState<WeekRanges>(() => openingsToRanges(branch?.business_hours.weekly ?? {}));
  const [breaks, setBreaks] = useState<WeekRanges>(() => breaksToRanges(branch?.business_hours.breaks ?? {}));
  const { errors, check, onError } = useFieldErrors();

  const onSuccess = async ({ branch: saved }: { branch: Branch }) => {
    toast.success(branch ? `„${saved.name}“ wurde gespeichert.` : `„${saved.name}“ wurde angelegt.`);
    onSaved();
    await refreshSettings();
  };
  const create = useMutation(trpc.branch.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.branch.update.mutationOptions({ onSuccess, onError }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const values = {
      name,
      street,
      postal_code: postalCode,
      city,
      state: state === NO_STATE ? null : (state as GermanState),
      phone,
      email,
      is_active: active,
      business_hours: { weekly: rangesToOpenings(weekly), breaks },
    };
    if (branch) {
      const input = check(updateParams, { branch_id: branch.id, ...values });
      if (input) update.mutate(input);
    } else {
      const input = check(createParams, values);
      if (input) create.mutate(input);
    }
  }

  const text = (id: string, label: string, value: string, set: (v: string) => void, field: string, extra: React.ComponentProps<"input"> = {}) => (
    <FormField id={id} label={label} error={errors[field]} control={(p) => <Input {...p} {...extra} value={value} onChange={(e) => set(e.target.value)} />} />
  );

  return (
    <form onSubmit={submit} className="grid gap-5" noValidate aria-label={branch ? `Filiale ${branch.name} bearbeiten` : "Filiale anlegen"}>
      <DialogHeader>
        <DialogTitle>{branch ? "Filiale bearbeiten" : "Filiale anlegen"}</DialogTitle>
        <DialogDescription>Der Telefonassistent nennt Adresse und Öffnungszeiten und bucht nur zu diesen Zeiten.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("branch-name", "Name", name, setName, "name", { maxLength: 100 })}
        {text("branch-phone", "Telefon", phone, setPhone, "phone", { type: "tel", autoComplete: "off" })}
        {text("branch-street", "Straße und Hausnummer", street, setStreet, "street", { maxLength: 200 })}
        <div className="grid grid-cols-[7rem_1fr] gap-3">
          {text("branch-postal-code", "PLZ", postalCode, setPostalCode, "postal_code", { inputMode: "numeric", maxLength: 5 })}
          {text("branch-city", "Ort", city, setCity, "city", { maxLength: 100 })}
        </div>
        <FormField
          id="branch-state"
          label="Bundesland"
          hint="Bestimmt die gesetzlichen Feiertage, an denen die Filiale geschlossen ist."
          error={errors.state}
          control={(p) => (
            <Select value={state} onValueChange={setState}>
              <SelectTrigger {...p}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NO_STATE}>Nur bundesweite Feiertage</SelectItem>
                {Object.entries(GERMAN_STATE_NAMES).map(([code, label]) => (
                  <SelectItem key={code} value={code}>
                    {label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
        {text("branch-email", "E-Mail", email, setEmail, "email", { type: "email", maxLength: 200 })}
      </div>
      <HoursEditor
        id="branch-hours"
        legend="Öffnungszeiten"
        description="Tage ohne Haken sind geschlossen. Mehrere Zeiträume pro Tag sind möglich."
        rangeName="Öffnungszeit"
        offLabel="Geschlossen"
        newRange={{ start: "09:00", end: "18:00" }}
        value={weekly}
        onChange={setWeekly}
        errors={openingErrorsToRanges(errorsUnder(errors, "business_hours.weekly"))}
      />
      <HoursEditor
        id="branch-breaks"
        legend="Pausen"
        description="In Pausen werden keine Termine vergeben. Eine Pause liegt innerhalb der Öffnungszeit des Tages."
        rangeName="Pause"
        offLabel="Keine Pause"
        newRange={{ start: "13:00", end: "13:30" }}
        value={breaks}
        onChange={setBreaks}
        errors={errorsUnder(errors, "business_hours.breaks")}
      />
      <CheckboxField
        id="branch-active"
        label="Aktiv"
        hint="Inaktive Filialen nehmen keine Buchungen an und erscheinen nicht in Auswahllisten."
        checked={active}
        onChange={setActive}
      />
      <DialogFooter>
        <SaveButton pending={create.isPending || update.isPending}>{branch ? "Speichern" : "Anlegen"}</SaveButton>
      </DialogFooter>
    </form>
  );
}
