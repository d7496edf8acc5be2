"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, LoaderCircle, Plus, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { CopyButton } from "@/components/forms/copy-button";
import { FormField } from "@/components/forms/form-field";
import { validateWith } from "@/components/forms/schema-errors";
import { errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import { OptionSelect } from "@/components/forms/option-select";
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

function CreateTokenForm({ onCreated }: { onCreated: (t: { token: string; name: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const servers = useQuery(trpc.dashboard.tokens.servers.queryOptions());
  const [name, setName] = useState("");
  // Until the admin changes something, the suggested read-only set is the choice.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const allowed = chosen ?? suggestedGrants(servers.data ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = useMutation(
    trpc.dashboard.tokens.create.mutationOptions({
      onSuccess: async ({ token, info }) => {
        toast.success(`Token „${info.name}“ wurde erstellt.`);
        onCreated({ token, name: info.name });
        await queryClient.invalidateQueries({ queryKey: trpc.dashboard.tokens.list.queryKey() });
      },
      onError: (err) => {
        const fields = fieldErrors(err);
        setErrors(fields);
        if (!fields.name) toast.error(errorMessage(err));
      },
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = validateWith(createTokenInput, { name, allowed_servers: allowed });
    if ("errors" in checked) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.data);
  }

  /** Sets the one ordinary grant of a server (`<server>`, `<server>:read` or none), keeping its configuration grant. */
  function setAccess(server: string, grant: string | undefined) {
    const others = allowed.filter((g) => g !== server && g !== `${server}${READ_SUFFIX}`);
    setChosen(grant ? [...others, grant] : others);
  }

  function toggleConfiguration(grant: string, on: boolean) {
    setChosen(on ? [...allowed, grant] : allowed.filter((g) => g !== grant));
  }

  return (
    <form onSubmit={submit} className="grid gap-5" noValidate>
      <DialogHeader>
        <DialogTitle>API-Token erstellen</DialogTitle>
        <DialogDescription>Ein Token gehört zu Ihrem Betrieb und kann jederzeit widerrufen werden.</DialogDescription>
      </DialogHeader>
      <FormField
        id="token-name"
        label="Name"
        hint="Wofür das Token gedacht ist, z. B. „CRM“ oder „Zapier“."
        error={errors.name}
        control={(props) => <Input {...props} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off" autoFocus />}
      />
      <fieldset className="grid gap-3" aria-describedby="token-servers-hint">
        <legend className="mb-1 text-sm font-medium">Erlaubte Dienste</legend>
        <p id="token-servers-hint" className="-mt-2 text-xs text-muted-foreground">
          Vorgeschlagen ist Nur-Lesen. Das Token darf nur, was hier gewählt ist; Verzeichnis und Statusprüfung (mcp) sind immer erlaubt.
        </p>
        {errors.allowed_servers && <p className="text-sm text-destructive">{errors.allowed_servers}</p>}
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
                    <Checkbox id={`grant-${grant}`} checked={allowed.includes(grant)} onCheckedChange={(v) => toggleConfiguration(grant, v === true)} className="mt-0.5" />
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
      <DialogFooter>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <KeyRound aria-hidden />}
          Token erstellen
        </Button>
      </DialogFooter>
    </form>
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
