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
import { counted } from "./chart-scale";
import { checkDetail, checkFindings, healthSummary, queueFinding, STATUS_WORDS, type CheckFinding } from "./server-health";

const SERVICE_NAMES: Record<OutboundService, string> = { calcom: "Cal.com", retell: "Retell AI", external_api: "Externe Schnittstellen", sms: "SMS-Anbieter" };

const CIRCUIT_STATES: Record<CircuitStateName, { label: string; variant: "success" | "destructive" | "warning"; hint: string }> = {
  closed: { label: "Normal", variant: "success", hint: "Aufrufe laufen normal." },
  open: { label: "Unterbrochen", variant: "destructive", hint: "Nach wiederholten Fehlern werden Aufrufe vorübergehend abgewiesen." },
  half_open: { label: "Wird geprüft", variant: "warning", hint: "Ein Testaufruf prüft, ob der Dienst wieder antwortet." },
};

const percent = new Intl.NumberFormat("de-DE", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

function Section({ title, className, children }: { title: string; className?: string; children: React.ReactNode }) {
  return (
    <section className={`grid content-start gap-3 ${className ?? ""}`} aria-label={title}>
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

/**
 * The state of each dependency in plain words with what to do (linked to where it is fixed) and
 * the error rate; server names, latencies and circuit breakers under "Technische Details".
 * Refreshed while the page is open.
 */
export function SystemStatus() {
  const trpc = useTRPC();
  const health = useQuery({ ...trpc.mcp.health.queryOptions({}), refetchInterval: 60_000 });
  const operations = useQuery({ ...trpc.dashboard.operations.queryOptions(), refetchInterval: 30_000 });
  const findings = health.data ? checkFindings(health.data.checks) : null;
  const queue = operations.data ? queueFinding(operations.data.queue, new Date(operations.dataUpdatedAt).toISOString()) : null;

  return (
    <div className="grid gap-6">
      <div className="grid gap-6 lg:grid-cols-3">
        <Section title="Dienste" className="lg:col-span-2">
          {health.isPending ? <Skeleton className="h-24" /> : health.isError || !findings ? <Unavailable /> : <DependencyList shown={queue ? [...findings.shown, queue] : findings.shown} />}
        </Section>
        <Section title="Fehlerquote">
          {operations.isPending ? <Skeleton className="h-24" /> : operations.isError ? <Unavailable /> : <ErrorRateFigure rate={operations.data.errorRate} />}
        </Section>
      </div>
      <details className="group rounded-md border px-4 py-3 text-sm" data-testid="technical-details">
        <summary className="cursor-pointer select-none font-medium text-muted-foreground hover:text-foreground">Technische Details</summary>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <Section title="Prüfungen">{findings ? <TechnicalChecks all={findings.all} /> : health.isPending ? <Skeleton className="h-24" /> : <Unavailable />}</Section>
          <Section title="Externe Verbindungen">
            {operations.isPending ? (
              <Skeleton className="h-24" />
            ) : operations.data ? (
              <ul className="grid gap-2" aria-label="Schutzschalter">
                {operations.data.circuits.map((c) => {
                  const state = CIRCUIT_STATES[c.state];
                  return (
                    <li key={c.service} className="flex items-center justify-between gap-3" title={state.hint}>
                      <span>{SERVICE_NAMES[c.service]}</span>
                      <Badge variant={state.variant} data-testid={`circuit-${c.service}`}>
                        {state.label}
                      </Badge>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <Unavailable />
            )}
          </Section>
        </div>
      </details>
    </div>
  );
}

function DependencyList({ shown }: { shown: CheckFinding[] }) {
  return (
    <div className="grid gap-3">
      <p className="text-sm font-medium" data-testid="server-health-summary">
        {healthSummary(shown)}
      </p>
      <ul className="grid gap-3" aria-label="Zustand der Dienste">
        {shown.map((f) => {
          const { word, variant } = STATUS_WORDS[f.status];
          return (
            <li key={f.check} className="grid gap-1 text-sm sm:grid-cols-[12rem_1fr] sm:gap-3" data-testid={`health-${f.check}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{f.label}</span>
                <Badge variant={variant} data-testid={`health-state-${f.check}`}>
                  {word}
                </Badge>
              </div>
              <p className="text-muted-foreground">
                {f.message}
                {f.action && (
                  <>
                    {" "}
                    {f.href ? (
                      <Link href={f.href} className="font-medium text-foreground underline underline-offset-2">
                        {f.action}
                      </Link>
                    ) : (
                      <span className="font-medium text-foreground">{f.action}</span>
                    )}
                    .
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function TechnicalChecks({ all }: { all: CheckFinding[] }) {
  return (
    <ul className="grid gap-3" aria-label="Prüfungen der Server">
      {all.map((f) => (
        <li key={f.check} className="grid gap-0.5" data-testid={`health-detail-${f.check}`}>
          <span>
            <span className="font-medium">{f.label}</span> <code className="text-xs">{f.check}</code>: {STATUS_WORDS[f.status].word}
          </span>
          <span className="text-xs text-muted-foreground">
            {f.message} {checkDetail(f, formatTime)}
            {f.technicalAction && ` Hinweis: ${f.technicalAction}.`}
          </span>
          <span className="break-words font-mono text-xs text-muted-foreground">Server: {f.servers.join(", ")}</span>
        </li>
      ))}
    </ul>
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
      <p className="text-xs text-muted-foreground">Abgelehnte Anfragen, etwa ein schon vergebener Termin oder eine Anfrage außerhalb der Öffnungszeiten, zählen nicht als Fehler.</p>
      {rate.sinceProcessStart && <p className="text-xs text-muted-foreground">Der Server läuft noch keine Stunde; gezählt wird ab seinem Start.</p>}
    </div>
  );
}
