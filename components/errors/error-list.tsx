"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Bug } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { OptionSelect } from "@/components/forms/option-select";
import { formatDateTime } from "@/components/forms/format";
import { errorMessage } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ISSUE_STATUSES, PERIOD_LABELS, PERIODS, STATUS_LABELS } from "@/server/services/sentry/schemas";
import { ErrorStatusBadge, SourceNote } from "./error-badges";
import { FIRST_PAGE_INPUT, type ErrorListInput } from "./list-input";

type Issue = RouterOutputs["sentry"]["listIssues"]["issues"][number];

/** Recent errors, newest first: filters for status, period and words; pages by cursor. */
export function ErrorList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Omit<ErrorListInput, "cursor">>({ status: FIRST_PAGE_INPUT.status, period: FIRST_PAGE_INPUT.period, query: "" });
  const [search, setSearch] = useState("");
  // Cursors of the pages before this one; Sentry's cursors only lead forward.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const list = useQuery({ ...trpc.sentry.listIssues.queryOptions({ ...filters, cursor }), placeholderData: keepPreviousData });
  const filter = (patch: Partial<typeof filters>) => {
    setFilters({ ...filters, ...patch });
    setCursors([null]);
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
        isEmpty={(data) => data.issues.length === 0 && cursors.length === 1}
        empty={{ icon: Bug, title: "Keine Fehler in diesem Zeitraum.", text: "Unerwartete Fehler der Anwendung erscheinen hier, ohne personenbezogene Daten." }}
      >
        {(data) => (
          <Card className="min-w-0">
            <CardContent className="grid gap-4 px-2 pt-2 sm:px-5">
              <Table aria-label="Fehler" aria-busy={list.isFetching}>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>Fehler</TableHead>
                    <TableHead className="text-right">Anzahl</TableHead>
                    <TableHead>Zuletzt gesehen</TableHead>
                    <TableHead>Status</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.issues.map((issue) => (
                    <ErrorRow key={issue.id} issue={issue} />
                  ))}
                </TableBody>
              </Table>
              {(cursors.length > 1 || data.next_cursor) && (
                <nav aria-label="Seiten" className="flex justify-end gap-2">
                  <Button variant="outline" size="sm" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                    Zurück
                  </Button>
                  <Button variant="outline" size="sm" disabled={!data.next_cursor} onClick={() => setCursors([...cursors, data.next_cursor])}>
                    Weiter
                  </Button>
                </nav>
              )}
            </CardContent>
          </Card>
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
