import Link from "next/link";
import { formatDateTime } from "@/components/forms/format";
import type { RouterOutputs } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";

export type AuditEntry = RouterOutputs["audit"]["list"]["entries"][number];

/** One audit row: when, who, what in words, a link to what it changed, and how it ended. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const { actor, action, entity } = entry;
  return (
    <TableRow data-testid="audit-row" data-entry-id={entry.id}>
      <TableCell className="tabular align-top whitespace-nowrap">{formatDateTime(entry.at)}</TableCell>
      <TableCell className="align-top">
        <span className="font-medium">{actor.name ?? actor.type_label}</span>
        {actor.name && <p className="text-xs text-muted-foreground">{actor.type_label}</p>}
      </TableCell>
      <TableCell className="max-w-md align-top">
        <span className="break-words">{action.label}</span>
        {entry.details && <AuditDetails details={entry.details} />}
      </TableCell>
      <TableCell className="align-top">
        {entity ? (
          entity.href ? (
            <Link href={entity.href} className="font-medium underline-offset-4 hover:underline">
              {entity.label}
            </Link>
          ) : (
            entity.label
          )
        ) : (
          <span className="text-muted-foreground">–</span>
        )}
      </TableCell>
      <TableCell className="align-top">
        <Badge variant={entry.outcome === "success" ? "success" : "destructive"}>{entry.outcome_label}</Badge>
        {entry.error_code !== null && <p className="tabular text-xs text-muted-foreground">Fehlercode {entry.error_code}</p>}
      </TableCell>
    </TableRow>
  );
}

/** What the service recorded besides (secrets are hidden by the server), folded away. */
function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const lines = Object.entries(details).filter(([, v]) => v !== null && v !== undefined && v !== "");
  if (lines.length === 0) return null;
  return (
    <details className="mt-1 text-xs text-muted-foreground">
      <summary className="cursor-pointer select-none">Einzelheiten</summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        {lines.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-mono">{key}</dt>
            <dd className="break-all">{typeof value === "object" ? JSON.stringify(value) : String(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
