"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { validateWith } from "@/components/forms/schema-errors";
import { errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { upsertParams, type KnowledgeEntryDto } from "@/server/services/knowledge/schemas";

/** Radix Select needs a non-empty value; this one stands for "the whole company". */
const ALL_BRANCHES = "alle";

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

/** The first message per top-level field: an issue at "keywords.2" shows under the one keywords field. */
function byField(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[path.split(".")[0]!] ??= message;
  return out;
}

function KnowledgeForm({ entry, branches, categories, onSaved }: FormProps & { onSaved: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(entry?.title ?? "");
  const [content, setContent] = useState(entry?.content ?? "");
  const [category, setCategory] = useState(entry?.category ?? "allgemein");
  const [keywords, setKeywords] = useState(entry?.keywords.join(", ") ?? "");
  const [branchId, setBranchId] = useState(entry?.branch_id ?? ALL_BRANCHES);
  const [active, setActive] = useState(entry?.is_active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation(
    trpc.knowledge.upsert.mutationOptions({
      onSuccess: async ({ entry: saved, created }) => {
        toast.success(created ? `„${saved.title}“ wurde angelegt.` : `„${saved.title}“ wurde gespeichert.`);
        onSaved();
        await queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() });
      },
      onError: (err) => {
        const fields = byField(fieldErrors(err));
        setErrors(fields);
        if (Object.keys(fields).length === 0) toast.error(errorMessage(err));
      },
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const values = {
      ...(entry ? { id: entry.id } : {}),
      title,
      content,
      category,
      keywords: keywords.split(",").map((k) => k.trim()).filter(Boolean),
      branch_id: branchId === ALL_BRANCHES ? null : branchId,
      is_active: active,
    };
    const checked = validateWith(upsertParams, values);
    if ("errors" in checked) return setErrors(byField(checked.errors));
    setErrors({});
    save.mutate(checked.data);
  }

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <DialogHeader>
        <DialogTitle>{entry ? "Eintrag bearbeiten" : "Eintrag anlegen"}</DialogTitle>
        <DialogDescription>Der Telefonassistent findet den Eintrag über Titel, Text und Stichwörter.</DialogDescription>
      </DialogHeader>
      <FormField
        id="knowledge-title"
        label="Titel"
        error={errors.title}
        control={(p) => <Input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
      />
      <FormField
        id="knowledge-content"
        label="Antwort"
        hint="So liest der Assistent die Antwort vor; bitte in ganzen Sätzen."
        error={errors.content}
        control={(p) => <Textarea {...p} value={content} onChange={(e) => setContent(e.target.value)} maxLength={2000} rows={4} />}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="knowledge-category"
          label="Kategorie"
          error={errors.category}
          control={(p) => (
            <>
              <Input {...p} value={category} onChange={(e) => setCategory(e.target.value)} maxLength={50} list="knowledge-categories" />
              <datalist id="knowledge-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        />
        <FormField
          id="knowledge-branch"
          label="Gilt für"
          error={errors.branch_id}
          control={(p) => (
            <Select value={branchId} onValueChange={setBranchId}>
              <SelectTrigger {...p}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ALL_BRANCHES}>Alle Filialen</SelectItem>
                {branches.map((b) => (
                  <SelectItem key={b.id} value={b.id}>
                    {b.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </div>
      <FormField
        id="knowledge-keywords"
        label="Stichwörter"
        hint="Durch Kommas getrennt, z. B. „parken, parkplatz, auto“."
        error={errors.keywords}
        control={(p) => <Input {...p} value={keywords} onChange={(e) => setKeywords(e.target.value)} />}
      />
      <div className="flex items-start gap-2">
        <Checkbox id="knowledge-active" checked={active} onCheckedChange={(v) => setActive(v === true)} className="mt-0.5" />
        <Label htmlFor="knowledge-active" className="grid gap-1 font-normal leading-snug">
          <span className="font-medium">Aktiv</span>
          <span className="text-xs text-muted-foreground">Nur aktive Einträge verwendet der Assistent im Gespräch.</span>
        </Label>
      </div>
      <DialogFooter>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending && <LoaderCircle className="animate-spin" aria-hidden />}
          {entry ? "Speichern" : "Anlegen"}
        </Button>
      </DialogFooter>
    </form>
  );
}
