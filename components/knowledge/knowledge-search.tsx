"use client";

import { useQuery } from "@tanstack/react-query";
import { LoaderCircle, MessageSquareText, Search } from "lucide-react";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { searchParams, type SearchHit } from "@/server/services/knowledge/schemas";

const SOURCES: Record<SearchHit["source"], string> = {
  knowledge: "Wissenseintrag",
  opening_hours: "Öffnungszeiten",
  prices: "Preise",
  address: "Adresse",
};

/** The question as typed, checked (and trimmed) by knowledge.search's own schema; five hits, as the page shows. */
const fields = z.object({ query: z.string() });
export const schema = fields.transform((v): z.input<typeof searchParams> => ({ query: v.query, limit: 5 })).pipe(searchParams);

/** Asks the knowledge base a question the way the phone agent does (knowledge.search). */
export function KnowledgeSearch() {
  const trpc = useTRPC();
  const form = useSchemaForm<z.input<typeof fields>, z.output<typeof searchParams>>(schema, { query: "" });
  const draft = useWatch({ control: form.control, name: "query" });
  const [params, setParams] = useState<z.output<typeof searchParams>>({ query: "", limit: 5 });
  const query = params.query;
  const search = useQuery({ ...trpc.knowledge.search.queryOptions(params), enabled: query.length > 0 });

  return (
    <div className="grid gap-4">
      <Form {...form}>
        <form onSubmit={form.handleSubmit((checked) => setParams(checked))} role="search" className="grid gap-2">
          <FormField
            control={form.control}
            name="query"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Frage an die Wissensbasis</FormLabel>
                <div className="flex gap-2">
                  <FormControl>
                    <Input {...field} placeholder="z. B. Wo kann ich parken?" maxLength={500} />
                  </FormControl>
                  <Button type="submit" variant="secondary" disabled={draft.trim().length === 0}>
                    {search.isFetching ? <LoaderCircle className="animate-spin" aria-hidden /> : <Search aria-hidden />}
                    Suchen
                  </Button>
                </div>
                <FormMessage />
              </FormItem>
            )}
          />
        </form>
      </Form>
      <div aria-live="polite">
        {search.isError && <p className="text-sm text-destructive">Die Suche ist fehlgeschlagen. Bitte versuchen Sie es erneut.</p>}
        {search.data && (
          <div className="grid gap-3" data-testid="knowledge-search-results">
            <div className="rounded-md border bg-accent/40 p-3">
              <p className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
                <MessageSquareText className="size-3.5" aria-hidden /> Antwort des Assistenten
              </p>
              <p className="mt-1 text-sm">{search.data.answer ?? "Dazu findet der Assistent keine sichere Antwort und bietet einen Rückruf an."}</p>
            </div>
            {search.data.results.length > 0 && (
              <ol className="grid gap-2" aria-label="Treffer">
                {search.data.results.map((hit, i) => (
                  <li key={`${hit.source}-${hit.id ?? i}`} className="grid gap-0.5 rounded-md border p-3 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{hit.title}</span>
                      <Badge variant="outline">{SOURCES[hit.source]}</Badge>
                      <span className="tabular text-xs text-muted-foreground">Relevanz {hit.score.toLocaleString("de-DE", { maximumFractionDigits: 1 })}</span>
                    </div>
                    <p className="text-muted-foreground">{hit.content}</p>
                  </li>
                ))}
              </ol>
            )}
            {search.data.results.length === 0 && <p className="text-sm text-muted-foreground">Keine Treffer für „{query}“.</p>}
          </div>
        )}
      </div>
    </div>
  );
}
