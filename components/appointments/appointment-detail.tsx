"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeft, CalendarDays, Info, PhoneCall, User } from "lucide-react";
import Link from "next/link";
import { CallOutcomeBadge } from "@/components/calls/call-badges";
import { DetailCard } from "@/components/details/detail-card";
import { Facts, knownFacts, type Fact } from "@/components/details/facts";
import { formatDateTime, formatDuration, formatTime } from "@/components/forms/format";
import { AppointmentMessages } from "@/components/messaging/message-list";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CancelAppointmentDialog } from "./cancel-appointment-dialog";
import { ChangeAppointmentDialog } from "./change-appointment-dialog";
import { EditAppointmentDialog } from "./edit-appointment-dialog";
import { actorText, SOURCE_LABELS } from "./labels";
import { useLastListUrl } from "./last-list";
import { PaymentCard } from "./payment-card";
import type { AppointmentPermissions } from "./permissions";
import { StatusActions } from "./status-actions";
import { StatusBadge } from "./status-badge";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";

/** Everything known about one appointment, with Verschieben and Stornieren while it is active, Erledigt / Nicht erschienen once it began, and Bearbeiten. */
export function AppointmentDetail({ id, permissions }: { id: string; permissions: AppointmentPermissions }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.appointments.get.queryOptions({ appointment_id: id }));
  const { appointment: a, call } = data;
  const active = a.status === "scheduled";
  const backHref = useLastListUrl();
  const minutes = Math.round((new Date(a.ends_at).getTime() - new Date(a.starts_at).getTime()) / 60_000);

  const termin: Fact[] = [
    ["Datum", `${a.weekday}, ${a.date}`],
    ["Uhrzeit", `${a.time}–${formatTime(a.ends_at)} Uhr (${minutes} Min.)`],
    ["Leistung", a.service],
    ["Mitarbeitende", a.staff],
    ["Filiale", a.branch],
    ["Gebucht über", SOURCE_LABELS[a.source]],
    ["Gebucht von", a.created_by],
    ["Notizen", a.notes],
  ];
  const history: Fact[] = [
    ["Verschoben am", a.rescheduled_at && formatDateTime(a.rescheduled_at)],
    ["Verschoben über", actorText(a.rescheduled_by)],
    ["Grund der Verschiebung", a.reschedule_reason],
    ["Storniert am", a.cancelled_at && formatDateTime(a.cancelled_at)],
    ["Storniert über", actorText(a.cancelled_by)],
    ["Grund der Stornierung", a.cancellation_reason],
    ["Status geändert am", a.status_changed_at && formatDateTime(a.status_changed_at)],
    ["Status geändert von", a.status_changed_by],
  ];

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button variant="ghost" size="sm" asChild>
          <Link href={backHref}>
            <ArrowLeft aria-hidden /> Zurück zu den Terminen
          </Link>
        </Button>
        <div className="flex flex-wrap gap-2">
          {permissions.canChange && <StatusActions appointment={a} />}
          {permissions.canChange && a.status !== "cancelled" && <EditAppointmentDialog appointment={a} />}
          {active && permissions.canChange && <ChangeAppointmentDialog appointment={a} />}
          {active && permissions.canCancel && <CancelAppointmentDialog appointment={a} />}
        </div>
      </div>

      <section aria-labelledby="appointment-heading" className="grid gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="appointment-heading" className="text-xl font-semibold tracking-tight">
            {a.service} am {a.date} um {a.time} Uhr
          </h2>
          <StatusBadge status={a.status} />
        </div>
        {active && !a.can_modify && (
          <Alert>
            <Info aria-hidden />
            <AlertDescription>Die Änderungsfrist ist abgelaufen: Am Telefon lässt sich dieser Termin nicht mehr verschieben, hier im Dashboard schon.</AlertDescription>
          </Alert>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <DetailCard icon={User} title="Kundschaft">
          <Facts
            label="Kundschaft"
            facts={[
              ["Name", a.customer_name ?? "Unbekannt"],
              [
                "Telefon",
                <a key="tel" href={`tel:${a.customer_phone}`} className="tabular whitespace-nowrap underline-offset-4 hover:underline">
                  {formatPhoneForDisplay(a.customer_phone)}
                </a>,
              ],
            ]}
          />
        </DetailCard>
        <DetailCard icon={CalendarDays} title="Termin">
          <Facts label="Termin" facts={termin} />
        </DetailCard>
        <DetailCard icon={PhoneCall} title="Anruf">
          {call ? (
            <div className="grid gap-3">
              <Facts
                label="Anruf"
                facts={[
                  ["Zeitpunkt", call.started_at && formatDateTime(call.started_at)],
                  ["Anrufer", call.from_number],
                  ["Dauer", call.duration_ms === null ? null : formatDuration(call.duration_ms / 1000)],
                  ["Ergebnis", <CallOutcomeBadge key="outcome" outcome={call.outcome} />],
                  ["Zusammenfassung", call.summary],
                ]}
              />
              <Button variant="outline" size="sm" className="justify-self-start" asChild>
                <Link href={`/anrufe/${call.id}`}>Anruf mit Transkript öffnen</Link>
              </Button>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">Dieser Termin ist nicht aus einem Anruf entstanden.</p>
          )}
        </DetailCard>
        <AppointmentMessages appointmentId={a.id} />
        <PaymentCard appointmentId={a.id} />
        {knownFacts(history).length > 0 && (
          <DetailCard title="Verlauf">
            <Facts label="Verlauf" facts={history} />
          </DetailCard>
        )}
      </div>
    </div>
  );
}
