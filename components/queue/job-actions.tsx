"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, RotateCcw, XCircle } from "lucide-react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import type { JobDto } from "@/server/services/queue/schemas";
import { kindLabel } from "./job-labels";

/** What the user's role may do, as queue.retry and queue.cancel decide (see the page). */
export interface JobPermissions {
  canRetry: boolean;
  canCancel: boolean;
}

/** Retry for failed or cancelled jobs, cancel (after a question) for waiting ones; what queue.retry/cancel accept. */
export function JobActions({ job, canRetry, canCancel }: { job: JobDto } & JobPermissions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.queue.pathKey() });
  const retry = useMutation(
    trpc.queue.retry.mutationOptions({
      onSuccess: () => toast.success("Der Auftrag wird erneut ausgeführt."),
      onError: toastError,
      onSettled: refresh,
    }),
  );
  const cancel = useMutation(
    trpc.queue.cancel.mutationOptions({
      onSuccess: () => toast.success("Der Auftrag wurde abgebrochen."),
      onError: toastError,
      onSettled: refresh,
    }),
  );
  const name = `${kindLabel(job.kind)}${job.summary ? ` (${job.summary})` : ""}`;

  if (canRetry && (job.state === "failed" || job.state === "cancelled")) {
    return (
      <Button variant="outline" size="sm" onClick={() => retry.mutate({ job_id: job.id })} disabled={retry.isPending} aria-label={`${name} wiederholen`}>
        {retry.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />} Wiederholen
      </Button>
    );
  }
  if (canCancel && job.state === "pending") {
    return (
      <ConfirmDialog
        trigger={
          <Button variant="outline" size="sm" aria-label={`${name} abbrechen`}>
            <XCircle aria-hidden /> Abbrechen
          </Button>
        }
        title="Auftrag abbrechen?"
        description={`${name} wird nicht mehr ausgeführt. Sie können ihn später wiederholen.`}
        confirmLabel="Auftrag abbrechen"
        dismissLabel="Zurück"
        onConfirm={() => cancel.mutateAsync({ job_id: job.id })}
      />
    );
  }
  return null;
}
