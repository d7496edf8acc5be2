"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CalendarOff, Pencil, Plus, Store } from "lucide-react";
import { ListFrame } from "@/components/lists/list-frame";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { Branch } from "@/server/services/branch/schemas";
import { isGermanState } from "@/server/scheduling/holidays";
import { breaksToRanges, openingsToRanges } from "./branch-hours";
import { BranchForm } from "./branch-form";
import { BranchSpecialDays } from "./branch-special-days";
import { FormDialog } from "./form-dialog";
import { BRANCHES_INPUT } from "./list-inputs";
import { GERMAN_STATE_NAMES } from "./german-states";
import { summarizeWeek } from "./hours-summary";
import { RowButton } from "./row-button";
import { SectionCard } from "./section-card";

/** Filialen: address, state and hours of every branch, inactive ones included. */
export function BranchesSection() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT));
  const create = (
    <FormDialog
      wide
      trigger={
        <Button>
          <Plus aria-hidden /> Filiale anlegen
        </Button>
      }
    >
      {(close) => <BranchForm onSaved={close} />}
    </FormDialog>
  );

  return (
    <SectionCard id="filialen" title="Filialen und Öffnungszeiten" description="Adressen, Bundesland für Feiertage, Öffnungszeiten und Pausen je Filiale." action={create}>
      <ListFrame
        data={data.branches}
        isEmpty={(list) => list.length === 0}
        empty={{ icon: Store, title: "Noch keine Filiale angelegt.", text: "Ohne Filiale mit Öffnungszeiten kann der eingebaute Kalender keine Termine anbieten." }}
      >
        {(list) => (
          <Table aria-label="Filialen">
            <ListTableHeader columns={["Name", "Adresse", "Öffnungszeiten", "Status"]} />
            <TableBody>
              {list.map((b) => (
                <BranchRow key={b.id} branch={b} />
              ))}
            </TableBody>
          </Table>
        )}
      </ListFrame>
    </SectionCard>
  );
}

function BranchRow({ branch: b }: { branch: Branch }) {
  const place = [b.postal_code, b.city].filter(Boolean).join(" ");
  const breaks = summarizeWeek(breaksToRanges(b.business_hours.breaks));
  return (
    <TableRow data-testid={`branch-${b.name}`}>
      <TableCell className="align-top">
        <div className="font-medium">{b.name}</div>
        {b.phone && <div className="tabular text-xs text-muted-foreground">{b.phone}</div>}
      </TableCell>
      <TableCell className="align-top text-sm">
        {b.street || place ? (
          <>
            <div>{b.street}</div>
            <div className="text-muted-foreground">{place}</div>
          </>
        ) : (
          <span className="text-muted-foreground">–</span>
        )}
        {b.state && isGermanState(b.state) && <div className="text-xs text-muted-foreground">{GERMAN_STATE_NAMES[b.state]}</div>}
      </TableCell>
      <TableCell className="tabular min-w-56 align-top text-sm" data-testid="opening-hours">
        <div>{summarizeWeek(openingsToRanges(b.business_hours.weekly))}</div>
        {Object.keys(b.business_hours.breaks).length > 0 && <div className="text-xs text-muted-foreground">Pausen: {breaks}</div>}
      </TableCell>
      <TableCell className="align-top">{b.is_active ? <Badge variant="success">Aktiv</Badge> : <Badge variant="secondary">Inaktiv</Badge>}</TableCell>
      <TableCell className="text-right align-top">
        <FormDialog
          wide
          trigger={
            <RowButton icon={Pencil} label="Bearbeiten" aria-label={`Filiale „${b.name}“ bearbeiten`} />
          }
        >
          {(close) => <BranchForm branch={b} onSaved={close} />}
        </FormDialog>
        <FormDialog trigger={<RowButton icon={CalendarOff} label="Sondertage" aria-label={`Sondertage von „${b.name}“`} />}>
          {() => <BranchSpecialDays branch={b} />}
        </FormDialog>
      </TableCell>
    </TableRow>
  );
}
