"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CheckCircle2, PhoneIncoming, PhoneOff } from "lucide-react";
import Link from "next/link";
import { OptionSelect } from "@/components/forms/option-select";
import { SectionStats } from "@/components/appointments/section-stats";
import { useUrlState } from "@/components/appointments/use-url-state";
import { CALL_OUTCOME_LABELS } from "@/components/dashboard/overview/call-outcome";
import { formatDuration } from "@/components/forms/format";
import { errorMessage } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CallOutcomeBadge, SentimentBadge } from "./call-badges";
import { callerLabel, callTitle, callWhen } from "./call-title";
import { callFiltersFromQuery, callFiltersToQuery, callListInput, OUTCOMES, PAGE_SIZE } from "./list-filters";

/** The company's calls, newest first: outcome filter (kept in the URL), table and paging. */
export function CallList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlState(callFiltersFromQuery, callFiltersToQuery);
  const list = useQuery({ ...trpc.webhook.listCalls.queryOptions(callListInput(filters)), placeholderData: keepPreviousData });

  return (
    <div className="grid gap-6">
      <SectionStats section="anrufe" labels={[["Anrufe insgesamt", PhoneIncoming], ["Erfolgreich abgeschlossen", CheckCircle2]]} />
      <div className="w-full sm:w-64">
        <OptionSelect
          id="filter-outcome"
          label="Ergebnis"
          value={filters.outcome}
          noneLabel="Alle Anrufe"
          options={OUTCOMES.map((o) => ({ value: o, label: CALL_OUTCOME_LABELS[o].label }))}
          onChange={(value) => setFilters({ outcome: OUTCOMES.find((o) => o === value), page: 1 })}
        />
      </div>
      <ListFrame
        query={list}
        loadingLabel="Anrufe werden geladen"
        error={(error) => `Die Anrufe konnten nicht geladen werden: ${errorMessage(error)}`}
        isEmpty={(data) => data.total === 0}
        empty={{
          icon: PhoneOff,
          title: filters.outcome ? "Keine Anrufe mit diesem Ergebnis." : "Noch keine Anrufe.",
          text: !filters.outcome && "Sobald der Telefonassistent Anrufe entgegennimmt, erscheinen sie hier mit Zusammenfassung und Transkript.",
        }}
        pager={(data) => ({ page: filters.page, pageSize: PAGE_SIZE, shown: data.calls.length, total: data.total, onPage: (page) => setFilters({ ...filters, page }) })}
        card
      >
        {(data) => (
          <Table aria-label="Anrufe" aria-busy={list.isFetching}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Anruf</TableHead>
                <TableHead>Beginn</TableHead>
                <TableHead className="hidden lg:table-cell">Dauer</TableHead>
                <TableHead>Ergebnis</TableHead>
                <TableHead className="hidden lg:table-cell">Stimmung</TableHead>
                <TableHead>Zusammenfassung</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.calls.map((c) => (
                <CallRow key={c.id} call={c} />
              ))}
            </TableBody>
          </Table>
        )}
      </ListFrame>
    </div>
  );
}

function CallRow({ call: c }: { call: RouterOutputs["webhook"]["listCalls"]["calls"][number] }) {
  const title = callTitle(c.customer?.name, c.from_number);
  return (
    <TableRow data-testid="call-row">
      <TableCell className="min-w-44">
        <Link href={`/anrufe/${c.id}`} className="font-medium underline-offset-4 hover:underline">
          {title}
        </Link>
        {c.customer?.name && <div className="tabular whitespace-nowrap text-xs text-muted-foreground">{callerLabel(c.from_number)}</div>}
      </TableCell>
      <TableCell className="tabular whitespace-nowrap">{callWhen(c.started_at, c.created_at)}</TableCell>
      <TableCell className="tabular hidden whitespace-nowrap lg:table-cell">{formatDuration(c.duration_ms === null ? null : c.duration_ms / 1000)}</TableCell>
      <TableCell>
        <CallOutcomeBadge outcome={c.outcome} />
      </TableCell>
      <TableCell className="hidden lg:table-cell">
        <SentimentBadge sentiment={c.sentiment} />
      </TableCell>
      <TableCell className="min-w-48 max-w-md lg:min-w-64">
        <span className="line-clamp-2 text-muted-foreground" title={c.summary ?? undefined}>
          {c.summary ?? "–"}
        </span>
      </TableCell>
    </TableRow>
  );
}
