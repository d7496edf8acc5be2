"use client";

import { useMutation, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { FlaskConical, History, Play, ShieldCheck } from "lucide-react";
import { useState } from "react";
import type { z } from "zod";
import { FormAlert } from "@/components/forms/form-alert";
import { FormField } from "@/components/forms/form-field";
import { formatDateTime } from "@/components/forms/format";
import { OptionSelect } from "@/components/forms/option-select";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { testResult } from "@/server/services/retell-function/test-run-schemas";

interface Setup {
  functionName: string;
  branchId: string | undefined;
  callerNumber: string;
  values: Record<string, string>;
}

/**
 * Pick a function, fill its arguments as a caller would say them, and see the request the agent
 * sends and the answer it gets (its `message` is what it says). "Probelauf" writes nothing;
 * for functions that book, move, cancel or send, "Verbindlich ausführen" then runs it for real.
 */
export function FunctionTester({ replayCallId }: { replayCallId?: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.retell.function.listTestable.queryOptions({}));
  const [setup, setSetup] = useState<Setup>({
    functionName: data.functions.some((f) => f.name === "check_availability") ? "check_availability" : (data.functions[0]?.name ?? ""),
    branchId: data.branches[0]?.id,
    callerNumber: "",
    values: {},
  });
  const selected = data.functions.find((f) => f.name === setup.functionName);
  const run = useMutation(trpc.retell.function.test.mutationOptions());
  const result = run.data;
  // A result belongs to the inputs it was run with; any change asks for a new dry run first.
  const change = (next: Partial<Setup>) => {
    run.reset();
    setSetup((s) => ({ ...s, ...next }));
  };

  const execute = (confirm: boolean) =>
    run.mutate({
      function_name: setup.functionName,
      parameters: Object.fromEntries((selected?.fields ?? []).map((f) => [f.name, setup.values[f.name] ?? ""])),
      branch_id: setup.branchId,
      caller_number: setup.callerNumber.trim() || undefined,
      confirm,
    });

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="grid content-start gap-6">
        {replayCallId && <Replay callId={replayCallId} onPick={(s) => change(s)} />}
        <Card>
          <CardHeader>
            <CardTitle>Aufruf</CardTitle>
            <CardDescription>Angaben als freier Text, so wie der Anrufer sie sagt, z. B. „übermorgen“ und „um halb drei“.</CardDescription>
          </CardHeader>
          <CardContent>
            <form
              className="grid gap-4"
              onSubmit={(event) => {
                event.preventDefault();
                execute(false);
              }}
            >
              <OptionSelect
                id="ft-function"
                label="Funktion"
                value={setup.functionName}
                onChange={(name) => change({ functionName: name ?? setup.functionName, values: {} })}
                options={data.functions.map((f) => ({ value: f.name, label: f.origin === "configured" ? `${f.name} (eigene)` : f.name }))}
                hint={selected?.description}
              />
              <div className="grid gap-4 sm:grid-cols-2">
                <OptionSelect
                  id="ft-branch"
                  label="Filiale"
                  value={setup.branchId}
                  onChange={(id) => change({ branchId: id })}
                  options={data.branches.map((b) => ({ value: b.id, label: b.name }))}
                />
                <FormField
                  id="ft-caller"
                  label="Anrufernummer (optional)"
                  control={(props) => (
                    <Input {...props} value={setup.callerNumber} inputMode="tel" onChange={(e) => change({ callerNumber: e.target.value })} />
                  )}
                />
              </div>
              {(selected?.fields ?? []).map((field) => (
                <FormField
                  key={`${setup.functionName}-${field.name}`}
                  id={`ft-field-${field.name}`}
                  label={field.required ? `${field.name} *` : field.name}
                  hint={field.description || undefined}
                  control={(props) => (
                    <Input
                      {...props}
                      data-testid={`ft-field-${field.name}`}
                      value={setup.values[field.name] ?? ""}
                      maxLength={500}
                      onChange={(e) => change({ values: { ...setup.values, [field.name]: e.target.value } })}
                    />
                  )}
                />
              ))}
              {run.error && <FormAlert message={errorMessage(run.error)} />}
              <div className="flex flex-wrap gap-2">
                <Button type="submit" disabled={run.isPending || !selected} data-testid="ft-dry-run">
                  <Play aria-hidden /> Probelauf
                </Button>
                {selected?.writes && result?.dry_run && result.answer.success && (
                  <Button type="button" variant="destructive" disabled={run.isPending} onClick={() => execute(true)} data-testid="ft-confirm">
                    <ShieldCheck aria-hidden /> Verbindlich ausführen
                  </Button>
                )}
              </div>
              {selected?.writes && (
                <p className="text-xs text-muted-foreground">
                  Diese Funktion schreibt (bucht, verschiebt, sagt ab, speichert oder sendet). Der Probelauf tut nichts davon; erst „Verbindlich ausführen“.
                </p>
              )}
            </form>
          </CardContent>
        </Card>
      </div>
      <ResultView result={result} />
    </div>
  );
}

