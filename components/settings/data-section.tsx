"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { Facts, type Fact } from "@/components/details/facts";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Separator } from "@/components/ui/separator";
import { EXPORT_ENTITY_OPTIONS } from "@/server/services/database/schemas";
import { SectionCard } from "./section-card";

type Statistics = RouterOutputs["database"]["statistics"];
type ExportEntity = (typeof EXPORT_ENTITY_OPTIONS)[number]["value"];

const numberFmt = new Intl.NumberFormat("de-DE");
const percentFmt = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 1 });
const megabytesFmt = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });

/** 2026-03-11 → 11.03.2026 (a calendar day of the company, no time zone to convert). */
function germanDay(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}.${month}.${year}`;
}

function megabytes(bytes: number): string {
  return `${megabytesFmt.format(bytes / 1024 / 1024)} MB`;
}

/** Daten: the company's figures, its data as a download (GDPR request, moving away) and the database's state. */
export function DataSection() {
  return (
    <div className="grid gap-3">
      <StatisticsCard />
      <ExportCard />
      <HealthCard />
    </div>
  );
}

function StatisticsCard() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.database.statistics.queryOptions({}));
  const { counts, appointments, calls } = data;
  const stock: Fact[] = [
    ["Kundschaft", numberFmt.format(counts.customers)],
    ["Termine", numberFmt.format(counts.appointments)],
    ["Anrufe", numberFmt.format(counts.calls)],
    ["Nachrichten", numberFmt.format(counts.messages)],
    ["Aufgaben", `${numberFmt.format(counts.tasks)} (offen: ${numberFmt.format(counts.open_tasks)})`],
    ["Mitarbeitende", numberFmt.format(counts.staff)],
    ["Leistungen", numberFmt.format(counts.services)],
    ["Filialen", numberFmt.format(counts.branches)],
    ["Wissenseinträge", numberFmt.format(counts.knowledge_entries)],
    ["Rufnummern", numberFmt.format(counts.phone_numbers)],
    ["Benutzer", numberFmt.format(counts.users)],
    ["Zahlungen", numberFmt.format(counts.payments)],
  ];
  const period: Fact[] = [
    ["Termine", numberFmt.format(appointments.total)],
    ["Anrufe", numberFmt.format(calls.total)],
    ["davon mit Buchung", numberFmt.format(calls.booked)],
    ["Buchungsquote", calls.booking_rate === null ? "–" : percentFmt.format(calls.booking_rate)],
    ...appointments.per_status.map((s): Fact => [`Status: ${s.label}`, numberFmt.format(s.count)]),
  ];
  return (
    <SectionCard
      id="daten-kennzahlen"
      title="Kennzahlen"
      description={`Bestand der Firma und die letzten 30 Tage (${germanDay(data.from)} bis ${germanDay(data.to)}).`}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="grid content-start gap-3">
          <h3 className="text-sm font-medium">Bestand</h3>
          <Facts label="Bestand" facts={stock} />
        </div>
        <div className="grid content-start gap-3">
          <h3 className="text-sm font-medium">Letzte 30 Tage</h3>
          <Facts label="Letzte 30 Tage" facts={period} />
        </div>
      </div>
      <Separator className="my-5" />
      <DayBars days={appointments.per_day} />
      <div className="mt-5 grid gap-6 lg:grid-cols-2">
        <TopList title="Termine je Mitarbeitenden" rows={appointments.per_staff.map((s) => [s.name, s.count])} />
        <TopList title="Termine je Leistung" rows={appointments.per_service.map((s) => [s.name, s.count])} />
      </div>
    </SectionCard>
  );
}

/** Appointments per calendar day as bars; each bar names its day and count for screen readers. */
function DayBars({ days }: { days: Statistics["appointments"]["per_day"] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-medium">Termine je Tag</h3>
      <ol aria-label="Termine je Tag" className="flex h-20 items-end gap-0.5">
        {days.map((d) => {
          const label = `${germanDay(d.date)}: ${d.count} ${d.count === 1 ? "Termin" : "Termine"}`;
          return (
            <li key={d.date} title={label} aria-label={label} className="flex h-full min-w-0 flex-1 items-end">
              <span className="w-full rounded-sm bg-primary/70" style={{ height: `${Math.max(d.count === 0 ? 0 : 6, (d.count / max) * 100)}%` }} />
            </li>
          );
        })}
      </ol>
      <div className="flex justify-between text-xs text-muted-foreground">
        <span>{days[0] && germanDay(days[0].date)}</span>
        <span>{days.at(-1) && germanDay(days.at(-1)!.date)}</span>
      </div>
    </div>
  );
}

function TopList({ title, rows }: { title: string; rows: Array<[string, number]> }) {
  return (
    <div className="grid content-start gap-3">
      <h3 className="text-sm font-medium">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">Keine Termine im Zeitraum.</p>
      ) : (
        <Facts label={title} facts={rows.slice(0, 8).map(([name, count]): Fact => [name, numberFmt.format(count)])} />
      )}
    </div>
  );
}

function ExportCard() {
  const [entity, setEntity] = useState<ExportEntity>("customers");
  return (
    <SectionCard
      id="daten-export"
      title="Export"
      description="Alle Daten der Firma zum Herunterladen, etwa für eine Auskunft nach der DSGVO oder einen Umzug. Schlüssel, Passwörter und Token sind nicht enthalten; jeder Export wird protokolliert."
    >
      <div className="grid gap-5">
        <div className="grid gap-2">
          <p className="text-sm text-muted-foreground">Eine JSON-Datei mit allen Bereichen (Termine, Kundschaft, Anrufe, Nachrichten, Einstellungen …).</p>
          <div>
            <Button asChild>
              <a href="/api/export?format=json" download>
                <Download aria-hidden="true" />
                Alles als JSON herunterladen
              </a>
            </Button>
          </div>
        </div>
        <Separator />
        <div className="grid gap-2">
          <Label htmlFor="daten-export-bereich">Ein Bereich als CSV (für Excel)</Label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Select value={entity} onValueChange={(v) => setEntity(v as ExportEntity)}>
              <SelectTrigger id="daten-export-bereich" className="sm:w-72">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {EXPORT_ENTITY_OPTIONS.map((o) => (
                  <SelectItem key={o.value} value={o.value}>
                    {o.label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <Button asChild variant="outline">
              <a href={`/api/export?format=csv&entity=${entity}`} download>
                <Download aria-hidden="true" />
                CSV herunterladen
              </a>
            </Button>
          </div>
        </div>
      </div>
    </SectionCard>
  );
}

function HealthCard() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.database.health.queryOptions({}));
  const m = data.migrations;
  const facts: Fact[] = [
    ["Datenbank", `${data.engine_label}, Version ${data.server_version}`],
    ["Antwortzeit", `${numberFmt.format(data.latency_ms)} ms`],
    [
      "Migrationen",
      <span key="m" className="flex flex-wrap items-center gap-2">
        {`${m.applied} von ${m.available} angewendet`}
        {m.up_to_date ? <Badge variant="success">aktuell</Badge> : <Badge variant="warning">{`ausstehend: ${m.pending.join(", ")}`}</Badge>}
      </span>,
    ],
    ["Letzte Migration", m.latest_applied],
    ["Größe", megabytes(data.size_bytes)],
    ["Größte Tabellen", data.tables.slice(0, 5).map((t) => `${t.name} (${megabytes(t.size_bytes)})`).join(", ")],
  ];
  return (
    <SectionCard id="daten-datenbank" title="Datenbank" description="Zustand der Datenbank der Installation (Größe über alle Firmen).">
      <Facts label="Datenbank" facts={facts} />
    </SectionCard>
  );
}
