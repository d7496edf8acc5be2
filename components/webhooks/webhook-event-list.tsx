"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Webhook } from "lucide-react";
import { useState } from "react";
import { useUrlState } from "@/components/appointments/use-url-state";
import type { QueryReader } from "@/components/appointments/url-query";
import { OptionSelect } from "@/components/forms/option-select";
import { formatDateTime } from "@/components/forms/format";
import { DayFilter } from "@/components/forms/day-filter";
import { errorMessage } from "@/components/forms/trpc-errors";
import { CursorTable, useCursorPages } from "@/components/lists/cursor-pages";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TableCell, TableRow } from "@/components/ui/table";
import { EVENT_PROVIDERS, EVENT_STATUSES } from "@/server/services/webhook/schemas";
import { eventLabel, plainError, PROVIDER_LABELS, STATUS_LABELS } from "./labels";
import { FIRST_PAGE_INPUT, type WebhookListInput } from "./list-input";
import { WebhookEventDetail } from "./webhook-event-detail";
import { WebhookStatusBadge } from "./webhook-status-badge";

type WebhookEvent = RouterOutputs["webhook"]["listEvents"]["events"][number];
type Filters = Pick<WebhookListInput, "provider" | "status" | "event" | "received_from" | "received_to">;

const openedFrom = (query: QueryReader) => query.get("id");
/** Module-level, so useUrlState's setter keeps its identity. */
const openedTo = (id: string | null) => (id ? new URLSearchParams({ id }).toString() : "");

/** Received webhook events, newest first: filters, pages by cursor, the detail in a dialog (`?id=` opens it). */
export function WebhookEventList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const [eventText, setEventText] = useState("");
  const pages = useCursorPages();
  const [openId, setOpenId] = useUrlState(openedFrom, openedTo);
  const list = useQuery({ ...trpc.webhook.listEvents.queryOptions({ ...FIRST_PAGE_INPUT, ...filters, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const filter = (patch: Filters) => {
    setFilters(Object.fromEntries(Object.entries({ ...filters, ...patch }).filter(([, v]) => v !== undefined && v !== "")));
    pages.reset();
  };
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-full sm:w-40">
          <OptionSelect
            id="filter-provider"
            label="Quelle"
            value={filters.provider}
            noneLabel="Alle Quellen"
            options={EVENT_PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p] ?? p }))}
            onChange={(value) => filter({ provider: EVENT_PROVIDERS.find((p) => p === value) })}
          />
        </div>
        <div className="w-full sm:w-44">
          <OptionSelect
            id="filter-status"
            label="Status"
            value={filters.status}
            noneLabel="Alle"
            options={EVENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s }))}
            onChange={(value) => filter({ status: EVENT_STATUSES.find((s) => s === value) })}
          />
        </div>
        <form
          className="flex w-full items-end gap-2 sm:w-auto"
          onSubmit={(e) => {
            e.preventDefault();
            filter({ event: eventText.trim() || undefined });
          }}
        >
          <div className="grid gap-2">
            <Label htmlFor="filter-event">Ereignis</Label>
            <Input id="filter-event" value={eventText} onChange={(e) => setEventText(e.target.value)} placeholder="z. B. call_ended" maxLength={64} />
          </div>
          <Button type="submit" variant="outline">
            Filtern
          </Button>
        </form>
        <DayFilter label="Empfangen ab" value={filters.received_from ?? ""} onApply={(day) => filter({ received_from: day || undefined })} />
        <DayFilter label="Empfangen bis" value={filters.received_to ?? ""} onApply={(day) => filter({ received_to: day || undefined })} />
      </div>
      <ListFrame
        query={list}
        loadingLabel="Webhook-Ereignisse werden geladen"
        error={(error) => `Die Webhook-Ereignisse konnten nicht geladen werden: ${errorMessage(error)}`}
        retry
        isEmpty={(data) => data.events.length === 0 && pages.onFirstPage}
        empty={{
          icon: Webhook,
          title: filtered ? "Keine Ereignisse zu diesen Filtern." : "Noch keine Webhook-Ereignisse empfangen.",
          text: "Hier erscheinen die Ereignisse, die Retell und Cal.com an AskProAI senden, mit ihrem Verarbeitungsstand.",
        }}
      >
        {(data) => (
          <CursorTable
            label="Webhook-Ereignisse"
            columns={["Empfangen", "Quelle", "Ereignis", "Status", "Fehler", { title: "Versuche", className: "text-right" }]}
            busy={list.isFetching}
            pages={pages}
            nextCursor={data.next_cursor}
          >
            {data.events.map((event) => (
              <EventRow key={event.id} event={event} onOpen={() => setOpenId(event.id)} />
            ))}
          </CursorTable>
        )}
      </ListFrame>
      <WebhookEventDetail eventId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

function EventRow({ event, onOpen }: { event: WebhookEvent; onOpen: () => void }) {
  return (
    <TableRow data-testid="webhook-event-row" data-event-id={event.id}>
      <TableCell className="tabular whitespace-nowrap">
        <button type="button" onClick={onOpen} className="font-medium underline-offset-4 hover:underline" aria-label={`Ereignis vom ${formatDateTime(event.received_at)} öffnen`}>
          {formatDateTime(event.received_at)}
        </button>
      </TableCell>
      <TableCell>{PROVIDER_LABELS[event.provider] ?? event.provider}</TableCell>
      <TableCell className="max-w-xs">
        <span className="break-words">{eventLabel(event.event)}</span>
        {event.call_id && <p className="text-xs break-all text-muted-foreground">Anruf {event.call_id}</p>}
      </TableCell>
      <TableCell>
        <WebhookStatusBadge status={event.status} />
      </TableCell>
      <TableCell className={event.status === "failed" ? "max-w-sm text-sm break-words" : "max-w-sm text-sm break-words text-muted-foreground"}>{plainError(event.error) ?? "–"}</TableCell>
      <TableCell className="tabular text-right">{event.attempts}</TableCell>
    </TableRow>
  );
}
