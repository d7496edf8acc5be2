"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { formatEuro } from "@/components/forms/format";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormField, FormItem, FormMessage, useFormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import type { Branch } from "@/server/services/branch/schemas";
import type { ServiceDto } from "@/server/services/service/schemas";
import { createParams, updateParams, type StaffDto } from "@/server/services/staff/schemas";
import { HoursEditor } from "./hours-editor";
import { SaveButton } from "./save-button";
import { useRefreshSettings } from "./use-refresh-settings";
import { formWeek, weekFields } from "./week-fields";

/** What the fields hold, named like the method's params so errors land under them. */
const fields = z.object({
  name: z.string(),
  email: z.string(),
  branch_id: z.string(),
  service_ids: z.array(z.string()),
  working_hours: weekFields(z.object({ start: z.string(), end: z.string() })),
  is_active: z.boolean(),
});
type StaffFields = z.input<typeof fields>;

/** What can be ticked in a branch: services offered there or everywhere; inactive ones only while ticked. */
function offeredIn(services: ServiceDto[], branchId: string, ticked: readonly string[]): ServiceDto[] {
  return services.filter((s) => (s.is_active || ticked.includes(s.id)) && (s.branch_id === null || s.branch_id === branchId));
}

/** Ticks the chosen branch does not offer stay hidden and are not sent; the method refuses them. */
const asValues = (services: ServiceDto[]) =>
  fields.transform((v): z.input<typeof createParams> => {
    const offered = offeredIn(services, v.branch_id, v.service_ids);
    return { ...v, service_ids: v.service_ids.filter((id) => offered.some((s) => s.id === id)) };
  });

export const createSchema = (services: ServiceDto[]) => asValues(services).pipe(createParams);
export const updateSchema = (services: ServiceDto[], staffId: string) =>
  asValues(services)
    .transform((v): z.input<typeof updateParams> => ({ staff_id: staffId, ...v }))
    .pipe(updateParams);

function defaults(staff: StaffDto | undefined, branchOptions: Branch[]): StaffFields {
  return {
    name: staff?.name ?? "",
    email: staff?.email ?? "",
    branch_id: staff?.branch_id ?? branchOptions[0]?.id ?? "",
    service_ids: staff?.service_ids ?? [],
    working_hours: formWeek(staff?.working_hours ?? {}, (r) => ({ start: r.start, end: r.end })),
    is_active: staff?.is_active ?? true,
  };
}

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
  const [schema] = useState(() => (staff ? updateSchema(services, staff.id) : createSchema(services)));
  const form = useSchemaForm<StaffFields, z.output<ReturnType<typeof createSchema>> | z.output<ReturnType<typeof updateSchema>>>(
    schema,
    defaults(staff, branchOptions),
  );
  const onError = serverErrorsTo(form);
  const [branchId, serviceIds] = useWatch({ control: form.control, name: ["branch_id", "service_ids"] });
  const offered = offeredIn(services, branchId, serviceIds);

  const onSuccess = async ({ staff: saved }: { staff: StaffDto }) => {
    toast.success(staff ? `„${saved.name}“ wurde gespeichert.` : `„${saved.name}“ wurde angelegt.`);
    onSaved();
    await refreshSettings();
  };
  const create = useMutation(trpc.staff.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.staff.update.mutationOptions({ onSuccess, onError }));

  const submit = form.handleSubmit((input) => {
    if ("staff_id" in input) update.mutate(input);
    else create.mutate(input);
  });

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-5" noValidate aria-label={staff ? `${staff.name} bearbeiten` : "Person anlegen"}>
        <DialogHeader>
          <DialogTitle>{staff ? "Mitarbeitende bearbeiten" : "Person anlegen"}</DialogTitle>
          <DialogDescription>Gebucht wird nur zu den Arbeitszeiten, innerhalb der Öffnungszeiten der Filiale.</DialogDescription>
        </DialogHeader>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <LabeledField control={form.control} name="name" label="Name">
            {(field) => <Input {...field} maxLength={100} />}
          </LabeledField>
          <LabeledField control={form.control} name="email" label="E-Mail (optional)">
            {(field) => <Input {...field} type="email" maxLength={200} />}
          </LabeledField>
          <OptionFormField
            control={form.control}
            name="branch_id"
            label="Filiale"
            placeholder="Filiale wählen"
            options={branchOptions.map((b) => ({ value: b.id, label: b.name }))}
          />
        </div>
        <FormField
          control={form.control}
          name="service_ids"
          render={({ field }) => (
            <FormItem>
              <ServiceChecklist offered={offered} value={field.value} onChange={field.onChange} />
            </FormItem>
          )}
        />
        <HoursEditor
          control={form.control}
          name="working_hours"
          id="staff-hours"
          legend="Arbeitszeiten"
          description="Tage ohne Haken sind frei. Abwesenheiten wie Urlaub gelten zusätzlich."
          rangeName="Arbeitszeit"
          offLabel="Frei"
          newRange={{ start: "09:00", end: "17:00" }}
        />
        <CheckboxFormField control={form.control} name="is_active" label="Aktiv" hint="Inaktive Mitarbeitende werden nicht mehr gebucht; ihre Termine bleiben." />
        <DialogFooter>
          <SaveButton pending={create.isPending || update.isPending}>{staff ? "Speichern" : "Anlegen"}</SaveButton>
        </DialogFooter>
      </form>
    </Form>
  );
}

/** The services offered, one checkbox each (name, duration and price in the label); the field's message under the group. */
function ServiceChecklist({ offered, value, onChange }: { offered: ServiceDto[]; value: string[]; onChange: (ids: string[]) => void }) {
  const { error, formMessageId } = useFormField();
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? formMessageId : undefined}>
      <legend className="text-sm font-medium">Angebotene Leistungen</legend>
      {offered.length === 0 ? (
        <p className="text-sm text-muted-foreground">In dieser Filiale wird noch keine Leistung angeboten.</p>
      ) : (
        <div className="grid gap-2 sm:grid-cols-2">
          {offered.map((s) => {
            const id = `staff-service-${s.id}`;
            return (
              <div key={s.id} className="flex items-start gap-2">
                <Checkbox
                  id={id}
                  checked={value.includes(s.id)}
                  onCheckedChange={(on) => onChange(on === true ? [...value, s.id] : value.filter((x) => x !== s.id))}
                  className="mt-0.5"
                />
                <Label htmlFor={id} className="grid gap-1 font-normal leading-snug">
                  <span className="font-medium">{s.name}</span>
                  <span className="text-xs text-muted-foreground">
                    {`${s.duration_minutes} Min.${s.price_cents !== null ? ` · ${formatEuro(s.price_cents)}` : ""}${s.is_active ? "" : " · inaktiv"}`}
                  </span>
                </Label>
              </div>
            );
          })}
        </div>
      )}
      <FormMessage />
    </fieldset>
  );
}
