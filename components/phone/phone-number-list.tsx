"use client";

import { useMutation, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Pencil, Phone, Trash2 } from "lucide-react";
import { retellReadOptions } from "@/components/agents/retell-reads";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { toastError } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { FormDialog } from "@/components/settings/form-dialog";
import { BRANCHES_INPUT } from "@/components/settings/list-inputs";
import { RowButton } from "@/components/settings/row-button";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { toast } from "@/components/ui/sonner";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { Branch } from "@/server/services/branch/schemas";
import type { PhoneNumberDto } from "@/server/services/phone/schemas";
import { EditNumberForm } from "./phone-number-form";
import { useRefreshNumbers } from "./use-refresh-numbers";

const dash = <span className="text-muted-foreground">–</span>;

/** The company's numbers: branch, label, state and the Retell agent answering them; edit and remove. */
export function PhoneNumberList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.phone.list.queryOptions({}));
  const { data: branchData } = useSuspenseQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT));
  // Agent names only when Retell answers; otherwise the agent's id is shown.
  const agents = useQuery({ ...trpc.retell.listAgents.queryOptions({}), ...retellReadOptions, enabled: data.numbers.some((n) => n.retell_agent_id) });
  const agentNames = new Map((agents.data?.agents ?? []).map((a) => [a.agent_id, a.agent_name ?? a.agent_id]));

  return (
    <ListFrame
      data={data.numbers}
      isEmpty={(list) => list.length === 0}
      empty={{
        icon: Phone,
        title: "Noch keine Rufnummer hinzugefügt.",
        text: "Fügen Sie die Nummer hinzu, auf der Ihr Telefonassistent Anrufe annimmt, oder übernehmen Sie sie aus Ihrem Retell-Arbeitsbereich.",
      }}
    >
      {(list) => (
        <Card className="min-w-0">
          <CardContent className="px-2 pt-2 sm:px-5">
            <Table aria-label="Rufnummern">
              <ListTableHeader columns={["Rufnummer", "Filiale", "Bezeichnung", "Status", "Agent"]} />
              <TableBody>
                {list.map((n) => (
                  <NumberRow key={n.id} phone={n} branches={branchData.branches} agentName={n.retell_agent_id ? agentNames.get(n.retell_agent_id) : undefined} />
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </ListFrame>
  );
}

function NumberRow({ phone: n, branches, agentName }: { phone: PhoneNumberDto; branches: Branch[]; agentName: string | undefined }) {
  const trpc = useTRPC();
  const refresh = useRefreshNumbers();
  const remove = useMutation(
    trpc.phone.remove.mutationOptions({
      onSuccess: async () => {
        toast.success(`${n.display} wurde entfernt.`);
        await refresh();
      },
      onError: toastError,
    }),
  );

  return (
    <TableRow data-testid={`phone-${n.number}`}>
      <TableCell className="tabular whitespace-nowrap font-medium">{n.display}</TableCell>
      <TableCell>
        {n.branch ? (
          <>
            {n.branch.name}
            {!n.branch.is_active && <span className="text-muted-foreground"> (inaktiv)</span>}
          </>
        ) : (
          <span className="text-muted-foreground">Erste Filiale</span>
        )}
      </TableCell>
      <TableCell>{n.label ?? dash}</TableCell>
      <TableCell>{n.is_active ? <Badge variant="success">Aktiv</Badge> : <Badge variant="secondary">Pausiert</Badge>}</TableCell>
      <TableCell>
        {n.retell_agent_id ? (
          <>
            {agentName ?? <span className="font-mono text-xs">{n.retell_agent_id}</span>}
            {n.retell_agent_version !== null && <span className="text-muted-foreground"> · Version {n.retell_agent_version}</span>}
          </>
        ) : (
          <span className="text-muted-foreground">Kein Agent zugeordnet</span>
        )}
      </TableCell>
      <TableCell>
        <div className="flex justify-end gap-2">
          <FormDialog trigger={<RowButton icon={Pencil} label="Bearbeiten" aria-label={`Rufnummer ${n.display} bearbeiten`} />}>
            {(close) => <EditNumberForm phone={n} branches={branches} onSaved={close} />}
          </FormDialog>
          <ConfirmDialog
            trigger={<RowButton icon={Trash2} label="Entfernen" aria-label={`Rufnummer ${n.display} entfernen`} />}
            title={`Rufnummer ${n.display} entfernen?`}
            description="Anrufe auf dieser Nummer werden danach keiner Firma mehr zugeordnet: Der Telefonassistent kann dort weder Termine buchen noch Auskünfte geben. In Retell bleibt die Nummer bestehen."
            confirmLabel="Entfernen"
            onConfirm={() => remove.mutateAsync({ id: n.id })}
          />
        </div>
      </TableCell>
    </TableRow>
  );
}
