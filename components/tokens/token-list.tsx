"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Ban, CircleSlash, KeyRound } from "lucide-react";
import { StatCard } from "@/components/dashboard/stat-card";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { formatDate, formatDateTime } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { toast } from "@/components/ui/sonner";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { TokenInfo } from "@/server/services/tokens";

/** The company's API tokens with their state, and revocation. */
export function TokenList() {
  const trpc = useTRPC();
  const { data: tokens } = useSuspenseQuery(trpc.dashboard.tokens.list.queryOptions());
  const active = tokens.filter((t) => !t.revokedAt).length;

  return (
    <div className="grid gap-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Aktive Tokens" value={active} icon={KeyRound} />
        <StatCard label="Widerrufene Tokens" value={tokens.length - active} icon={CircleSlash} />
      </div>
      <ListFrame
        data={tokens}
        isEmpty={(list) => list.length === 0}
        empty={{
          icon: KeyRound,
          title: "Noch keine API-Tokens angelegt.",
          text: "Mit einem Token rufen andere Systeme (CRM, Automatisierungen) die Schnittstelle /api/mcp Ihres Betriebs auf.",
        }}
      >
        {(list) => (
          <Card className="min-w-0">
            <CardContent className="px-2 pt-2 sm:px-5">
              <Table aria-label="API-Tokens">
                <ListTableHeader columns={["Name", "Token", "Dienste", "Erstellt", "Zuletzt benutzt", "Status"]} />
                <TableBody>
                  {list.map((t) => (
                    <TokenRow key={t.id} token={t} />
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

function TokenRow({ token: t }: { token: TokenInfo }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.dashboard.tokens.revoke.mutationOptions({
      onSuccess: async (info) => {
        toast.success(`Token „${info.name}“ wurde widerrufen.`);
        await queryClient.invalidateQueries({ queryKey: trpc.dashboard.tokens.list.queryKey() });
      },
      onError: toastError,
    }),
  );

  return (
    <TableRow data-testid={`token-${t.name}`}>
      <TableCell className="font-medium">{t.name}</TableCell>
      <TableCell className="whitespace-nowrap font-mono text-xs">{t.display}</TableCell>
      <TableCell>
        {t.allowedServers.length === 0 ? (
          <span className="text-muted-foreground">Nur Verzeichnis</span>
        ) : (
          <div className="flex max-w-xs flex-wrap gap-1">
            {t.allowedServers.map((s) => (
              <Badge key={s} variant="outline" className="font-mono">
                {s}
              </Badge>
            ))}
          </div>
        )}
      </TableCell>
      <TableCell className="tabular whitespace-nowrap">{formatDate(t.createdAt)}</TableCell>
      <TableCell className="tabular whitespace-nowrap">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="text-muted-foreground">Nie</span>}</TableCell>
      <TableCell className="whitespace-nowrap">
        {t.revokedAt ? <Badge variant="secondary">Widerrufen am {formatDate(t.revokedAt)}</Badge> : <Badge variant="success">Aktiv</Badge>}
      </TableCell>
      <TableCell className="text-right">
        {!t.revokedAt && (
          <ConfirmDialog
            trigger={
              <Button variant="outline" size="sm" aria-label={`Token „${t.name}“ widerrufen`}>
                <Ban aria-hidden /> Widerrufen
              </Button>
            }
            title={`Token „${t.name}“ widerrufen?`}
            description={`Systeme, die ${t.display} verwenden, werden sofort abgewiesen. Das lässt sich nicht rückgängig machen.`}
            confirmLabel="Endgültig widerrufen"
            onConfirm={() => revoke.mutateAsync({ id: t.id })}
          />
        )}
      </TableCell>
    </TableRow>
  );
}
