"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Save } from "lucide-react";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { OptionSelect } from "@/components/forms/option-select";
import { FormField } from "@/components/forms/form-field";
import { validateWith } from "@/components/forms/schema-errors";
import { toastSavedAndPushed } from "@/components/retell/retell-toasts";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { createCustomFunctionParams, updateCustomFunctionParams } from "@/server/services/retell-config/schemas";
import { functionSaveErrors } from "./function-errors";
import { byFormField, createInput, initialValues, missingHeaderValue, parseSchemaText, updateInput, type FunctionFormValues } from "./function-form-values";
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
  const [values, setValues] = useState<FunctionFormValues>(() => initialValues(fn));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof FunctionFormValues>(key: K, value: FunctionFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const handlers = {
    onSuccess: async ({ function: saved, deploy_error }: { function: CustomFunction; deploy_error?: string }) => {
      toastSavedAndPushed(fn ? `„${saved.name}“ wurde gespeichert.` : `„${saved.name}“ wurde angelegt.`, saved.enabled ? deploy_error : undefined);
      onSaved();
      await queryClient.invalidateQueries({ queryKey: trpc.retell.config.getCustomFunctions.queryKey() });
    },
    onError: (err: unknown) => setErrors(functionSaveErrors(err)),
  };
  const create = useMutation(trpc.retell.config.createCustomFunction.mutationOptions(handlers));
  const update = useMutation(trpc.retell.config.updateCustomFunction.mutationOptions(handlers));
  const pending = create.isPending || update.isPending;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = parseSchemaText(values.schemaText);
    const headerError = missingHeaderValue(values);
    if ("error" in parsed || headerError) {
      return setErrors({ ...("error" in parsed ? { parameter_schema: parsed.error } : {}), ...(headerError ? { headers: headerError } : {}) });
    }
    if (fn) {
      const checked = validateWith(updateCustomFunctionParams, updateInput(fn.id, values, parsed.schema));
      if ("errors" in checked) return setErrors(byFormField(checked.errors));
      setErrors({});
      update.mutate(checked.data);
    } else {
      const checked = validateWith(createCustomFunctionParams, createInput(values, parsed.schema));
      if ("errors" in checked) return setErrors(byFormField(checked.errors));
      setErrors({});
      create.mutate(checked.data);
    }
  }

  const external = values.type === "external_api";
  return (
    <form onSubmit={submit} className="grid gap-4" noValidate aria-label={fn ? `Funktion „${fn.name}“ bearbeiten` : "Funktion anlegen"}>
      <DialogHeader>
        <DialogTitle>{fn ? `Funktion „${fn.name}“ bearbeiten` : "Funktion anlegen"}</DialogTitle>
        <DialogDescription>Der Telefonassistent ruft die Funktion im Gespräch auf; AskProAI prüft die Angaben gegen das Parameter-Schema.</DialogDescription>
      </DialogHeader>
      <FormAlert message={errors._} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="function-name"
          label="Name"
          hint={fn ? "Der Name lässt sich nicht ändern." : "Buchstaben, Ziffern, _ und -, z. B. lieferstatus_abfragen."}
          error={errors.name}
          control={(p) => (
            <Input {...p} value={values.name} onChange={(e) => set("name", e.target.value)} readOnly={Boolean(fn)} maxLength={64} className="font-mono" autoComplete="off" />
          )}
        />
        <OptionSelect
          id="function-type"
          label="Typ"
          value={values.type}
          onChange={(v) => v && set("type", v as FunctionFormValues["type"])}
          options={(["external_api", "data_collection"] as const).map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
          disabled={Boolean(fn)}
          hint={external ? "Ruft eine Adresse Ihres Systems auf." : "Sammelt Angaben im Gespräch, ohne etwas aufzurufen."}
          error={errors.type}
        />
      </div>
      <FormField
        id="function-description"
        label="Beschreibung"
        hint="Daran erkennt der Assistent, wann er die Funktion aufrufen soll."
        error={errors.description}
        control={(p) => <Textarea {...p} value={values.description} onChange={(e) => set("description", e.target.value)} maxLength={1000} rows={2} />}
      />
      {external && (
        <>
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <FormField
              id="function-url"
              label="URL"
              error={errors.url}
              control={(p) => (
                <Input {...p} type="url" value={values.url} onChange={(e) => set("url", e.target.value)} maxLength={2000} placeholder="https://" className="font-mono text-xs" />
              )}
            />
            <OptionSelect
              id="function-method"
              label="Methode"
              value={values.method}
              onChange={(v) => v && set("method", v)}
              options={HTTP_METHODS.map((m) => ({ value: m, label: m }))}
              error={errors.method}
            />
          </div>
          <HeaderRows rows={values.headers} onChange={(rows) => setValues((v) => ({ ...v, headers: rows, headersChanged: true }))} error={errors.headers} />
        </>
      )}
      <FormField
        id="function-schema"
        label="Parameter-Schema (JSON Schema)"
        hint='Ein JSON-Schema mit "type": "object"; seine "properties" sind die Angaben, die der Assistent übergibt.'
        error={errors.parameter_schema}
        control={(p) => (
          <Textarea {...p} value={values.schemaText} onChange={(e) => set("schemaText", e.target.value)} rows={10} spellCheck={false} className="font-mono text-xs" />
        )}
      />
      <div className="grid items-end gap-4 sm:grid-cols-2">
        <FormField
          id="function-timeout"
          label="Zeitlimit in Millisekunden"
          error={errors.timeout_ms}
          control={(p) => <Input {...p} type="number" inputMode="numeric" min={1000} max={30000} step={500} value={values.timeoutMs} onChange={(e) => set("timeoutMs", e.target.value)} />}
        />
        <div className="flex items-center gap-2 pb-2">
          <Checkbox id="function-enabled" checked={values.enabled} onCheckedChange={(v) => set("enabled", v === true)} />
          <Label htmlFor="function-enabled" className="font-normal">
            Aktiv (an die Agenten übertragen)
          </Label>
        </div>
      </div>
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Save aria-hidden />}
          {fn ? "Änderungen speichern" : "Funktion anlegen"}
        </Button>
      </DialogFooter>
    </form>
  );
}
