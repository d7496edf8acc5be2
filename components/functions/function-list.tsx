"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CheckCircle2, Pencil, Plus, Workflow } from "lucide-react";
import { StatCard } from "@/components/dashboard/stat-card";
import { formatDateTime } from "@/components/forms/format";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import { DeleteFunctionButton } from "./delete-function-button";
import { EnabledSwitch } from "./enabled-switch";
import { FunctionEditorDialog } from "./function-editor-dialog";
import { TYPE_LABELS, type CustomFunction } from "./function-labels";
import { useToggleFunction } from "./use-toggle-function";

/** "Funktion anlegen" for the page header. */
export function NewFunctionButton() {
  return (
    <FunctionEditorDialog
      trigger={
        <Button>
          <Plus aria-hidden /> Funktion anlegen
        </Button>
      }
    />
  );
}

/** The company's own (and global) functions with switch, edit and delete; the built-ins below. */
export function FunctionList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.retell.config.getCustomFunctions.queryOptions({}));
  const custom = data.functions.filter((f) => f.type !== "builtin");
  const builtins = data.functions.filter((f) => f.type === "builtin");
  const own = custom.filter((f) => !f.is_global);

  return (
    <div className="grid gap-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Eigene Funktionen" value={own.length} icon={Workflow} />
        <StatCard label="Davon aktiviert" value={own.filter((f) => f.enabled).length} icon={CheckCircle2} />
      </div>
      <ListFrame
        data={custom}
        isEmpty={(list) => list.length === 0}
        empty={{
          icon: Workflow,
          title: "Noch keine eigenen Funktionen angelegt.",
          text: "Eigene Funktionen rufen im Gespräch Ihr System auf (z. B. einen Lieferstatus) oder sammeln Angaben der Anrufer.",
        }}
      >
        {(list) => <FunctionTable title="Eigene Funktionen" functions={list} />}
      </ListFrame>
      <FunctionTable title="Eingebaute Funktionen" description="Termine prüfen, buchen, verschieben und absagen: von AskProAI bereitgestellt." functions={builtins} />
    </div>
  );
}

function FunctionTable({ title, description, functions }: { title: string; description?: string; functions: CustomFunction[] }) {
  const editable = functions.some((f) => f.type !== "builtin" && !f.is_global);
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="px-2 sm:px-5">
        <Table aria-label={title}>
          <ListTableHeader columns={["Funktion", "Typ", "Zuletzt benutzt", { title: "Aufrufe", className: "text-right" }, "Aktiv"]} actions={editable} />
          <TableBody>
            {functions.map((fn) => (
              <FunctionRow key={fn.id} fn={fn} withActions={editable} />
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function FunctionRow({ fn, withActions }: { fn: CustomFunction; withActions: boolean }) {
  const toggle = useToggleFunction();
  // Global functions belong to no company: shown, not changed here.
  const own = !fn.is_global;
  return (
    <TableRow data-testid={`function-${fn.name}`}>
      <TableCell className="min-w-56 max-w-md">
        <div className="font-mono text-sm font-medium">{fn.name}</div>
        {fn.description && <p className="mt-0.5 whitespace-normal text-xs text-muted-foreground">{fn.description}</p>}
        {fn.url && (
          <p className="mt-0.5 truncate font-mono text-xs text-muted-foreground" title={fn.url}>
            {fn.method} {fn.url}
          </p>
        )}
      </TableCell>
      <TableCell className="whitespace-nowrap">
        <span className="flex flex-wrap gap-1">
          <Badge variant="outline">{TYPE_LABELS[fn.type]}</Badge>
          {fn.is_global && <Badge variant="secondary">Global</Badge>}
        </span>
      </TableCell>
      <TableCell className="tabular whitespace-nowrap">{fn.last_used ? formatDateTime(fn.last_used) : <span className="text-muted-foreground">Nie</span>}</TableCell>
      <TableCell className="tabular text-right">{fn.usage_count.toLocaleString("de-DE")}</TableCell>
      <TableCell>
        {own ? (
          <EnabledSwitch
            checked={fn.enabled}
            onCheckedChange={(enabled) => toggle.mutate({ function_id: fn.id, updates: { enabled } })}
            label={`„${fn.name}“ aktiv`}
          />
        ) : (
          <Badge variant={fn.enabled ? "success" : "secondary"}>{fn.enabled ? "Aktiv" : "Inaktiv"}</Badge>
        )}
      </TableCell>
      {withActions && (
        <TableCell className="whitespace-nowrap text-right">
          {own && fn.type !== "builtin" && (
            <>
              <FunctionEditorDialog
                fn={fn}
                trigger={
                  <Button variant="ghost" size="sm" aria-label={`Funktion „${fn.name}“ bearbeiten`}>
                    <Pencil aria-hidden /> Bearbeiten
                  </Button>
                }
              />
              <DeleteFunctionButton fn={fn} />
            </>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}
