"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleAlert } from "lucide-react";
import Link from "next/link";
import { formatTime } from "@/components/forms/format";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { ErrorRate } from "@/server/platform/call-window";
import type { CircuitStateName, OutboundService } from "@/server/platform/resilience";
import type { ServerCheck } from "@/server/services/meta/schemas";
import { counted } from "./chart-scale";
import { checkDetail, checkFindings, healthSummary, STATUS_WORDS } from "./server-health";

const SERVICE_NAMES: Record<OutboundService, string> = { calcom: "Cal.com", retell: "Retell AI", external_api: "Externe Schnittstellen", sms: "SMS-Anbieter" };

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

/** Health of every MCP server as its own check found it (with what to do), the outbound circuit breakers and the error rate; refreshed while the page is open. */
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
          <ServerHealth checks={health.data.checks} />
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

function ServerHealth({ checks }: { checks: Record<string, ServerCheck> }) {
  const entries = Object.entries(checks);
  const { faults, notConfigured } = checkFindings(checks);
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground" data-testid="server-health-summary">
        {healthSummary(checks)}
      </p>
      <ul className="flex flex-wrap gap-1.5" aria-label="Zustand der Dienste">
        {entries.map(([name, c]) => {
          const { word, variant } = STATUS_WORDS[c.status];
          return (
            <li key={name}>
              <Badge variant={variant} title={checkDetail(c, formatTime)} className="font-mono" data-testid={`server-health-${name}`}>
                <span className="sr-only">{word}: </span>
                {name}
              </Badge>
            </li>
          );
        })}
      </ul>
      {faults.length > 0 && (
        <ul className="grid gap-1.5" aria-label="Störungen">
          {faults.map((f) => (
            <li key={f.check} className={f.status === "down" ? "text-sm text-destructive" : "text-sm text-warning"} data-testid={`health-fault-${f.check}`}>
              <span className="font-medium">{f.label}:</span> {f.message}
              {f.action && (
                <>
                  {" "}
                  {f.href ? (
                    <Link href={f.href} className="underline underline-offset-2">
                      {f.action}
                    </Link>
                  ) : (
                    f.action
                  )}
                  .
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {notConfigured.length > 0 && (
        <p className="text-xs text-muted-foreground" data-testid="health-not-configured">
          Nicht eingerichtet (kein Fehler): {notConfigured.map((f) => f.label).join(", ")}.
        </p>
      )}
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
