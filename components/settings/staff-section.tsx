"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { CalendarOff, Pencil, Plus, Users } from "lucide-react";
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
import type { StaffDto } from "@/server/services/staff/schemas";
import { AbsencesPanel } from "./absences-panel";
import { ActiveToggle } from "./active-toggle";
import { FormDialog } from "./form-dialog";
import { BRANCHES_INPUT, SERVICES_INPUT, STAFF_INPUT } from "./list-inputs";
import type { WeekRanges } from "./hours-editor";
import { summarizeWeek } from "./hours-summary";
import { RowButton } from "./row-button";
import { SectionCard } from "./section-card";
import { StaffForm } from "./staff-form";
import { useRefreshSettings } from "./use-refresh-settings";

/** Mitarbeitende per branch, with the services they offer and their working hours. */
export function StaffSection() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.staff.list.queryOptions(STAFF_INPUT));
  const { data: branchData } = useSuspenseQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT));
  const { data: serviceData } = useSuspenseQuery(trpc.service.list.queryOptions(SERVICES_INPUT));
  const { branches } = branchData;
  const { services } = serviceData;
  const create = (
    <FormDialog
      wide
      trigger={
        <Button disabled={branches.length === 0}>
          <Plus aria-hidden /> Person anlegen
        </Button>
      }
    >
      {(close) => <StaffForm branches={branches} services={services} onSaved={close} />}
    </FormDialog>
  );
  const groups = branches
    .map((branch) => ({ branch, staff: data.staff.filter((s) => s.branch_id === branch.id) }))
    .filter((g) => g.branch.is_active || g.staff.length > 0);

  return (
    <SectionCard id="mitarbeitende" title="Mitarbeitende" description="Wer welche Leistungen anbietet und wann, je Filiale." action={create}>
      <ListFrame
        data={data.staff}
        isEmpty={(list) => list.length === 0}
        empty={{ icon: Users, title: "Noch keine Mitarbeitenden angelegt.", text: "Der eingebaute Kalender vergibt Termine nur an Mitarbeitende, die die Leistung anbieten und zu der Zeit arbeiten." }}
      >
        {() => (
          <div className="grid gap-6">
            {groups.map(({ branch, staff }) => (
              <section key={branch.id} aria-labelledby={`staff-branch-${branch.id}`} className="grid min-w-0 gap-2">
                <h3 id={`staff-branch-${branch.id}`} className="text-sm font-semibold">
                  {branch.name} <span className="font-normal text-muted-foreground">· {staff.length}</span>
                </h3>
                {staff.length === 0 ? (
                  <p className="text-sm text-muted-foreground">Hier arbeitet noch niemand.</p>
                ) : (
                  <StaffTable staff={staff} branch={branch} branches={branches} services={services} />
                )}
              </section>
            ))}
          </div>
        )}
      </ListFrame>
    </SectionCard>
  );
}

function StaffTable({ staff, branch, branches, services }: { staff: StaffDto[]; branch: Branch; branches: Branch[]; services: ServiceDto[] }) {
  return (
    <Table aria-label={`Mitarbeitende ${branch.name}`}>
      <ListTableHeader columns={["Name", "Leistungen", "Arbeitszeiten", "Status"]} />
      <TableBody>
        {staff.map((s) => (
          <StaffRow key={s.id} person={s} branches={branches} services={services} />
        ))}
      </TableBody>
    </Table>
  );
}

function StaffRow({ person: s, branches, services }: { person: StaffDto; branches: Branch[]; services: ServiceDto[] }) {
  const trpc = useTRPC();
  const refreshSettings = useRefreshSettings();
  const toggle = useMutation(
    trpc.staff.update.mutationOptions({
      onSuccess: async ({ staff }) => {
        toast.success(staff.is_active ? `${staff.name} ist wieder buchbar.` : `${staff.name} wurde deaktiviert.`);
        await refreshSettings();
      },
      onError: toastError,
    }),
  );
  const offered = services.filter((x) => s.service_ids.includes(x.id));

  return (
    <TableRow data-testid={`staff-${s.name}`}>
      <TableCell className="align-top">
        <div className="font-medium">{s.name}</div>
        {s.email && <div className="text-xs text-muted-foreground">{s.email}</div>}
      </TableCell>
      <TableCell className="align-top">
        {offered.length === 0 ? (
          <span className="text-muted-foreground">Keine</span>
        ) : (
          <div className="flex max-w-64 flex-wrap gap-1">
            {offered.map((x) => (
              <Badge key={x.id} variant="outline">
                {x.name}
              </Badge>
            ))}
          </div>
        )}
      </TableCell>
      <TableCell className="tabular min-w-48 align-top text-sm">{summarizeWeek(s.working_hours as WeekRanges)}</TableCell>
      <TableCell className="align-top">{s.is_active ? <Badge variant="success">Aktiv</Badge> : <Badge variant="secondary">Inaktiv</Badge>}</TableCell>
      <TableCell className="align-top">
        <div className="flex justify-end gap-2">
          <FormDialog
            wide
            trigger={
              <RowButton icon={Pencil} label="Bearbeiten" aria-label={`${s.name} bearbeiten`} />
            }
          >
            {(close) => <StaffForm staff={s} branches={branches} services={services} onSaved={close} />}
          </FormDialog>
          <FormDialog
            trigger={
              <RowButton icon={CalendarOff} label="Abwesenheiten" aria-label={`Abwesenheiten von ${s.name}`} />
            }
          >
            {() => <AbsencesPanel person={s} />}
          </FormDialog>
          <ActiveToggle
            active={s.is_active}
            what={s.name}
            consequence="Für neue Termine wird die Person dann nicht mehr eingeplant; bestehende Termine bleiben erhalten."
            pending={toggle.isPending}
            onChange={(active) => toggle.mutateAsync({ staff_id: s.id, is_active: active })}
          />
        </div>
      </TableCell>
    </TableRow>
  );
}
