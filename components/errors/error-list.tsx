"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Bug } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { OptionSelect } from "@/components/forms/option-select";
import { formatDateTime } from "@/components/forms/format";
import { errorMessage } from "@/components/forms/trpc-errors";
import { CursorTable, useCursorPages } from "@/components/lists/cursor-pages";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TableCell, TableRow } from "@/components/ui/table";
import { ISSUE_STATUSES, PERIOD_LABELS, PERIODS, STATUS_LABELS } from "@/server/services/sentry/schemas";
import { ErrorStatusBadge, SourceNote } from "./error-badges";
import { FIRST_PAGE_INPUT, type ErrorListInput } from "./list-input";

type Issue = RouterOutputs["sentry"]["listIssues"]["issues"][number];

/** Recent errors, newest first: filters for status, period and words; pages by cursor. */
export function ErrorList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Omit<ErrorListInput, "cursor">>({ status: FIRST_PAGE_INPUT.status, period: FIRST_PAGE_INPUT.period, query: "" });
  const [search, setSearch] = useState("");
  const pages = useCursorPages();
  const list = useQuery({ ...trpc.sentry.listIssues.queryOptions({ ...filters, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const filter = (patch: Partial<typeof filters>) => {
    setFilters({ ...filters, ...patch });
    pages.reset();
  };

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-full sm:w-48">
          <OptionSelect
            id="filter-status"
            label="Status"
            value={filters.status}
            options={ISSUE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            onChange={(value) => filter({ status: ISSUE_STATUSES.find((s) => s === value) ?? "unresolved" })}
          />
        </div>
        <div className="w-full sm:w-48">
          <OptionSelect
            id="filter-period"
            label="Zeitraum"
            value={filters.period}
            options={PERIODS.map((p) => ({ value: p, label: `Letzte ${PERIOD_LABELS[p]}` }))}
            onChange={(value) => filter({ period: PERIODS.find((p) => p === value) ?? "14d" })}
          />
        </div>
        <form
          className="flex w-full items-end gap-2 sm:w-auto"
          onSubmit={(e) => {
            e.preventDefault();
            filter({ query: search.trim() });
          }}
        >
          <div className="grid gap-2">
            <Label htmlFor="filter-query">Suche</Label>
            <Input id="filter-query" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Titel oder Ort" maxLength={200} />
          </div>
          <Button type="submit" variant="outline">
            Suchen
          </Button>
        </form>
      </div>
      {list.data && <SourceNote source={list.data.source} notice={list.data.notice} />}
      <ListFrame
        query={list}
        loadingLabel="Fehler werden geladen"
        error={(error) => `Die Fehler konnten nicht geladen werden: ${errorMessage(error)}`}
        retry
        isEmpty={(data) => data.issues.length === 0 && pages.onFirstPage}
        empty={{ icon: Bug, title: "Keine Fehler in diesem Zeitraum.", text: "Unerwartete Fehler der Anwendung erscheinen hier, ohne personenbezogene Daten." }}
      >
        {(data) => (
          <CursorTable
            label="Fehler"
            columns={["Fehler", { title: "Anzahl", className: "text-right" }, "Zuletzt gesehen", "Status"]}
            busy={list.isFetching}
            pages={pages}
            nextCursor={data.next_cursor}
          >
            {data.issues.map((issue) => (
              <ErrorRow key={issue.id} issue={issue} />
            ))}
          </CursorTable>
        )}
      </ListFrame>
    </div>
  );
}

function ErrorRow({ issue }: { issue: Issue }) {
  return (
    <TableRow data-testid="error-row">
      <TableCell className="max-w-xl">
        <Link href={`/fehler/${encodeURIComponent(issue.id)}`} className="font-medium break-words underline-offset-4 hover:underline">
          {issue.title}
        </Link>
        {(issue.culprit || issue.system) && (
          <p className="text-xs break-words text-muted-foreground">
            {issue.culprit}
            {issue.system && `${issue.culprit ? " · " : ""}ohne Firma (System)`}
          </p>
        )}
      </TableCell>
      <TableCell className="tabular text-right">{issue.count.toLocaleString("de-DE")}</TableCell>
      <TableCell className="tabular whitespace-nowrap">{issue.last_seen ? formatDateTime(issue.last_seen) : "–"}</TableCell>
      <TableCell>
        <ErrorStatusBadge status={issue.status} />
      </TableCell>
    </TableRow>
  );
}
