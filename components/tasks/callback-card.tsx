"use client";

import { Check, PhoneCall, PhoneOff, RotateCcw } from "lucide-react";
import Link from "next/link";
import { callerLabel } from "@/components/calls/call-title";
import { formatDateTime } from "@/components/forms/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { TaskDto } from "@/server/services/webhook/schemas";
import { BookCallbackDialog } from "./book-callback-dialog";
import { TASK_STATUS_LABELS } from "./callback-queries";
import { useTaskStatus } from "./use-task-status";

const STATUS_VARIANTS = { open: "warning", not_reached: "destructive", done: "success" } as const;

/** One callback: who (number to call), what they wanted, when; the outcome buttons. */
export function CallbackCard({ task }: { task: TaskDto }) {
  const status = useTaskStatus();
  const number = task.collected.customer_phone ?? task.caller_number;
  const set = (next: TaskDto["status"]) => status.mutate({ task_id: task.id, status: next });
  const wish = [task.collected.service, task.collected.date ? task.collected.date.split("-").reverse().join(".") : task.collected.date_spoken, task.collected.time && `${task.collected.time} Uhr`]
    .filter(Boolean)
    .join(", ");

  return (
    <Card id={`aufgabe-${task.id}`} data-testid="callback" className="grid scroll-mt-20 gap-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-medium">{task.collected.customer_name ?? task.customer_name ?? "Unbekannte Anruferin / unbekannter Anrufer"}</h3>
          <div className="mt-0.5 flex flex-wrap items-center gap-x-3 text-sm text-muted-foreground">
            {number && /\d/.test(number) ? (
              <a href={`tel:${number}`} className="tabular inline-flex items-center gap-1 font-medium text-foreground underline-offset-4 hover:underline">
                <PhoneCall className="size-3.5" aria-hidden />
                {callerLabel(number)}
              </a>
            ) : (
              <span>Nummer unterdrückt</span>
            )}
            <span className="tabular">{formatDateTime(task.received_at)}</span>
          </div>
        </div>
        <Badge variant={STATUS_VARIANTS[task.status]} data-testid="callback-status">
          {TASK_STATUS_LABELS[task.status]}
        </Badge>
      </div>
      <p className="text-sm">{task.title}</p>
      {wish && <p className="text-sm text-muted-foreground">Wunsch: {wish}</p>}
      {task.summary && <p className="text-sm text-muted-foreground">{task.summary}</p>}
      {task.status_changed_by && task.status_changed_at && (
        <p className="text-xs text-muted-foreground">
          {TASK_STATUS_LABELS[task.status]} · {task.status_changed_by}, {formatDateTime(task.status_changed_at)}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {task.status !== "done" && <BookCallbackDialog task={task} />}
        {task.status !== "done" && (
          <Button size="sm" variant="outline" onClick={() => set("done")} disabled={status.isPending}>
            <Check aria-hidden /> Erledigt
          </Button>
        )}
        {task.status !== "done" && (
          <Button size="sm" variant="outline" onClick={() => set("not_reached")} disabled={status.isPending}>
            <PhoneOff aria-hidden /> Nicht erreicht
          </Button>
        )}
        {task.status === "done" && (
          <Button size="sm" variant="ghost" onClick={() => set("open")} disabled={status.isPending}>
            <RotateCcw aria-hidden /> Wieder öffnen
          </Button>
        )}
        {task.appointment_id && (
          <Button asChild size="sm" variant="link">
            <Link href={`/termine/${task.appointment_id}`}>Gebuchter Termin</Link>
          </Button>
        )}
        {task.call_record_id && (
          <Button asChild size="sm" variant="link">
            <Link href={`/anrufe/${task.call_record_id}`}>Anruf ansehen</Link>
          </Button>
        )}
      </div>
    </Card>
  );
}
