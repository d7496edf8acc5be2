"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeft, CalendarDays, ClipboardList, FlaskConical, MessagesSquare, PhoneCall } from "lucide-react";
import Link from "next/link";
import { STATUS_LABELS, type AppointmentStatus } from "@/components/appointments/labels";
import { StatusBadge } from "@/components/appointments/status-badge";
import { DetailCard } from "@/components/details/detail-card";
import { Facts, type Fact } from "@/components/details/facts";
import { formatDate, formatDateTime, formatDuration, formatTime } from "@/components/forms/format";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";
import { CALL_STATUS_LABELS, CallOutcomeBadge, SentimentBadge } from "./call-badges";
import { callerLabel, callTitle, callWhen } from "./call-title";
import { Transcript } from "./transcript";

/** What collect_appointment_data gathered, by its field names. */
const COLLECTED_LABELS: Record<string, string> = {
  name: "Name",
  telefonnummer: "Telefonnummer",
  dienstleistung: "Leistung",
  datum: "Datum",
  uhrzeit: "Uhrzeit",
  email: "E-Mail",
  mitarbeiter_wunsch: "Gewünschte Mitarbeitende",
  notizen: "Notizen",
};

function collectedFields(data: unknown): Fact[] {
  const fields = (data as { fields?: Record<string, unknown> } | null)?.fields;
  if (!fields || typeof fields !== "object") return [];
  return Object.entries(fields).flatMap(([key, value]) => (typeof value === "string" && value ? [[COLLECTED_LABELS[key] ?? key, value] as Fact] : []));
}

const isStatus = (value: string): value is AppointmentStatus => value in STATUS_LABELS;

/**
 * One call: who, when, how long, how it went, the appointment it produced, and the transcript.
 * With `canReplay` (admins) a link opens the call's function calls in the Funktionstest.
 */
export function CallDetail({ id, canReplay = false }: { id: string; canReplay?: boolean }) {
  const trpc = useTRPC();
  const { call: c } = useSuspenseQuery(trpc.webhook.getCall.queryOptions({ call_id: id })).data;
  const collected = collectedFields(c.collected_data);

  const facts: Fact[] = [
    c.started_at ? ["Beginn", formatDateTime(c.started_at)] : ["Eingegangen", formatDateTime(c.created_at)],
    ["Ende", c.ended_at && formatDateTime(c.ended_at)],
    ["Dauer", c.duration_ms === null ? null : formatDuration(c.duration_ms / 1000)],
    ["Anrufer", <span key="caller" className="tabular whitespace-nowrap">{callerLabel(c.from_number)}</span>],
    ["Kundschaft", c.customer?.name],
    ["Angerufene Nummer", c.to_number && <span key="to" className="tabular whitespace-nowrap">{formatPhoneForDisplay(c.to_number)}</span>],
    ["Filiale", c.branch],
    ["Status", c.status && (CALL_STATUS_LABELS[c.status] ?? c.status)],
    ["Ergebnis", <CallOutcomeBadge key="outcome" outcome={c.outcome} />],
    ["Stimmung", <SentimentBadge key="sentiment" sentiment={c.sentiment} />],
    ["Erfolgreich", c.successful === null ? null : c.successful ? "Ja" : "Nein"],
    [
      "Aufnahme",
      c.recording_url?.startsWith("https://") && (
        <a key="rec" href={c.recording_url} target="_blank" rel="noreferrer" className="underline underline-offset-4">
          Aufnahme anhören
        </a>
      ),
    ],
  ];

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button variant="ghost" size="sm" asChild>
          <Link href="/anrufe">
            <ArrowLeft aria-hidden /> Zurück zu den Anrufen
          </Link>
        </Button>
        {canReplay && (
          <Button variant="outline" size="sm" asChild>
            <Link href={`/funktionstest?anruf=${encodeURIComponent(c.id)}`} data-testid="call-replay">
              <FlaskConical aria-hidden /> Funktionsaufrufe im Funktionstest
            </Link>
          </Button>
        )}
      </div>
      <div className="grid gap-1">
        <h2 className="text-xl font-semibold tracking-tight">{callTitle(c.customer?.name, c.from_number)}</h2>
        <p className="tabular text-sm text-muted-foreground" data-testid="call-when">
          {c.started_at ? `${formatDate(c.started_at)} um ${formatTime(c.started_at)} Uhr` : callWhen(null, c.created_at)}
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <DetailCard icon={PhoneCall} title="Gespräch" contentClassName="grid gap-4">
          <Facts label="Gespräch" facts={facts} />
          {c.summary && (
            <div className="grid gap-1">
              <h3 className="text-sm font-medium">Zusammenfassung</h3>
              <p className="text-sm">{c.summary}</p>
            </div>
          )}
        </DetailCard>
        <div className="grid content-start gap-6">
          <DetailCard icon={CalendarDays} title="Termin aus diesem Anruf">
            {c.appointment ? (
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <Link href={`/termine/${c.appointment.id}`} className="font-medium underline underline-offset-4">
                  {c.appointment.service} am {formatDate(c.appointment.starts_at)} um {formatTime(c.appointment.starts_at)} Uhr
                </Link>
                {isStatus(c.appointment.status) && <StatusBadge status={c.appointment.status} />}
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">In diesem Anruf wurde kein Termin gebucht.</p>
            )}
          </DetailCard>
          {collected.length > 0 && (
            <DetailCard icon={ClipboardList} title="Gesammelte Angaben">
              <Facts label="Gesammelte Angaben" facts={collected} />
            </DetailCard>
          )}
        </div>
      </div>

      <DetailCard icon={MessagesSquare} title="Transkript">
        <Transcript turns={c.transcript_turns} text={c.transcript} />
      </DetailCard>
    </div>
  );
}
