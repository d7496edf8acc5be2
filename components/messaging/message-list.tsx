"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Mail, MessageSquare, Smartphone } from "lucide-react";
import { useId } from "react";
import { DetailCard } from "@/components/details/detail-card";
import { formatDateTime } from "@/components/forms/format";
import { errorMessage } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import type { MessageDto } from "@/server/services/messaging-delivery/schemas";
import { CHANNEL_LABELS, MESSAGE_KIND_LABELS, messageStateInfo } from "./message-labels";

/**
 * Nachrichten of one appointment (Bestätigung, Änderung, Absage, Erinnerungen) with channel,
 * recipient, state and time, and the customer's "keine SMS" / "keine E-Mails".
 */
export function AppointmentMessages({ appointmentId }: { appointmentId: string }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.messaging.delivery.listForAppointment.queryOptions({ appointment_id: appointmentId }),
    // While something waits to go out or for the provider's delivery report, look again now and then.
    refetchInterval: (q) => (q.state.data?.messages.some(awaitsNews) ? 15_000 : false),
  });

  return (
    <section aria-label="Nachrichten an die Kundschaft" className="min-w-0">
      <DetailCard icon={MessageSquare} title="Nachrichten" contentClassName="grid gap-4">
        <ListFrame
          query={query}
          loadingLabel="Nachrichten werden geladen"
          loadingRows={2}
          error={() => "Die Nachrichten konnten nicht geladen werden."}
          isEmpty={(data) => data.messages.length === 0}
          empty={{ icon: MessageSquare, title: "Zu diesem Termin gibt es noch keine Nachrichten." }}
        >
          {(data) => (
            <ul className="grid gap-3" aria-label="Nachrichten zum Termin">
              {data.messages.map((m) => (
                <MessageItem key={m.id} message={m} />
              ))}
            </ul>
          )}
        </ListFrame>
        {query.data && <OptOuts appointmentId={appointmentId} customer={query.data.customer} />}
      </DetailCard>
    </section>
  );
}

/** Queued, or an SMS sent within the last half hour whose delivery report may still come. */
function awaitsNews(m: MessageDto): boolean {
  if (m.state === "queued") return !m.send_at || new Date(m.send_at).getTime() - Date.now() < 15 * 60_000;
  return m.state === "sent" && m.channel === "sms" && m.sent_at !== null && Date.now() - new Date(m.sent_at).getTime() < 30 * 60_000;
}

function MessageItem({ message: m }: { message: MessageDto }) {
  const state = messageStateInfo(m.state, m.error);
  const Icon = m.channel === "email" ? Mail : Smartphone;
  return (
    <li className="grid gap-1 rounded-md border p-3 text-sm" data-testid="appointment-message">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex items-center gap-2 font-medium">
          <Icon className="size-4 text-muted-foreground" aria-hidden />
          {MESSAGE_KIND_LABELS[m.kind]} per {CHANNEL_LABELS[m.channel]}
        </span>
        <Badge variant={state.variant} className="max-w-full whitespace-normal">
          {state.label}
        </Badge>
      </div>
      <div className="flex flex-wrap justify-between gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span className="break-all">an {m.to}</span>
        <span className="tabular">{when(m)}</span>
      </div>
    </li>
  );
}

/** The time that matters for the state (the badge names the state): planned, sent, delivered, or written. */
function when(m: MessageDto): string {
  if (m.state === "delivered" && m.delivered_at) return `Zustellung ${formatDateTime(m.delivered_at)}`;
  if ((m.state === "sent" || m.state === "delivered") && m.sent_at) return `Versand ${formatDateTime(m.sent_at)}`;
  if (m.state === "queued" && m.send_at) return `geplant für ${formatDateTime(m.send_at)}`;
  return formatDateTime(m.created_at);
}

interface OptOutCustomer {
  id: string;
  has_email: boolean;
  sms_opt_out: boolean;
  email_opt_out: boolean;
}

/** "keine SMS" / "keine E-Mails": saved at once; checked again when each message goes out. */
function OptOuts({ appointmentId, customer }: { appointmentId: string; customer: OptOutCustomer }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const smsId = useId();
  const emailId = useId();
  const save = useMutation(
    trpc.customer.setMessagePreferences.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(
          saved.sms_opt_out || saved.email_opt_out
            ? `Gespeichert: ${[saved.sms_opt_out && "keine SMS", saved.email_opt_out && "keine E-Mails"].filter(Boolean).join(", ")}.`
            : "Gespeichert: Nachrichten per SMS und E-Mail erlaubt.",
        );
        await queryClient.invalidateQueries({
          queryKey: trpc.messaging.delivery.listForAppointment.queryKey({ appointment_id: appointmentId }),
        });
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );
  const set = (change: Partial<Pick<OptOutCustomer, "sms_opt_out" | "email_opt_out">>) =>
    save.mutate({ customer_id: customer.id, sms_opt_out: customer.sms_opt_out, email_opt_out: customer.email_opt_out, ...change });

  return (
    <fieldset className="grid gap-2 border-t pt-3">
      <legend className="sr-only">Abmeldungen des Kunden</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <div className="flex items-center gap-2">
          <Checkbox id={smsId} checked={customer.sms_opt_out} disabled={save.isPending} onCheckedChange={(v) => set({ sms_opt_out: v === true })} />
          <Label htmlFor={smsId}>keine SMS</Label>
        </div>
        <div className="flex items-center gap-2">
          <Checkbox id={emailId} checked={customer.email_opt_out} disabled={save.isPending} onCheckedChange={(v) => set({ email_opt_out: v === true })} />
          <Label htmlFor={emailId}>keine E-Mails</Label>
        </div>
      </div>
      <p className="text-xs text-muted-foreground">
        Gilt für alle Termine dieses Kunden, auch für schon geplante Erinnerungen.
        {!customer.has_email && " Eine E-Mail-Adresse ist nicht bekannt."}
      </p>
    </fieldset>
  );
}
