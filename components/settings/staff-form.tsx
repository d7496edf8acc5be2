"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FieldError, fieldErrorId } from "@/components/forms/field-error";
import { FormField } from "@/components/forms/form-field";
import { formatEuro } from "@/components/forms/format";
import { useTRPC } from "@/components/trpc/provider";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import type { Branch } from "@/server/services/branch/schemas";
import type { ServiceDto } from "@/server/services/service/schemas";
import { createParams, updateParams, type StaffDto } from "@/server/services/staff/schemas";
import { CheckboxField } from "./checkbox-field";
import { HoursEditor, type WeekRanges } from "./hours-editor";
import { SaveButton } from "./save-button";
import { errorsUnder, useFieldErrors } from "./use-field-errors";
import { useRefreshSettings } from "./use-refresh-settings";

interface StaffFormProps {
  staff?: StaffDto;
  /** All branches; inactive ones are offered only when already chosen. */
  branches: Branch[];
  services: ServiceDto[];
  onSaved: () => void;
}

/** Create or edit a staff member: branch, services offered (checkboxes) and weekly working hours. */
export function StaffForm({ staff, branches, services, onSaved }: StaffFormProps) {
  const trpc = useTRPC();
  const refreshSettings = useRefreshSettings();
  const branchOptions = branches.filter((b) => b.is_active || b.id === staff?.branch_id);
  const [name, setName] = useState(staff?.name ?? "");
  const [email, setEmail] = useState(staff?.email ?? "");
  const [branchId, setBranchId] = useState(staff?.branch_id ?? branchOptions[0]?.id ?? "");
  const [serviceIds, setServiceIds] = useState<string[]>(staff?.service_ids ?? []);
  const [hours, setHours] = useState<WeekRanges>((staff?.working_hours as WeekRanges | undefined) ?? {});
  const [active, setActive] = useState(staff?.is_active ?? true);
  const { errors, check, onError } = useFieldErrors();
  // Only services the chosen branch offers can be ticked; the method refuses others.
  const offered = services.filter((s) => (s.is_active || serviceIds.includes(s.id)) && (s.branch_id === null || s.branch_id === branchId));

  const onSuccess = async ({ staff: saved }: { staff: StaffDto }) => {
    toast.success(staff ? `„${saved.name}“ wurde gespeichert.` : `„${saved.name}“ wurde angelegt.`);
    onSaved();
    await refreshSettings();
  };
  const create = useMutation(trpc.staff.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.staff.update.mutationOptions({ onSuccess, onError }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const values = {
      name,
      email,
      branch_id: branchId,
      service_ids: serviceIds.filter((id) => offered.some((s) => s.id === id)),
      working_hours: hours,
      is_active: active,
    };
    if (staff) {
      const input = check(updateParams, { staff_id: staff.id, ...values });
      if (input) update.mutate(input);
    } else {
      const input = check(createParams, values);
      if (input) create.mutate(input);
    }
  }

  const toggleService = (id: string, on: boolean) => setServiceIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <form onSubmit={submit} className="grid gap-5" noValidate aria-label={staff ? `${staff.name} bearbeiten` : "Person anlegen"}>
      <DialogHeader>
        <DialogTitle>{staff ? "Mitarbeitende bearbeiten" : "Person anlegen"}</DialogTitle>
        <DialogDescription>Gebucht wird nur zu den Arbeitszeiten, innerhalb der Öffnungszeiten der Filiale.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="staff-name"
          label="Name"
          error={errors.name}
          control={(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />}
        />
        <FormField
          id="staff-email"
          label="E-Mail (optional)"
          error={errors.email}
          control={(p) => <Input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={200} />}
        />
        <FormField
          id="staff-branch"
          label="Filiale"
          error={errors.branch_id}
          control={(p) => (
            <Select value={branchId} onValueChange={setBranchId}>
              <SelectTrigger {...p}>
                <SelectValue placeholder="Filiale wählen" />
              </SelectTrigger>
              <SelectContent>
                {branchOptions.map((b) => (
                  <SelectItem key={b.id} value={b.id}>
                    {b.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </div>
      <fieldset className="grid gap-2" aria-describedby={errors.service_ids ? fieldErrorId("staff-services") : undefined}>
        <legend className="text-sm font-medium">Angebotene Leistungen</legend>
        {offered.length === 0 ? (
          <p className="text-sm text-muted-foreground">In dieser Filiale wird noch keine Leistung angeboten.</p>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            {offered.map((s) => (
              <CheckboxField
                key={s.id}
                id={`staff-service-${s.id}`}
                label={s.name}
                hint={`${s.duration_minutes} Min.${s.price_cents !== null ? ` · ${formatEuro(s.price_cents)}` : ""}${s.is_active ? "" : " · inaktiv"}`}
                checked={serviceIds.includes(s.id)}
                onChange={(on) => toggleService(s.id, on)}
              />
            ))}
          </div>
        )}
        <FieldError fieldId="staff-services" message={errors.service_ids} />
      </fieldset>
      <HoursEditor
        id="staff-hours"
        legend="Arbeitszeiten"
        description="Tage ohne Haken sind frei. Abwesenheiten wie Urlaub gelten zusätzlich."
        rangeName="Arbeitszeit"
        offLabel="Frei"
        newRange={{ start: "09:00", end: "17:00" }}
        value={hours}
        onChange={setHours}
        errors={errorsUnder(errors, "working_hours")}
      />
      <CheckboxField id="staff-active" label="Aktiv" hint="Inaktive Mitarbeitende werden nicht mehr gebucht; ihre Termine bleiben." checked={active} onChange={setActive} />
      <DialogFooter>
        <SaveButton pending={create.isPending || update.isPending}>{staff ? "Speichern" : "Anlegen"}</SaveButton>
      </DialogFooter>
    </form>
  );
}
