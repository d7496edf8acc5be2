"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus, TriangleAlert } from "lucide-react";
import { useMemo, useState } from "react";
import { z } from "zod";
import { CopyButton } from "@/components/forms/copy-button";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionSelect } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import { createTokenInput } from "@/server/services/tokens/schemas";
import { configurationGrantOf, READ_SUFFIX, suggestedGrants } from "@/server/core/token-scopes";

/** "Token erstellen": name and allowed servers; afterwards the clear token, shown this once. */
export function CreateTokenDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) setCreated(null); // the clear token is gone for good once the dialog closes
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Token erstellen
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        {created ? <NewToken {...created} onDone={() => onOpenChange(false)} /> : <CreateTokenForm onCreated={setCreated} />}
      </DialogContent>
    </Dialog>
  );
}

/** What the fields hold, named like the method's params; `null` grants: the suggestion, until the admin changes something. */
const fields = z.object({ name: z.string(), allowed_servers: z.array(z.string()).nullable() });
type TokenFields = z.input<typeof fields>;

/** `suggested`: the read-only set the dialog offers for the servers it has loaded. */
export const tokenSchema = (suggested: string[]) =>
  fields.transform((v): z.input<typeof createTokenInput> => ({ name: v.name, allowed_servers: v.allowed_servers ?? suggested })).pipe(createTokenInput);

