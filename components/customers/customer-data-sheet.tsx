"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Printer } from "lucide-react";
import { SOURCE_LABELS, STATUS_LABELS } from "@/components/appointments/labels";
import { CALL_OUTCOME_LABELS } from "@/components/dashboard/overview/call-outcome";
import { PrintOnlyContent } from "@/components/dashboard/print-only-content";
import { formatDateTime, formatDuration, formatEuro } from "@/components/forms/format";
import { CHANNEL_LABELS, MESSAGE_KIND_LABELS } from "@/components/messaging/message-labels";
import { TASK_STATUS_LABELS } from "@/components/tasks/callback-queries";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";
import type { CustomerExport } from "@/server/services/privacy/schemas";
import { PAYMENT_KIND_LABELS, PAYMENT_STATE_LABELS } from "@/server/services/stripe/schemas";

const when = (iso: string | null) => (iso ? formatDateTime(iso) : "–");
const text = (value: string | null | undefined) => (value && value.trim() ? value : "–");
const label = <K extends string>(labels: Partial<Record<K, string | { label: string }>>, key: string | null) => {
  const found = key ? labels[key as K] : undefined;
  return typeof found === "string" ? found : (found?.label ?? key ?? "–");
};

/** Everything stored about one customer as readable German sections, ready to print or save as PDF. */
export function CustomerDataSheet({ customerId }: { customerId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.privacy.exportCustomer.queryOptions({ customer_id: customerId }));
  const c = data.customer;
  return (
    <article className="grid gap-8 text-sm print:text-xs" aria-labelledby="customer-data-heading">
      <PrintOnlyContent />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id="customer-data-heading" className="text-2xl font-semibold tracking-tight">
            Gespeicherte Daten: {c.erased_at ? "Kunde gelöscht" : text(c.name)}
          </h1>
          <p className="text-muted-foreground">
            {data.company.name} · Stand {when(data.exported_at)}
          </p>
        </div>
        <Button type="button" data-print-hidden onClick={() => window.print()}>
          <Printer aria-hidden /> Drucken
        </Button>
      </div>

      <Section title="Kontakt und Einwilligungen">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <Row term="Name" value={text(c.name)} />
          <Row term="Telefon" value={text(formatPhoneForDisplay(c.phone))} />
          <Row term="E-Mail" value={text(c.email)} />
          <Row term="Notizen" value={text(c.notes)} />
          <Row term="SMS" value={c.sms_opt_out ? "keine SMS gewünscht" : "erlaubt"} />
          <Row term="E-Mails" value={c.email_opt_out ? "keine E-Mails gewünscht" : "erlaubt"} />
          <Row term="Karte für Ausfallgebühr" value={c.card_consent_at ? `Einwilligung am ${when(c.card_consent_at)}` : "keine Einwilligung"} />
          <Row term="Stornierungen" value={String(c.cancellation_count)} />
          <Row term="Nicht erschienen" value={String(c.no_show_count)} />
          <Row term="Kunde seit" value={when(c.created_at)} />
          {c.erased_at && <Row term="Daten gelöscht am" value={when(c.erased_at)} />}
        </dl>
      </Section>

      <Section title="Termine" count={data.appointments.length}>
        <Table head={["Termin", "Leistung", "Mitarbeitende", "Filiale", "Status", "Gebucht über", "Notizen"]}>
          {data.appointments.map((a) => (
            <tr key={a.id} className="break-inside-avoid border-b align-top">
              <Cell>{when(a.starts_at)}</Cell>
              <Cell>{a.service}</Cell>
              <Cell>{text(a.staff)}</Cell>
              <Cell>{a.branch}</Cell>
              <Cell>
                {label(STATUS_LABELS, a.status)}
                {a.cancellation_reason && ` (${a.cancellation_reason})`}
              </Cell>
              <Cell>{label(SOURCE_LABELS, a.source)}</Cell>
              <Cell>{text(a.notes)}</Cell>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title="Anrufe" count={data.calls.length}>
        {data.calls.map((call) => (
          <div key={call.id} className="grid gap-2 break-inside-avoid border-b pb-3">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
              <Row term="Zeit" value={when(call.started_at)} />
              <Row term="Von" value={text(formatPhoneForDisplay(call.from_number))} />
              <Row term="Dauer" value={call.duration_ms == null ? "–" : formatDuration(call.duration_ms / 1000)} />
              <Row term="Ergebnis" value={label(CALL_OUTCOME_LABELS, call.outcome)} />
              <Row term="Zusammenfassung" value={text(call.summary)} />
              <Row term="Erfasste Angaben" value={jsonText(call.collected_data)} />
              <Row term="Aufnahme" value={call.recording_url ? "vorhanden" : "–"} />
              {call.content_removed_at && <Row term="Inhalt gelöscht am" value={when(call.content_removed_at)} />}
            </dl>
            {call.transcript && (
              <div>
                <p className="font-medium">Transkript</p>
                <p className="whitespace-pre-line text-muted-foreground print:text-black">{call.transcript}</p>
              </div>
            )}
          </div>
        ))}
      </Section>

      <Section title="Rückrufe" count={data.tasks.length}>
        <Table head={["Erstellt", "Anliegen", "Status", "Angaben"]}>
          {data.tasks.map((t) => (
            <tr key={t.id} className="break-inside-avoid border-b align-top">
              <Cell>{when(t.created_at)}</Cell>
              <Cell>{t.title}</Cell>
              <Cell>{label(TASK_STATUS_LABELS, t.status)}</Cell>
              <Cell>{jsonText(t.details)}</Cell>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title="Nachrichten" count={data.messages.length}>
        <Table head={["Erstellt", "Art", "Weg", "An", "Text", "Gesendet"]}>
          {data.messages.map((m) => (
            <tr key={m.id} className="break-inside-avoid border-b align-top">
              <Cell>{when(m.created_at)}</Cell>
              <Cell>{label(MESSAGE_KIND_LABELS, m.kind)}</Cell>
              <Cell>{label(CHANNEL_LABELS, m.channel)}</Cell>
              <Cell>{text(m.channel === "sms" ? formatPhoneForDisplay(m.to) : m.to)}</Cell>
              <Cell>
                {m.subject && <span className="font-medium">{m.subject}: </span>}
                <span className="whitespace-pre-line">{m.body}</span>
              </Cell>
              <Cell>{when(m.sent_at)}</Cell>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title="Zahlungen" count={data.payments.length}>
        <Table head={["Erstellt", "Art", "Betrag", "Erstattet", "Status", "Bezahlt am"]}>
          {data.payments.map((p) => (
            <tr key={p.id} className="break-inside-avoid border-b align-top">
              <Cell>{when(p.created_at)}</Cell>
              <Cell>{label(PAYMENT_KIND_LABELS, p.kind)}</Cell>
              <Cell>{formatEuro(p.amount_cents)}</Cell>
              <Cell>{p.refunded_cents ? formatEuro(p.refunded_cents) : "–"}</Cell>
              <Cell>{label(PAYMENT_STATE_LABELS, p.state)}</Cell>
              <Cell>{when(p.paid_at)}</Cell>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title="Protokoll" count={data.audit.length}>
        <Table head={["Zeit", "Aktion", "Von", "Ergebnis"]}>
          {data.audit.map((r, i) => (
            <tr key={i} className="break-inside-avoid border-b align-top">
              <Cell>{when(r.created_at)}</Cell>
              <Cell>{r.action}</Cell>
              <Cell>{text(r.actor_name)}</Cell>
              <Cell>{r.outcome === "success" ? "erfolgreich" : "Fehler"}</Cell>
            </tr>
          ))}
        </Table>
      </Section>
    </article>
  );
}

/** Collected data and task details: one "Schlüssel: Wert" per line. */
function jsonText(value: CustomerExport["calls"][number]["collected_data"]): string {
  if (value == null) return "–";
  if (typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value);
  const lines = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v != null && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  return lines.length ? lines.join("\n") : "–";
}

function Section({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="grid gap-3">
      <h2 className="border-b pb-1 text-lg font-semibold">
        {title}
        {count !== undefined && <span className="text-sm font-normal text-muted-foreground"> · {count}</span>}
      </h2>
      {count === 0 ? <p className="text-muted-foreground">Keine Einträge.</p> : children}
    </section>
  );
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt className="font-medium">{term}</dt>
      <dd className="whitespace-pre-line">{value}</dd>
    </>
  );
}

function Table({ head, children }: { head: string[]; children: React.ReactNode }) {
  return (
    <table className="w-full border-collapse">
      <thead>
        <tr className="border-b text-left text-xs uppercase tracking-wide text-muted-foreground">
          {head.map((h) => (
            <th key={h} className="py-1 pr-3 font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function Cell({ children }: { children: React.ReactNode }) {
  return <td className="whitespace-pre-line py-1.5 pr-3">{children}</td>;
}
