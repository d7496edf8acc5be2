import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { RouterOutputs } from "@/components/trpc/provider";

type Preview = RouterOutputs["retell"]["previewAgentSetup"];
type Change = Preview["changes"][number];

const TARGETS: Record<Change["target"], string> = { llm: "Retell-LLM", agent: "Agent", number: "Rufnummer" };

/** A value short enough to show in one line ("11labs-Anna → 11labs-Lukas"). */
const short = (value: string | null) => value === null || (value.length <= 80 && !value.includes("\n"));

/** What "Agent einrichten" would create or change in Retell, field by field. */
export function SetupPreview({ preview }: { preview: Preview }) {
  return (
    <div className="grid gap-3 text-sm" data-testid="setup-agent-preview">
      <div className="flex flex-wrap gap-2">
        {preview.create_llm && <Badge variant="secondary">Neues Retell-LLM</Badge>}
        {preview.create_agent && <Badge variant="secondary">Neuer Agent</Badge>}
        {preview.publish_version !== null && <Badge variant="secondary">Version {preview.publish_version} wird veröffentlicht</Badge>}
        {preview.console_edited && <Badge variant="warning">In der Retell-Konsole geändert</Badge>}
      </div>
      {preview.missing_numbers.length > 0 && (
        <Alert variant="destructive">
          <TriangleAlert aria-hidden />
          <AlertDescription>
            Diese Rufnummern gibt es in Ihrem Retell-Arbeitsbereich nicht: {preview.missing_numbers.join(", ")}. Bitte importieren Sie sie zuerst in Retell.
          </AlertDescription>
        </Alert>
      )}
      {preview.console_edited && preview.changes.some((c) => c.target !== "number") && (
        <p className="text-warning">Einrichten überschreibt die in der Retell-Konsole geänderten Felder unten (Sie werden vorher gefragt).</p>
      )}
      {preview.up_to_date ? (
        <p className="text-muted-foreground">Alles ist aktuell: Beim Einrichten würde nichts geändert.</p>
      ) : preview.changes.length === 0 ? (
        <p className="text-muted-foreground">Keine Feldänderungen.</p>
      ) : (
        <ul className="grid gap-2" aria-label="Änderungen">
          {preview.changes.map((c) => (
            <li key={`${c.target}:${c.target_id ?? ""}:${c.field}`} className="min-w-0 rounded-md border px-3 py-2">
              <ChangeItem change={c} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ChangeItem({ change }: { change: Change }) {
  const head = (
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-medium">{change.label}</span>
      <Badge variant="outline">{TARGETS[change.target]}</Badge>
    </span>
  );
  if (short(change.before) && short(change.after)) {
    return (
      <div className="grid gap-1">
        {head}
        <span className="break-words">
          <span className="text-muted-foreground">{change.before ?? "–"}</span> → <span>{change.after ?? "entfernt"}</span>
        </span>
      </div>
    );
  }
  return (
    <details>
      <summary className="cursor-pointer">{head}</summary>
      <div className="mt-2 grid gap-2 lg:grid-cols-2">
        <Value title="Bisher" value={change.before} />
        <Value title="Neu" value={change.after} />
      </div>
    </details>
  );
}

function Value({ title, value }: { title: string; value: string | null }) {
  return (
    <div className="min-w-0">
      <p className="text-xs font-medium text-muted-foreground">{title}</p>
      <pre className="max-h-72 overflow-auto rounded bg-muted p-2 text-xs whitespace-pre-wrap break-words">{value ?? "–"}</pre>
    </div>
  );
}