function CreateTokenForm({ onCreated }: { onCreated: (t: { token: string; name: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const servers = useQuery(trpc.dashboard.tokens.servers.queryOptions());
  const suggested = useMemo(() => suggestedGrants(servers.data ?? []), [servers.data]);
  const schema = useMemo(() => tokenSchema(suggested), [suggested]);
  // useForm takes the resolver anew on every render, so the check follows the loaded servers.
  const form = useSchemaForm<TokenFields, z.output<typeof schema>>(schema, { name: "", allowed_servers: null });

  const create = useMutation(
    trpc.dashboard.tokens.create.mutationOptions({
      onSuccess: async ({ token, info }) => {
        toast.success(`Token „${info.name}“ wurde erstellt.`);
        onCreated({ token, name: info.name });
        await queryClient.invalidateQueries({ queryKey: trpc.dashboard.tokens.list.queryKey() });
      },
      onError: serverErrorsTo(form),
    }),
  );

  const submit = form.handleSubmit((input) => create.mutate(input));

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-5" noValidate>
        <DialogHeader>
          <DialogTitle>API-Token erstellen</DialogTitle>
          <DialogDescription>Ein Token gehört zu Ihrem Betrieb und kann jederzeit widerrufen werden.</DialogDescription>
        </DialogHeader>
        <LabeledField control={form.control} name="name" label="Name" hint="Wofür das Token gedacht ist, z. B. „CRM“ oder „Zapier“.">
          {(field) => <Input {...field} maxLength={100} autoComplete="off" autoFocus />}
        </LabeledField>
        <FormField
          control={form.control}
          name="allowed_servers"
          render={({ field }) => {
            const allowed = field.value ?? suggested;
            /** Sets the one ordinary grant of a server (`<server>`, `<server>:read` or none), keeping its configuration grant. */
            const setAccess = (server: string, grant: string | undefined) => {
              const others = allowed.filter((g) => g !== server && g !== `${server}${READ_SUFFIX}`);
              field.onChange(grant ? [...others, grant] : others);
            };
            const toggleConfiguration = (grant: string, on: boolean) => field.onChange(on ? [...allowed, grant] : allowed.filter((g) => g !== grant));
            return (
              <FormItem className="gap-5">
                <fieldset className="grid gap-3" aria-describedby="token-servers-hint">
                  <legend className="mb-1 text-sm font-medium">Erlaubte Dienste</legend>
                  <p id="token-servers-hint" className="-mt-2 text-xs text-muted-foreground">
                    Vorgeschlagen ist Nur-Lesen. Das Token darf nur, was hier gewählt ist; Verzeichnis und Statusprüfung (mcp) sind immer erlaubt.
                  </p>
                  <FormMessage />
                  {servers.isPending ? (
                    <p className="text-sm text-muted-foreground">Dienste werden geladen …</p>
                  ) : servers.isError ? (
                    <p className="text-sm text-destructive">Die Dienste konnten nicht geladen werden.</p>
                  ) : (
                    <div className="grid gap-2.5 sm:grid-cols-2">
                      {servers.data
                        .filter((s) => s.reads || s.writes)
                        .map((s) => (
                          <OptionSelect
                            key={s.name}
                            id={`server-${s.name}`}
                            label={s.name}
                            hint={s.description}
                            value={allowed.find((g) => g === s.name || g === `${s.name}${READ_SUFFIX}`)}
                            onChange={(grant) => setAccess(s.name, grant)}
                            noneLabel="Kein Zugriff"
                            options={[
                              ...(s.reads ? [{ value: `${s.name}${READ_SUFFIX}`, label: "Nur lesen" }] : []),
                              { value: s.name, label: s.reads ? "Lesen und schreiben" : "Aufrufen" },
                            ]}
                          />
                        ))}
                    </div>
                  )}
                </fieldset>
                {servers.data && (
                  <fieldset className="grid gap-3" aria-describedby="token-config-hint">
                    <legend className="mb-1 text-sm font-medium">Konfiguration</legend>
                    <p id="token-config-hint" className="-mt-2 text-xs text-muted-foreground">
                      Retell-Einstellungen und Schlüssel, Kalender-Verbindung und Firmendaten ändern. Nur bei Bedarf ausdrücklich freigeben.
                    </p>
                    <div className="grid gap-2.5 sm:grid-cols-2">
                      {servers.data
                        .filter((s) => s.configuration)
                        .map((s) => {
                          const grant = configurationGrantOf(s.name);
                          return (
                            <div key={grant} className="flex items-start gap-2">
                              <Checkbox
                                id={`grant-${grant}`}
                                checked={allowed.includes(grant)}
                                onCheckedChange={(v) => toggleConfiguration(grant, v === true)}
                                className="mt-0.5"
                              />
                              <Label htmlFor={`grant-${grant}`} className="grid gap-0.5 font-normal leading-snug">
                                <span className="text-sm">
                                  Konfiguration <span className="font-mono">{s.name}</span>
                                </span>
                                <span className="text-xs text-muted-foreground">{s.description}</span>
                              </Label>
                            </div>
                          );
                        })}
                    </div>
                  </fieldset>
                )}
              </FormItem>
            );
          }}
        />
        <DialogFooter>
          <PendingButton type="submit" pending={create.isPending} icon={<KeyRound aria-hidden />}>
            Token erstellen
          </PendingButton>
        </DialogFooter>
      </form>
    </Form>
  );
}

function NewToken({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Token „{name}“ erstellt</DialogTitle>
        <DialogDescription>Senden Sie es als „Authorization: Bearer …“ oder „X-MCP-Token“ an /api/mcp oder /mcp.</DialogDescription>
      </DialogHeader>
      <Alert className="border-warning/40 bg-warning/5 text-foreground [&>svg]:text-warning">
        <TriangleAlert aria-hidden />
        <AlertTitle>Nur jetzt sichtbar</AlertTitle>
        <AlertDescription>Kopieren Sie das Token jetzt und bewahren Sie es sicher auf. Es wird nicht gespeichert und später nicht mehr angezeigt.</AlertDescription>
      </Alert>
      <div className="grid gap-2">
        <Label htmlFor="new-token">Ihr neues Token</Label>
        <div className="flex gap-2">
          <Input id="new-token" value={token} readOnly autoFocus className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={token} />
        </div>
      </div>
      <DialogFooter>
        <Button type="button" onClick={onDone}>
          Fertig
        </Button>
      </DialogFooter>
    </div>
  );
}