type RunResult = z.output<typeof testResult>;

function ResultView({ result }: { result: RunResult | undefined }) {
  if (!result) {
    return (
      <Card className="content-start">
        <CardHeader>
          <CardTitle>Ergebnis</CardTitle>
          <CardDescription>Nach dem Probelauf steht hier, was der Agent erhält und was er sagt.</CardDescription>
        </CardHeader>
      </Card>
    );
  }
  const { answer } = result;
  return (
    <Card className="content-start" data-testid="ft-result">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          Ergebnis
          {result.dry_run && result.writes ? (
            <Badge variant="secondary" data-testid="ft-mode">
              Probelauf – nichts ausgeführt
            </Badge>
          ) : (
            <Badge data-testid="ft-mode">{result.writes ? "Ausgeführt" : "Nur gelesen"}</Badge>
          )}
          <Badge variant={answer.success ? "default" : "outline"}>{answer.success ? "success: true" : "success: false"}</Badge>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <section className="grid gap-1">
          <h2 className="text-sm font-medium">Der Agent sagt</h2>
          <blockquote className="border-l-2 pl-3 text-sm" data-testid="ft-says">
            {answer.message}
          </blockquote>
        </section>
        <JsonBlock title="Antwort an den Agenten" value={answer} testId="ft-answer" />
        <JsonBlock title="Was der Agent sendet" value={result.received} testId="ft-received" />
      </CardContent>
    </Card>
  );
}

function JsonBlock({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  return (
    <section className="grid gap-1">
      <h2 className="text-sm font-medium">{title}</h2>
      <pre className="max-h-80 overflow-auto rounded-md bg-muted p-3 text-xs" data-testid={testId}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </section>
  );
}

/** The function calls of a past call; "Übernehmen" puts one into the form. */
function Replay({ callId, onPick }: { callId: string; onPick: (setup: Setup) => void }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.retell.function.callFunctionCalls.queryOptions({ call_id: callId }), retry: false });
  return (
    <Card data-testid="ft-replay">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <History aria-hidden className="size-4" /> Funktionsaufrufe des Anrufs
        </CardTitle>
        <CardDescription>Übernehmen Sie einen Aufruf, um ihn mit den damaligen Angaben erneut zu prüfen.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {query.error && <FormAlert message={errorMessage(query.error)} />}
        {query.data && query.data.calls.length === 0 && (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <FlaskConical aria-hidden className="size-4" /> In diesem Anruf wurden keine Funktionen aufgerufen.
          </p>
        )}
        {query.data?.calls.map((c, i) => {
          const said = (c.answer as { message?: unknown } | null)?.message;
          return (
            <div key={`${c.created_at}-${i}`} className="grid gap-1 rounded-md border p-3 text-sm" data-testid="ft-replay-call">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{c.function_name}</span>
                <span className="text-xs text-muted-foreground">{formatDateTime(c.created_at)}</span>
              </div>
              <p className="break-words text-xs text-muted-foreground">
                {Object.entries(c.parameters)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(" · ")}
              </p>
              {typeof said === "string" && <p className="text-xs">Damals gesagt: „{said}“</p>}
              <div>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  onClick={() =>
                    onPick({
                      functionName: c.function_name,
                      branchId: query.data.branch_id ?? undefined,
                      callerNumber: query.data.caller_number ?? "",
                      values: c.parameters,
                    })
                  }
                >
                  Übernehmen
                </Button>
              </div>
            </div>
          );
        })}
      </CardContent>
    </Card>
  );
}
