"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { KeyRound, ShieldCheck, ShieldMinus, UserCheck, UserRound, Users, UserX } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { StatCard } from "@/components/dashboard/stat-card";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { formatDateTime } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { PendingButton } from "@/components/forms/pending-button";
import { ListFrame } from "@/components/lists/list-frame";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { RowButton } from "@/components/settings/row-button";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/sonner";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { UserDto } from "@/server/services/user/schemas";
import { IssuedLinkPanel, type IssuedLink } from "./issued-link";
import { roleLabel } from "./roles";

/** The company's dashboard logins with role and state; admins change roles, (de)activate and issue links. */
export function UserList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.user.list.queryOptions({}));
  const active = data.users.filter((u) => u.is_active);

  return (
    <div className="grid gap-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Aktive Zugänge" value={active.length} icon={Users} />
        <StatCard label="Davon Administration" value={active.filter((u) => u.role === "admin").length} icon={ShieldCheck} />
      </div>
      <ListFrame
        data={data.users}
        isEmpty={(list) => list.length === 0}
        empty={{ icon: Users, title: "Noch keine Benutzer angelegt." }}
      >
        {(list) => (
          <Card className="min-w-0">
            <CardContent className="px-2 pt-2 sm:px-5">
              <Table aria-label="Benutzer">
                <ListTableHeader columns={["Name", "E-Mail", "Rolle", "Status", { title: "Letzte Anmeldung", className: "hidden lg:table-cell" }]} />
                <TableBody>
                  {list.map((u) => (
                    <UserRow key={u.id} user={u} />
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        )}
      </ListFrame>
    </div>
  );
}

function useRefreshUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
}

function StateBadge({ user }: { user: UserDto }) {
  if (!user.is_active) return <Badge variant="secondary">Deaktiviert</Badge>;
  if (user.link_expires_at) return <Badge variant="warning">Link offen bis {formatDateTime(user.link_expires_at)}</Badge>;
  return <Badge variant="success">Aktiv</Badge>;
}

function UserRow({ user: u }: { user: UserDto }) {
  return (
    <TableRow data-testid={`user-${u.email}`}>
      <TableCell className="font-medium">
        <span className="inline-flex items-center gap-2">
          {u.name}
          {u.is_you && <Badge variant="outline">Sie</Badge>}
        </span>
      </TableCell>
      <TableCell className="break-all">{u.email}</TableCell>
      <TableCell>
        <Badge variant={u.role === "admin" ? "default" : "secondary"}>{roleLabel(u.role)}</Badge>
      </TableCell>
      <TableCell className="whitespace-nowrap">
        <StateBadge user={u} />
      </TableCell>
      <TableCell className="tabular hidden whitespace-nowrap lg:table-cell">
        {u.last_login_at ? formatDateTime(u.last_login_at) : <span className="text-muted-foreground">Noch nie</span>}
      </TableCell>
      <TableCell className="text-right">
        {u.is_you ? (
          <Button asChild variant="outline" size="sm">
            <Link href="/konto">
              <UserRound aria-hidden /> Mein Konto
            </Link>
          </Button>
        ) : (
          <div className="flex justify-end gap-1.5">
            {u.is_active && <RoleButton user={u} />}
            {u.is_active && <ResetLinkButton user={u} />}
            {u.is_active ? <DeactivateButton user={u} /> : <ActivateButton user={u} />}
          </div>
        )}
      </TableCell>
    </TableRow>
  );
}

function RoleButton({ user: u }: { user: UserDto }) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const next = u.role === "admin" ? "staff" : "admin";
  const update = useMutation(
    trpc.user.update.mutationOptions({
      onSuccess: async ({ user }) => {
        toast.success(`${user.name} hat jetzt die Rolle ${roleLabel(user.role)}.`);
        await refresh();
      },
      onError: toastError,
    }),
  );
  const label = next === "admin" ? "Zur Administration machen" : "Zum Team machen";
  return (
    <ConfirmDialog
      trigger={<RowButton icon={next === "admin" ? ShieldCheck : ShieldMinus} label="Rolle ändern" aria-label={`Rolle von „${u.name}“ ändern`} />}
      title={`${u.name}: Rolle ${roleLabel(next)}?`}
      description={
        next === "admin"
          ? `${u.name} darf danach auch Einstellungen, Retell, API-Tokens und Benutzer verwalten. Die Änderung gilt ab der nächsten Seite, die ${u.name} öffnet.`
          : `${u.name} sieht danach nur noch Übersicht, Termine, Anrufe, Wissen und Warteschlange. Die Änderung gilt ab der nächsten Seite, die ${u.name} öffnet.`
      }
      confirmLabel={label}
      onConfirm={() => update.mutateAsync({ id: u.id, role: next })}
    />
  );
}

function DeactivateButton({ user: u }: { user: UserDto }) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const deactivate = useMutation(
    trpc.user.deactivate.mutationOptions({
      onSuccess: async ({ user }) => {
        toast.success(`${user.name} wurde deaktiviert.`);
        await refresh();
      },
      onError: toastError,
    }),
  );
  return (
    <ConfirmDialog
      trigger={<RowButton icon={UserX} label="Deaktivieren" aria-label={`„${u.name}“ deaktivieren`} />}
      title={`${u.name} deaktivieren?`}
      description={`${u.name} wird sofort abgemeldet und kann sich nicht mehr anmelden, bis Sie den Zugang wieder aktivieren. Ein offener Link zum Festlegen des Passworts verfällt.`}
      confirmLabel="Deaktivieren"
      onConfirm={() => deactivate.mutateAsync({ id: u.id })}
    />
  );
}

function ActivateButton({ user: u }: { user: UserDto }) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const activate = useMutation(
    trpc.user.activate.mutationOptions({
      onSuccess: async ({ user }) => {
        toast.success(`${user.name} kann sich wieder anmelden.`);
        await refresh();
      },
      onError: toastError,
    }),
  );
  return (
    <RowButton
      icon={UserCheck}
      label="Aktivieren"
      aria-label={`„${u.name}“ aktivieren`}
      disabled={activate.isPending}
      onClick={() => activate.mutate({ id: u.id })}
    />
  );
}

/** "Link zum Zurücksetzen": asks first, then shows the new link once. */
function ResetLinkButton({ user: u }: { user: UserDto }) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const reset = useMutation(
    trpc.user.resetPasswordLink.mutationOptions({
      onSuccess: async (result) => {
        setIssued(result);
        await refresh();
      },
      onError: toastError,
    }),
  );

  function onOpenChange(next: boolean) {
    if (reset.isPending) return;
    setOpen(next);
    if (!next) setIssued(null);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <RowButton icon={KeyRound} label="Link zum Zurücksetzen" aria-label={`Link zum Zurücksetzen für „${u.name}“`} />
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        {issued ? (
          <IssuedLinkPanel issued={issued} title={`Neuer Link für ${u.name}`} onDone={() => onOpenChange(false)} />
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Link zum Zurücksetzen für {u.name}</DialogTitle>
              <DialogDescription>
                Über einen neuen Link legt {u.name} ein neues Passwort fest. Ein früherer Link wird sofort ungültig; das bisherige Passwort gilt, bis der neue Link benutzt
                wird.
              </DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline" disabled={reset.isPending}>
                  Abbrechen
                </Button>
              </DialogClose>
              <PendingButton type="button" pending={reset.isPending} icon={<KeyRound aria-hidden />} onClick={() => reset.mutate({ id: u.id })}>
                Link erstellen
              </PendingButton>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
