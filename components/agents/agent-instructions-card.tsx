"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileText, History, Save } from "lucide-react";
import { useState } from "react";
import type { z } from "zod";
import { formatDateTime } from "@/components/forms/format";
import { LabeledField } from "@/components/forms/labeled-field";
import { PendingButton } from "@/components/forms/pending-button";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { promptInstructionsMax, setPromptInstructionsParams } from "@/server/services/retell/schemas";

type Version = RouterOutputs["retell"]["listPromptVersions"]["versions"][number];
type InstructionFields = z.input<typeof setPromptInstructionsParams>;

/**
 * "Anweisungen für den Agenten": the company's own instructions, appended to the generated
 * prompt. Each save is a new version; the history and the whole prompt can be looked at.
 * Needs no Retell connection: the agent gets them with the next "Agent einrichten".
 */
export function AgentInstructionsCard() {
  const trpc = useTRPC();
  const versions = useQuery(trpc.retell.listPromptVersions.queryOptions({}));

  return (
    <Card className="min-w-0" data-testid="agent-instructions-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FileText className="size-4 text-muted-foreground" aria-hidden /> Anweisungen für den Agenten
        </CardTitle>
        <CardDescription>
          Was der Agent zusätzlich beachten soll, z. B. Hinweise zu Leistungen oder zur Begrüßung von Stammkunden. Die Anweisungen werden an den Prompt angehängt
          und gelten ab dem nächsten „Agent einrichten“.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {versions.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : (
          <InstructionsForm latest={versions.data?.versions[0] ?? null} />
        )}
        <section aria-labelledby="prompt-versions-title" className="grid gap-2">
          <h3 id="prompt-versions-title" className="flex items-center gap-2 font-medium">
            <History className="size-4 text-muted-foreground" aria-hidden /> Versionen
          </h3>
          <ListFrame
            query={versions}
            loadingLabel="Versionen werden geladen"
            loadingRows={2}
            retry
            isEmpty={(data) => data.versions.length === 0}
            empty={{ icon: History, title: "Noch keine Anweisungen gespeichert." }}
          >
            {(data) => (
              <ol className="grid gap-2" aria-label="Versionen der Anweisungen">
                {data.versions.map((v) => (
                  <VersionItem key={v.version} version={v} latest={v.version === data.versions[0]?.version} />
                ))}
              </ol>
            )}
          </ListFrame>
        </section>
        <WholePrompt />
      </CardContent>
    </Card>
  );
}

function InstructionsForm({ latest }: { latest: Version | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm<InstructionFields, z.output<typeof setPromptInstructionsParams>>(setPromptInstructionsParams, {
    instructions: latest?.instructions ?? "",
  });
  const save = useMutation(
    trpc.retell.setPromptInstructions.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(`Anweisungen gespeichert (Version ${saved.version}).`);
        form.reset({ instructions: saved.instructions });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.retell.listPromptVersions.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.retell.getAgentPrompt.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.retell.previewAgentSetup.queryKey() }),
        ]);
      },
      onError: serverErrorsTo(form),
    }),
  );
  const submit = form.handleSubmit((params) => save.mutate(params));

  return (
    <Form {...form}>
      <form onSubmit={submit} noValidate className="grid gap-3" aria-label="Anweisungen für den Agenten">
        <LabeledField
          control={form.control}
          name="instructions"
          label="Anweisungen"
          hint={latest ? `Zuletzt gespeichert: Version ${latest.version}.` : "Noch keine Anweisungen gespeichert."}
        >
          {(field) => <Textarea {...field} rows={6} maxLength={promptInstructionsMax} placeholder="z. B. Biete bei Färben immer zuerst einen Beratungstermin an." />}
        </LabeledField>
        <div>
          <PendingButton type="submit" pending={save.isPending} icon={<Save aria-hidden />}>
            Anweisungen speichern
          </PendingButton>
        </div>
      </form>
    </Form>
  );
}

function VersionItem({ version, latest }: { version: Version; latest: boolean }) {
  return (
    <li className="min-w-0 rounded-md border px-3 py-2 text-sm" data-testid={`prompt-version-${version.version}`}>
      <details>
        <summary className="cursor-pointer">
          <span className="font-medium">Version {version.version}</span>
          {latest && <span className="text-muted-foreground"> · aktuell</span>}
          <span className="text-muted-foreground">
            {" "}
            · {formatDateTime(version.created_at)}
            {version.created_by && <> · {version.created_by}</>}
          </span>
        </summary>
        <p className="mt-2 whitespace-pre-wrap break-words">{version.instructions || "(leer)"}</p>
      </details>
    </li>
  );
}

/** "Gesamten Prompt anzeigen": the prompt as "Agent einrichten" would send it now. */
function WholePrompt() {
  const trpc = useTRPC();
  const [shown, setShown] = useState(false);
  const prompt = useQuery({ ...trpc.retell.getAgentPrompt.queryOptions({}), enabled: shown });

  return (
    <section className="grid gap-2" aria-label="Gesamter Prompt">
      <div>
        <Button type="button" variant="outline" onClick={() => setShown((s) => !s)} aria-expanded={shown}>
          <FileText aria-hidden /> {shown ? "Prompt ausblenden" : "Gesamten Prompt anzeigen"}
        </Button>
      </div>
      {shown && (
        <ListFrame query={prompt} loadingLabel="Prompt wird geladen" loadingRows={3} retry>
          {(data) => (
            <div className="grid gap-2 text-sm" data-testid="agent-prompt">
              <p>
                <span className="font-medium">Begrüßung:</span> {data.begin_message}
              </p>
              <pre className="max-h-[32rem] overflow-auto rounded bg-muted p-3 text-xs whitespace-pre-wrap break-words">{data.prompt}</pre>
              <p className="text-muted-foreground">
                Werkzeuge: {data.tools.map((t) => t.name).join(", ")}. Datum und Uhrzeit (in geschweiften Klammern) setzt Retell bei jedem Anruf ein.
              </p>
            </div>
          )}
        </ListFrame>
      )}
    </section>
  );
}
