"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { CheckboxFormField } from "@/components/forms/checkbox-form-field";
import { issuesAtFields } from "@/components/forms/issues-at-fields";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { upsertParams, type KnowledgeEntryDto } from "@/server/services/knowledge/schemas";

/** Radix Select needs a non-empty value; this one stands for "the whole company". */
const ALL_BRANCHES = "alle";

/** What the fields hold, named like knowledge.upsert's params; keywords are typed as one comma-separated text. */
const fields = z.object({
  title: z.string(),
  content: z.string(),
  category: z.string(),
  keywords: z.string(),
  branch_id: z.string(),
  is_active: z.boolean(),
});
type KnowledgeFields = z.input<typeof fields>;

/** The entry's params, checked by knowledge.upsert's own schema; an issue at "keywords.2" shows under the one keywords field. */
export const schemaFor = (id: string | undefined) =>
  issuesAtFields(
    fields
      .transform(
        (v): z.input<typeof upsertParams> => ({
          ...(id ? { id } : {}),
          title: v.title,
          content: v.content,
          category: v.category,
          keywords: v.keywords
            .split(",")
            .map((k) => k.trim())
            .filter(Boolean),
          branch_id: v.branch_id === ALL_BRANCHES ? null : v.branch_id,
          is_active: v.is_active,
        }),
      )
      .pipe(upsertParams),
  );

function defaults(entry?: KnowledgeEntryDto): KnowledgeFields {
  return {
    title: entry?.title ?? "",
    content: entry?.content ?? "",
    category: entry?.category ?? "allgemein",
    keywords: entry?.keywords.join(", ") ?? "",
    branch_id: entry?.branch_id ?? ALL_BRANCHES,
    is_active: entry?.is_active ?? true,
  };
}

interface FormProps {
  /** Absent: a new entry. */
  entry?: KnowledgeEntryDto;
  branches: Array<{ id: string; name: string }>;
  categories: string[];
}

/** Create or edit one knowledge entry (admins); validated with knowledge.upsert's own schema. */
export function KnowledgeFormDialog({ trigger, ...props }: FormProps & { trigger: React.ReactElement }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        {/* Mounted per opening, so every opening starts from the stored entry. */}
        {open && <KnowledgeForm {...props} onSaved={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function KnowledgeForm({ entry, branches, categories, onSaved }: FormProps & { onSaved: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [schema] = useState(() => schemaFor(entry?.id));
  const form = useSchemaForm<KnowledgeFields, z.output<typeof upsertParams>>(schema, defaults(entry));

  const save = useMutation(
    trpc.knowledge.upsert.mutationOptions({
      onSuccess: async ({ entry: saved, created }) => {
        toast.success(created ? `„${saved.title}“ wurde angelegt.` : `„${saved.title}“ wurde gespeichert.`);
        onSaved();
        await queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() });
      },
      onError: serverErrorsTo(form),
    }),
  );
  const submit = form.handleSubmit((params) => save.mutate(params));

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate>
        <DialogHeader>
          <DialogTitle>{entry ? "Eintrag bearbeiten" : "Eintrag anlegen"}</DialogTitle>
          <DialogDescription>Der Telefonassistent findet den Eintrag über Titel, Text und Stichwörter.</DialogDescription>
        </DialogHeader>
        <LabeledField control={form.control} name="title" label="Titel">
          {(field) => <Input {...field} maxLength={200} />}
        </LabeledField>
        <LabeledField control={form.control} name="content" label="Antwort" hint="So liest der Assistent die Antwort vor; bitte in ganzen Sätzen.">
          {(field) => <Textarea {...field} maxLength={2000} rows={4} />}
        </LabeledField>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <FormField
            control={form.control}
            name="category"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Kategorie</FormLabel>
                <FormControl>
                  <Input {...field} maxLength={50} list="knowledge-categories" />
                </FormControl>
                <datalist id="knowledge-categories">
                  {categories.map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
                <FormMessage />
              </FormItem>
            )}
          />
          <OptionFormField
            control={form.control}
            name="branch_id"
            label="Gilt für"
            options={[{ value: ALL_BRANCHES, label: "Alle Filialen" }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
          />
        </div>
        <LabeledField control={form.control} name="keywords" label="Stichwörter" hint="Durch Kommas getrennt, z. B. „parken, parkplatz, auto“.">
          {(field) => <Input {...field} />}
        </LabeledField>
        <CheckboxFormField control={form.control} name="is_active" label="Aktiv" hint="Nur aktive Einträge verwendet der Assistent im Gespräch." />
        <DialogFooter>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending && <LoaderCircle className="animate-spin" aria-hidden />}
            {entry ? "Speichern" : "Anlegen"}
          </Button>
        </DialogFooter>
      </form>
    </Form>
  );
}
