"use client";

import { useMutation, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { FlaskConical, History, Play, ShieldCheck } from "lucide-react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/forms/form-alert";
import { formatDateTime } from "@/components/forms/format";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { TestableFunction, testParams, testResult } from "@/server/services/retell-function/test-run-schemas";

/** What the fields hold, named like retell.function.test's params; `parameters` in the order of the function's fields. */
const fields = z.object({
  function_name: z.string(),
  /** "": no branch. */
  branch_id: z.string(),
  caller_number: z.string(),
  parameters: z.array(z.string().optional()),
});
type Setup = z.input<typeof fields>;
type RunParams = z.input<typeof testParams>;

/** A past call's function call, put into the form by "Übernehmen". */
interface PickedCall {
  function_name: string;
  branch_id: string;
  caller_number: string;
  values: Record<string, string>;
}

const fieldsOf = (functions: TestableFunction[], name: string) => functions.find((f) => f.name === name)?.fields ?? [];

/**
 * The fields as retell.function.test's params (the arguments by name). The method's own schema
 * lives outside what components may import, so the server checks it; its refusal shows above the buttons.
 */
export const testerSchema = (functions: TestableFunction[]) =>
  fields.transform(
    (v): RunParams => ({
      function_name: v.function_name,
      parameters: Object.fromEntries(fieldsOf(functions, v.function_name).map((f, i) => [f.name, v.parameters[i] ?? ""])),
      branch_id: v.branch_id || undefined,
      caller_number: v.caller_number.trim() || undefined,
    }),
  );

/**
 * Pick a function, fill its arguments as a caller would say them, and see the request the agent
 * sends and the answer it gets (its `message` is what it says). "Probelauf" writes nothing;
 * for functions that book, move, cancel or send, "Verbindlich ausführen" then runs it for real.
 */
export function FunctionTester({ replayCallId }: { replayCallId?: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.retell.function.listTestable.queryOptions({}));
  const firstName = data.functions.some((f) => f.name === "check_availability") ? "check_availability" : (data.functions[0]?.name ?? "");
  const form = useSchemaForm<Setup, RunParams>(testerSchema(data.functions), {
    function_name: firstName,
    branch_id: data.branches[0]?.id ?? "",
    caller_number: "",
    parameters: fieldsOf(data.functions, firstName).map(() => ""),
  });
  const functionName = useWatch({ control: form.control, name: "function_name" });
  const selected = data.functions.find((f) => f.name === functionName);
  const run = useMutation(trpc.retell.function.test.mutationOptions());
  const result = run.data;
  // A result belongs to the inputs it was run with; any change asks for a new dry run first.
  const changing =
    <T,>(onChange: (value: T) => void) =>
    (value: T) => {
      run.reset();
      onChange(value);
    };
  const pick = ({ values, ...call }: PickedCall) => {
    run.reset();
    form.reset({ ...call, parameters: fieldsOf(data.functions, call.function_name).map((f) => values[f.name] ?? "") });
  };
  const execute = (confirm: boolean) => form.handleSubmit((params) => run.mutate({ ...params, confirm }));

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="grid content-start gap-6">
        {replayCallId && <Replay callId={replayCallId} onPick={pick} />}
        <Card>
          <CardHeader>
            <CardTitle>Aufruf</CardTitle>
            <CardDescription>Angaben als freier Text, so wie der Anrufer sie sagt, z. B. „übermorgen“ und „um halb drei“.</CardDescription>
          </CardHeader>
          <CardContent>
            <Form {...form}>
              <form className="grid gap-4" onSubmit={execute(false)}>
                <FormField
                  control={form.control}
                  name="function_name"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Funktion</FormLabel>
                      <Select
                        value={field.value}
                        onValueChange={changing((name: string) => {
                          field.onChange(name);
                          form.setValue("parameters", fieldsOf(data.functions, name).map(() => ""));
                        })}
                      >
                        <FormControl>
                          <SelectTrigger>
                            <SelectValue />
                          </SelectTrigger>
                        </FormControl>
                        <SelectContent>
                          {data.functions.map((f) => (
                            <SelectItem key={f.name} value={f.name}>
                              {f.origin === "configured" ? `${f.name} (eigene)` : f.name}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                      {selected?.description && <FormDescription>{selected.description}</FormDescription>}
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <div className="grid items-start gap-4 sm:grid-cols-2">
                  <OptionFormField
                    control={form.control}
                    name="branch_id"
                    label="Filiale"
                    options={data.branches.map((b) => ({ value: b.id, label: b.name }))}
                    onChosen={() => run.reset()}
                  />
                  <LabeledField control={form.control} name="caller_number" label="Anrufernummer (optional)">
                    {(field) => <Input {...field} inputMode="tel" onChange={changing(field.onChange)} />}
                  </LabeledField>
                </div>
                {(selected?.fields ?? []).map((param, index) => (
                  <LabeledField
                    key={`${functionName}-${param.name}`}
                    control={form.control}
                    name={`parameters.${index}`}
                    label={param.required ? `${param.name} *` : param.name}
                    hint={param.description}
                  >
                    {(field) => <Input {...field} value={field.value ?? ""} data-testid={`ft-field-${param.name}`} maxLength={500} onChange={changing(field.onChange)} />}
                  </LabeledField>
                ))}
                {run.error && <FormAlert message={errorMessage(run.error)} />}
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" disabled={run.isPending || !selected} data-testid="ft-dry-run">
                    <Play aria-hidden /> Probelauf
                  </Button>
                  {selected?.writes && result?.dry_run && result.answer.success && (
                    <Button type="button" variant="destructive" disabled={run.isPending} onClick={execute(true)} data-testid="ft-confirm">
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
            </Form>
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
function Replay({ callId, onPick }: { callId: string; onPick: (call: PickedCall) => void }) {
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
                      function_name: c.function_name,
                      branch_id: query.data.branch_id ?? "",
                      caller_number: query.data.caller_number ?? "",
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
