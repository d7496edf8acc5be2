"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListTodo } from "lucide-react";
import { useState } from "react";
import { formatDateTime } from "@/components/forms/format";
import { ListFrame } from "@/components/lists/list-frame";
import { messageStateInfo } from "@/components/messaging/message-labels";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { JobDto } from "@/server/services/queue/schemas";
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

  return (
    <ListFrame
      query={jobs}
      loadingLabel="Aufträge werden geladen"
      loadingRows={3}
      error={() => "Die Aufträge konnten nicht geladen werden."}
      isEmpty={(data) => data.total === 0}
      empty={{
        icon: ListTodo,
        title: state ? `Keine Aufträge im Zustand „${stateInfo(state).label}“.` : "Noch keine Hintergrundaufträge.",
        text: !state && "Aufträge entstehen zum Beispiel bei jeder Buchung: die Bestätigung an die Kundschaft per E-Mail oder SMS.",
      }}
      pager={(data) => ({
        page: offset / PAGE_SIZE + 1,
        pageSize: PAGE_SIZE,
        shown: data.jobs.length,
        total: data.total,
        onPage: (page) => setOffset((page - 1) * PAGE_SIZE),
      })}
    >
      {(data) => (
        <Table aria-label={label}>
          <ListTableHeader columns={["Auftrag", "Zustand", "Versuche", "Nächster Lauf", "Letzter Fehler", "Erstellt"]} actions={canManage} />
          <TableBody>
            {data.jobs.map((job) => (
              <JobRow key={job.id} job={job} permissions={canManage ? permissions : null} />
            ))}
          </TableBody>
        </Table>
      )}
    </ListFrame>
  );
}

/**
 * The job's state; for a finished job that sends a customer message, the message's state instead:
 * a job is done when a message was not sent (opt-out, no SMS provider) too, which is no delivery.
 */
function JobStateBadge({ job }: { job: JobDto }) {
  if (job.message && job.state === "done") {
    const info = messageStateInfo(job.message.state, job.message.error ?? null);
    return (
      <Badge variant={info.variant} className="max-w-64 whitespace-normal" data-testid="queue-message-state">
        {info.label}
      </Badge>
    );
  }
  const info = stateInfo(job.state);
  return <Badge variant={info.variant}>{info.label}</Badge>;
}

/** One job; with permissions (someone who may retry or cancel) its action in the last cell. */
function JobRow({ job, permissions }: { job: JobDto; permissions: JobPermissions | null }) {
  const waiting = job.state === "pending" || job.state === "processing";
  return (
    <TableRow data-testid="queue-job">
      <TableCell className="min-w-56">
        <div className="font-medium">{kindLabel(job.kind)}</div>
        {job.summary && <div className="text-xs text-muted-foreground">{job.summary}</div>}
      </TableCell>
      <TableCell>
        <JobStateBadge job={job} />
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
      {permissions && (
        <TableCell className="text-right">
          <JobActions job={job} {...permissions} />
        </TableCell>
      )}
    </TableRow>
  );
}
