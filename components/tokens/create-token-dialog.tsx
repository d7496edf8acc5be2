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
import { createTokenInput } from "@/server/tokens/schemas";

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
  const servers = useQuery(trpc.tokens.servers.queryOptions());
  const [name, setName] = useState("");
  const [allowed, setAllowed] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async ({ token, info }) => {
        toast.success(`Token „${info.name}“ wurde erstellt.`);
        onCreated({ token, name: info.name });
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
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

  function toggle(server: string, on: boolean) {
    setAllowed((list) => (on ? [...list, server] : list.filter((s) => s !== server)));
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
          Ohne Auswahl darf das Token alle Dienste aufrufen. Verzeichnis und Statusprüfung (mcp) sind immer erlaubt.
        </p>
        {servers.isPending ? (
          <p className="text-sm text-muted-foreground">Dienste werden geladen …</p>
        ) : servers.isError ? (
          <p className="text-sm text-destructive">Die Dienste konnten nicht geladen werden.</p>
        ) : (
          <div className="grid gap-2.5 sm:grid-cols-2">
            {servers.data.map((s) => (
              <div key={s.name} className="flex items-start gap-2">
                <Checkbox id={`server-${s.name}`} checked={allowed.includes(s.name)} onCheckedChange={(v) => toggle(s.name, v === true)} className="mt-0.5" />
                <Label htmlFor={`server-${s.name}`} className="grid gap-0.5 font-normal leading-snug">
                  <span className="font-mono text-sm">{s.name}</span>
                  <span className="text-xs text-muted-foreground">{s.description}</span>
                </Label>
              </div>
            ))}
          </div>
        )}
      </fieldset>
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
