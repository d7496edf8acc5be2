"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleAlert } from "lucide-react";
import { formatTime } from "@/components/forms/format";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { ErrorRate } from "@/server/platform/call-window";
import type { CircuitStateName, OutboundService } from "@/server/platform/resilience";
import { counted } from "./chart-scale";

const SERVICE_NAMES: Record<OutboundService, string> = { calcom: "Cal.com", retell: "Retell AI", external_api: "Externe Schnittstellen" };

const CIRCUIT_STATES: Record<CircuitStateName, { label: string; variant: "success" | "destructive" | "warning"; hint: string }> = {
  closed: { label: "Normal", variant: "success", hint: "Aufrufe laufen normal." },
  open: { label: "Unterbrochen", variant: "destructive", hint: "Nach wiederholten Fehlern werden Aufrufe vorübergehend abgewiesen." },
  half_open: { label: "Wird geprüft", variant: "warning", hint: "Ein Testaufruf prüft, ob der Dienst wieder antwortet." },
};

const percent = new Intl.NumberFormat("de-DE", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid content-start gap-3" aria-label={title}>
      <h3 className="text-sm font-medium">{title}</h3>
      {children}
    </section>
  );
}

function Unavailable() {
  return (
    <p className="flex items-center gap-2 text-sm text-destructive">
      <CircleAlert className="size-4" aria-hidden /> Der Zustand konnte nicht abgefragt werden.
    </p>
  );
}

/** Health of every MCP server, the outbound circuit breakers and the error rate; refreshed while the page is open. */
export function SystemStatus() {
  const trpc = useTRPC();
  const health = useQuery({ ...trpc.mcp.health.queryOptions({}), refetchInterval: 60_000 });
  const operations = useQuery({ ...trpc.dashboard.operations.queryOptions(), refetchInterval: 30_000 });

  return (
    <div className="grid gap-6 md:grid-cols-3">
      <Section title="Dienste">
        {health.isPending ? (
          <Skeleton className="h-24" />
        ) : health.isError ? (
          <Unavailable />
        ) : (
          <ServerHealth servers={health.data.servers} />
        )}
      </Section>
      <Section title="Externe Verbindungen">
        {operations.isPending ? (
          <Skeleton className="h-24" />
        ) : operations.isError ? (
          <Unavailable />
        ) : (
          <ul className="grid gap-2" aria-label="Schutzschalter">
            {operations.data.circuits.map((c) => {
              const state = CIRCUIT_STATES[c.state];
              return (
                <li key={c.service} className="flex items-center justify-between gap-3 text-sm" title={state.hint}>
                  <span>{SERVICE_NAMES[c.service]}</span>
                  <Badge variant={state.variant} data-testid={`circuit-${c.service}`}>
                    {state.label}
                  </Badge>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <Section title="Fehlerquote">
        {operations.isPending ? <Skeleton className="h-24" /> : operations.isError ? <Unavailable /> : <ErrorRateFigure rate={operations.data.errorRate} />}
      </Section>
    </div>
  );
}

function ServerHealth({ servers }: { servers: Record<string, { status: "healthy" | "unhealthy"; message: string | null }> }) {
  const entries = Object.entries(servers);
  const unhealthy = entries.filter(([, h]) => h.status !== "healthy");
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground" data-testid="server-health-summary">
        {unhealthy.length === 0
          ? `Alle ${entries.length} Dienste sind bereit.`
          : `${unhealthy.length} von ${entries.length} Diensten gestört.`}
      </p>
      <ul className="flex flex-wrap gap-1.5" aria-label="Zustand der Dienste">
        {entries.map(([name, h]) => (
          <li key={name}>
            <Badge variant={h.status === "healthy" ? "success" : "destructive"} title={h.message ?? undefined} className="font-mono">
              <span className="sr-only">{h.status === "healthy" ? "bereit: " : "gestört: "}</span>
              {name}
            </Badge>
          </li>
        ))}
      </ul>
      {unhealthy.map(([name, h]) => (
        <p key={name} className="text-sm text-destructive">
          {name}: {h.message ?? "Statusprüfung fehlgeschlagen"}
        </p>
      ))}
    </div>
  );
}

function ErrorRateFigure({ rate }: { rate: ErrorRate }) {
  const period = rate.sinceProcessStart ? `seit dem Serverstart um ${formatTime(rate.since)} Uhr` : "in der letzten Stunde";
  return (
    <div className="grid gap-1">
      <p className="tabular text-3xl font-semibold tracking-tight" data-testid="error-rate">
        {rate.rate === null ? "–" : percent.format(rate.rate)}
      </p>
      <p className="text-sm text-muted-foreground">
        {rate.total === 0
          ? `Keine Aufrufe ${period}.`
          : `${counted(rate.failed, "Fehler", "Fehler")} bei ${counted(rate.total, "Aufruf", "Aufrufen")} ${period}.`}
      </p>
      {rate.sinceProcessStart && <p className="text-xs text-muted-foreground">Der Server läuft noch keine Stunde; gezählt wird ab seinem Start.</p>}
    </div>
  );
}
