"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Save } from "lucide-react";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { toastSavedAndPushed } from "@/components/retell/retell-toasts";
import { useTRPC } from "@/components/trpc/provider";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { showSaveErrors } from "./function-errors";
import { functionSchema, initialValues, type FunctionFields, type FunctionParams } from "./function-form-values";
import { HTTP_METHODS, TYPE_LABELS, type CustomFunction } from "./function-labels";
import { HeaderRows } from "./header-rows";

/** Create (no `fn`) or edit one of the company's own functions. */
export function FunctionEditorDialog({ fn, trigger }: { fn?: CustomFunction; trigger: React.ReactElement }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        {/* Mounted per opening, so every opening starts from the stored function. */}
        {open && <FunctionForm fn={fn} onSaved={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function FunctionForm({ fn, onSaved }: { fn?: CustomFunction; onSaved: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [schema] = useState(() => functionSchema(fn));
  const form = useSchemaForm<FunctionFields, FunctionParams>(schema, initialValues(fn));
  const external = useWatch({ control: form.control, name: "type" }) === "external_api";

  const handlers = {
    onSuccess: async ({ function: saved, deploy_error }: { function: CustomFunction; deploy_error?: string }) => {
      toastSavedAndPushed(fn ? `„${saved.name}“ wurde gespeichert.` : `„${saved.name}“ wurde angelegt.`, saved.enabled ? deploy_error : undefined);
      onSaved();
      await queryClient.invalidateQueries({ queryKey: trpc.retell.config.getCustomFunctions.queryKey() });
    },
    onError: showSaveErrors(form),
  };
  const create = useMutation(trpc.retell.config.createCustomFunction.mutationOptions(handlers));
  const update = useMutation(trpc.retell.config.updateCustomFunction.mutationOptions(handlers));
  const pending = create.isPending || update.isPending;

  const submit = form.handleSubmit((params) => {
    if ("function_id" in params) update.mutate(params);
    else create.mutate(params);
  });

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate aria-label={fn ? `Funktion „${fn.name}“ bearbeiten` : "Funktion anlegen"}>
        <DialogHeader>
          <DialogTitle>{fn ? `Funktion „${fn.name}“ bearbeiten` : "Funktion anlegen"}</DialogTitle>
          <DialogDescription>Der Telefonassistent ruft die Funktion im Gespräch auf; AskProAI prüft die Angaben gegen das Parameter-Schema.</DialogDescription>
        </DialogHeader>
        <FormAlert message={form.formState.errors.root?.server?.message} />
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <LabeledField
            control={form.control}
            name="name"
            label="Name"
            hint={fn ? "Der Name lässt sich nicht ändern." : "Buchstaben, Ziffern, _ und -, z. B. lieferstatus_abfragen."}
          >
            {(field) => <Input {...field} readOnly={Boolean(fn)} maxLength={64} className="font-mono" autoComplete="off" />}
          </LabeledField>
          <FormField
            control={form.control}
            name="type"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Typ</FormLabel>
                <Select value={field.value} onValueChange={field.onChange} disabled={Boolean(fn)}>
                  <FormControl>
                    <SelectTrigger>
                      <SelectValue />
                    </SelectTrigger>
                  </FormControl>
                  <SelectContent>
                    {(["external_api", "data_collection"] as const).map((t) => (
                      <SelectItem key={t} value={t}>
                        {TYPE_LABELS[t]}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
                <FormDescription>{external ? "Ruft eine Adresse Ihres Systems auf." : "Sammelt Angaben im Gespräch, ohne etwas aufzurufen."}</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        </div>
        <LabeledField control={form.control} name="description" label="Beschreibung" hint="Daran erkennt der Assistent, wann er die Funktion aufrufen soll.">
          {(field) => <Textarea {...field} maxLength={1000} rows={2} />}
        </LabeledField>
        {external && (
          <>
            <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
              <LabeledField control={form.control} name="url" label="URL">
                {(field) => <Input {...field} type="url" maxLength={2000} placeholder="https://" className="font-mono text-xs" />}
              </LabeledField>
              <OptionFormField control={form.control} name="method" label="Methode" options={HTTP_METHODS.map((m) => ({ value: m, label: m }))} />
            </div>
            <HeaderRows />
          </>
        )}
        <LabeledField
          control={form.control}
          name="parameter_schema"
          label="Parameter-Schema (JSON Schema)"
          hint={'Ein JSON-Schema mit "type": "object"; seine "properties" sind die Angaben, die der Assistent übergibt.'}
        >
          {(field) => <Textarea {...field} rows={10} spellCheck={false} className="font-mono text-xs" />}
        </LabeledField>
        <div className="grid items-end gap-4 sm:grid-cols-2">
          <LabeledField control={form.control} name="timeout_ms" label="Zeitlimit in Millisekunden">
            {(field) => <Input {...field} type="number" inputMode="numeric" min={1000} max={30000} step={500} />}
          </LabeledField>
          <FormField
            control={form.control}
            name="enabled"
            render={({ field }) => (
              <FormItem className="flex items-center gap-2 pb-2">
                <FormControl>
                  <Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} onBlur={field.onBlur} />
                </FormControl>
                <FormLabel className="font-normal">Aktiv (an die Agenten übertragen)</FormLabel>
              </FormItem>
            )}
          />
        </div>
        <DialogFooter>
          <PendingButton type="submit" pending={pending} icon={<Save aria-hidden />}>
            {fn ? "Änderungen speichern" : "Funktion anlegen"}
          </PendingButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
