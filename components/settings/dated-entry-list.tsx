"use client";

import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/utils";

export interface DatedEntry {
  id: string;
  /** The date or span as staff read it, e.g. "24.12.2026 geschlossen". */
  label: string;
  reason?: string | null;
  /** Ended: shown greyed with "vorbei", still removable. */
  past: boolean;
}

/** Absences and special days: a list of dated entries, past ones greyed, each with a remove button. */
export function DatedEntryList(props: {
  entries: DatedEntry[] | undefined;
  pending: boolean;
  /** "Abwesenheit", "Sondertag": names the list, the remove buttons and the empty state. */
  noun: string;
  listLabel: string;
  emptyText: string;
  removing: boolean;
  onRemove: (id: string) => void;
}) {
  if (props.pending) return <Skeleton className="h-9 w-full" />;
  if (!props.entries?.length) return <p className="text-sm text-muted-foreground">{props.emptyText}</p>;
  return (
    <ul className="divide-y rounded-md border" aria-label={props.listLabel}>
      {props.entries.map((e) => (
        <li key={e.id} className={cn("flex items-center justify-between gap-3 px-3 py-2 text-sm", e.past && "text-muted-foreground")} data-past={e.past || undefined}>
          <span>
            <span className={cn("tabular", !e.past && "font-medium")}>{e.label}</span>
            {e.reason && <span className="text-muted-foreground"> · {e.reason}</span>}
            {e.past && <span> · vorbei</span>}
          </span>
          <Button type="button" variant="ghost" size="icon" disabled={props.removing} onClick={() => props.onRemove(e.id)} aria-label={`${props.noun} ${e.label} entfernen`}>
            <Trash2 aria-hidden />
          </Button>
        </li>
      ))}
    </ul>
  );
}
