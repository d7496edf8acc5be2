"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { Pencil, Plus, Scissors } from "lucide-react";
import { formatEuro } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { Branch } from "@/server/services/branch/schemas";
import type { ServiceDto } from "@/server/services/service/schemas";
import { ActiveToggle } from "./active-toggle";
import { FormDialog } from "./form-dialog";
import { BRANCHES_INPUT, SERVICES_INPUT } from "./list-inputs";
import { RowButton } from "./row-button";
import { SectionCard } from "./section-card";
import { ServiceForm } from "./service-form";
import { useRefreshSettings } from "./use-refresh-settings";

/** Leistungen: duration, buffer, price, branch and Cal.com event type; create, edit, deactivate. */
export function ServicesSection() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.service.list.queryOptions(SERVICES_INPUT));
  const { data: branchData } = useSuspenseQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT));
  const create = (
    <FormDialog
      trigger={
        <Button>
          <Plus aria-hidden /> Leistung anlegen
        </Button>
      }
    >
      {(close) => <ServiceForm branches={branchData.branches} onSaved={close} />}
    </FormDialog>
  );

  return (
    <SectionCard id="leistungen" title="Leistungen" description="Was Anrufende buchen können, mit Dauer, Puffer und Preis." action={create}>
      <ListFrame
        data={data.services}
        isEmpty={(list) => list.length === 0}
        empty={{ icon: Scissors, title: "Noch keine Leistung angelegt.", text: "Legen Sie an, was gebucht werden kann, zum Beispiel „Damenhaarschnitt, 45 Minuten“." }}
      >
        {(list) => (
          <Table aria-label="Leistungen">
            <ListTableHeader columns={["Name", "Dauer", "Preis", "Angeboten in", "Mitarbeitende", "Status"]} />
            <TableBody>
              {list.map((s) => (
                <ServiceRow key={s.id} service={s} branches={branchData.branches} />
              ))}
            </TableBody>
          </Table>
        )}
      </ListFrame>
    </SectionCard>
  );
}

function ServiceRow({ service: s, branches }: { service: ServiceDto; branches: Branch[] }) {
  const trpc = useTRPC();
  const refreshSettings = useRefreshSettings();
  const toggle = useMutation(
    trpc.service.update.mutationOptions({
      onSuccess: async ({ service }) => {
        toast.success(service.is_active ? `„${service.name}“ ist wieder buchbar.` : `„${service.name}“ wurde deaktiviert.`);
        await refreshSettings();
      },
      onError: toastError,
    }),
  );
  const branch = s.branch_id ? (branches.find((b) => b.id === s.branch_id)?.name ?? "–") : "Allen Filialen";

  return (
    <TableRow data-testid={`service-${s.name}`}>
      <TableCell className="align-top">
        <div className="font-medium">{s.name}</div>
        {s.description && <div className="max-w-64 text-xs text-muted-foreground">{s.description}</div>}
        {s.calcom_event_type_id !== null && <div className="text-xs text-muted-foreground">Cal.com-Terminart {s.calcom_event_type_id}</div>}
      </TableCell>
      <TableCell className="tabular whitespace-nowrap align-top">
        {s.duration_minutes} Min.
        {s.buffer_minutes > 0 && <div className="text-xs text-muted-foreground">+ {s.buffer_minutes} Min. Puffer</div>}
      </TableCell>
      <TableCell className="tabular whitespace-nowrap align-top">{formatEuro(s.price_cents)}</TableCell>
      <TableCell className="align-top">{branch}</TableCell>
      <TableCell className="tabular align-top">{s.staff_ids.length}</TableCell>
      <TableCell className="align-top">{s.is_active ? <Badge variant="success">Aktiv</Badge> : <Badge variant="secondary">Inaktiv</Badge>}</TableCell>
      <TableCell className="align-top">
        <div className="flex justify-end gap-2">
          <FormDialog
            trigger={
              <RowButton icon={Pencil} label="Bearbeiten" aria-label={`Leistung „${s.name}“ bearbeiten`} />
            }
          >
            {(close) => <ServiceForm service={s} branches={branches} onSaved={close} />}
          </FormDialog>
          <ActiveToggle
            active={s.is_active}
            what={`Leistung „${s.name}“`}
            consequence="Sie kann dann nicht mehr gebucht werden; bestehende Termine bleiben erhalten."
            pending={toggle.isPending}
            onChange={(active) => toggle.mutateAsync({ service_id: s.id, is_active: active })}
          />
        </div>
      </TableCell>
    </TableRow>
  );
}
