"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { BookOpen, CircleSlash, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { StatCard } from "@/components/dashboard/stat-card";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { formatDate } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import type { KnowledgeEntryDto } from "@/server/services/knowledge/schemas";
import { KnowledgeFormDialog } from "./knowledge-form-dialog";
import { KnowledgeSearch } from "./knowledge-search";
import { KNOWLEDGE_LIST_INPUT } from "./list-input";

const ALL = "alle";

/** What the user's role may do, as knowledge.upsert and knowledge.delete decide (see the page). */
export interface KnowledgePermissions {
  canEdit: boolean;
  canDelete: boolean;
}

export function KnowledgeEntries({ permissions }: { permissions: KnowledgePermissions }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.knowledge.list.queryOptions(KNOWLEDGE_LIST_INPUT));
  const branchList = useQuery(trpc.branch.list.queryOptions({}));
  const [category, setCategory] = useState(ALL);

  const branches = (branchList.data?.branches ?? []).map((b) => ({ id: b.id, name: b.name }));
  const branchName = new Map(branches.map((b) => [b.id, b.name]));
  const categories = [...new Set(data.entries.map((e) => e.category))].sort((a, b) => a.localeCompare(b, "de"));
  const shown = category === ALL ? data.entries : data.entries.filter((e) => e.category === category);
  const active = data.entries.filter((e) => e.is_active).length;

  return (
    <div className="grid gap-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Aktive Einträge" value={active} icon={BookOpen} />
        <StatCard label="Deaktivierte Einträge" value={data.total - active} icon={CircleSlash} />
      </div>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Antwort testen</CardTitle>
        </CardHeader>
        <CardContent>
          <KnowledgeSearch />
        </CardContent>
      </Card>
      <section className="grid gap-4" aria-labelledby="knowledge-entries-heading">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="knowledge-entries-heading" className="text-lg font-semibold">
            Einträge
          </h2>
          <div className="flex flex-wrap items-end gap-3">
            {categories.length > 1 && (
              <div className="grid gap-1.5">
                <Label htmlFor="knowledge-category-filter">Kategorie</Label>
                <Select value={category} onValueChange={setCategory}>
                  <SelectTrigger id="knowledge-category-filter" className="w-48">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value={ALL}>Alle Kategorien</SelectItem>
                    {categories.map((c) => (
                      <SelectItem key={c} value={c}>
                        {c}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </div>
            )}
            {permissions.canEdit && (
              <KnowledgeFormDialog
                branches={branches}
                categories={categories}
                trigger={
                  <Button>
                    <Plus aria-hidden /> Eintrag anlegen
                  </Button>
                }
              />
            )}
          </div>
        </div>
        <ListFrame
          data={data}
          isEmpty={(list) => list.total === 0}
          empty={{
            icon: BookOpen,
            title: "Noch keine Wissenseinträge.",
            text: permissions.canEdit ? "Legen Sie Antworten auf häufige Fragen an, etwa zu Parkplätzen oder Zahlungsarten." : "Ein Administrator kann Antworten auf häufige Fragen anlegen.",
          }}
        >
          {() => (
            <ul className="grid gap-3 lg:grid-cols-2">
              {shown.map((entry) => (
                <EntryCard key={entry.id} entry={entry} branchName={entry.branch_id ? (branchName.get(entry.branch_id) ?? "Eine Filiale") : "Alle Filialen"} permissions={permissions} branches={branches} categories={categories} />
              ))}
            </ul>
          )}
        </ListFrame>
      </section>
    </div>
  );
}

function EntryCard({
  entry,
  branchName,
  permissions,
  branches,
  categories,
}: {
  entry: KnowledgeEntryDto;
  branchName: string;
  permissions: KnowledgePermissions;
  branches: Array<{ id: string; name: string }>;
  categories: string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.knowledge.list.queryKey(KNOWLEDGE_LIST_INPUT);
  const remove = useMutation(
    trpc.knowledge.delete.mutationOptions({
      // Removed from the list at once; put back if the server refuses.
      onMutate: async () => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const before = queryClient.getQueryData(listKey);
        queryClient.setQueryData(listKey, (old) => old && { entries: old.entries.filter((e) => e.id !== entry.id), total: old.total - 1 });
        return { before };
      },
      onError: (err, _input, context) => {
        if (context?.before) queryClient.setQueryData(listKey, context.before);
        toastError(err);
      },
      onSuccess: () => toast.success(`„${entry.title}“ wurde gelöscht.`),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() }),
    }),
  );

  return (
    <li>
      <Card className="grid h-full gap-3 p-4" aria-labelledby={`entry-${entry.id}`} data-testid="knowledge-entry">
        <div className="flex items-start justify-between gap-3">
          <div className="grid min-w-0 gap-1.5">
            <h3 id={`entry-${entry.id}`} className="font-medium">
              {entry.title}
            </h3>
            <div className="flex flex-wrap gap-1.5">
              <Badge variant="secondary">{entry.category}</Badge>
              <Badge variant="outline">{branchName}</Badge>
              {!entry.is_active && <Badge variant="warning">Deaktiviert</Badge>}
            </div>
          </div>
          <div className="flex shrink-0 gap-1">
            {permissions.canEdit && (
              <KnowledgeFormDialog
                entry={entry}
                branches={branches}
                categories={categories}
                trigger={
                  <Button variant="ghost" size="icon" aria-label={`„${entry.title}“ bearbeiten`}>
                    <Pencil aria-hidden />
                  </Button>
                }
              />
            )}
            {permissions.canDelete && (
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" size="icon" aria-label={`„${entry.title}“ löschen`}>
                    <Trash2 aria-hidden />
                  </Button>
                }
                title={`„${entry.title}“ löschen?`}
                description="Der Assistent kann diese Antwort danach nicht mehr geben. Zum vorübergehenden Ausblenden den Eintrag stattdessen deaktivieren."
                confirmLabel="Löschen"
                onConfirm={() => remove.mutateAsync({ id: entry.id })}
              />
            )}
          </div>
        </div>
        <p className="text-sm">{entry.content}</p>
        <div className="mt-auto flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
          {entry.keywords.length > 0 && (
            <>
              <span>Stichwörter:</span>
              {entry.keywords.map((k) => (
                <span key={k} className="rounded bg-muted px-1.5 py-0.5">
                  {k}
                </span>
              ))}
              <span aria-hidden>·</span>
            </>
          )}
          <span>geändert am {formatDate(entry.updated_at)}</span>
        </div>
      </Card>
    </li>
  );
}
