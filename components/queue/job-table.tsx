"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListTodo } from "lucide-react";
import { useState } from "react";
import { EmptyState } from "@/components/dashboard/empty-state";
import { formatDateTime } from "@/components/forms/format";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { JobActions, type JobPermissions } from "./job-actions";
import { kindLabel, stateInfo, type JobState } from "./job-labels";
import { PAGE_SIZE } from "./list-input";

/** One page of jobs (all or of one state), newest first, with paging. */
export function JobTable({ state, label, permissions }: { state?: JobState; label: string; permissions: JobPermissions }) {
  const canManage = permissions.canRetry || permissions.canCancel;
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const jobs = useQuery({
    ...trpc.queue.list.queryOptions({ ...(state ? { state } : {}), limit: PAGE_SIZE, offset }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

  if (jobs.isPending) return <Skeleton className="h-40 w-full" />;
  if (jobs.isError) return <p className="text-sm text-destructive">Die Aufträge konnten nicht geladen werden.</p>;
  const { jobs: rows, total } = jobs.data;
  if (total === 0) {
    return (
      <EmptyState icon={ListTodo} title={state ? `Keine Aufträge im Zustand „${stateInfo(state).label}“.` : "Noch keine Hintergrundaufträge."}>
        {!state && "Aufträge entstehen zum Beispiel bei jeder Buchung: die Bestätigung an die Kundschaft per E-Mail oder SMS."}
      </EmptyState>
    );
  }

  return (
    <div className="grid gap-3">
      <Table aria-label={label}>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Auftrag</TableHead>
            <TableHead>Zustand</TableHead>
            <TableHead>Versuche</TableHead>
            <TableHead>Nächster Lauf</TableHead>
            <TableHead>Letzter Fehler</TableHead>
            <TableHead>Erstellt</TableHead>
            {canManage && (
              <TableHead>
                <span className="sr-only">Aktionen</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((job) => {
            const info = stateInfo(job.state);
            const waiting = job.state === "pending" || job.state === "processing";
            return (
              <TableRow key={job.id} data-testid="queue-job">
                <TableCell className="min-w-56">
                  <div className="font-medium">{kindLabel(job.kind)}</div>
                  {job.summary && <div className="text-xs text-muted-foreground">{job.summary}</div>}
                </TableCell>
                <TableCell>
                  <Badge variant={info.variant}>{info.label}</Badge>
                </TableCell>
                <TableCell className="tabular whitespace-nowrap">
                  {job.attempts} von {job.max_attempts}
                </TableCell>
                <TableCell className="tabular whitespace-nowrap">{waiting ? formatDateTime(job.run_at) : <span className="text-muted-foreground">–</span>}</TableCell>
                <TableCell className="max-w-64">
                  {job.last_error ? (
                    <span className="line-clamp-2 break-words text-xs text-destructive" title={job.last_error}>
                      {job.last_error}
                    </span>
                  ) : (
                    <span className="text-muted-foreground">–</span>
                  )}
                </TableCell>
                <TableCell className="tabular whitespace-nowrap">{formatDateTime(job.created_at)}</TableCell>
                {canManage && (
                  <TableCell className="text-right">
                    <JobActions job={job} {...permissions} />
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
        <span className="tabular">
          {offset + 1}–{offset + rows.length} von {total.toLocaleString("de-DE")}
        </span>
        {total > PAGE_SIZE && (
          <div className="flex gap-2">
            <Button variant="outline" size="sm" onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} disabled={offset === 0}>
              Zurück
            </Button>
            <Button variant="outline" size="sm" onClick={() => setOffset(offset + PAGE_SIZE)} disabled={offset + PAGE_SIZE >= total}>
              Weiter
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
