"use client";

import { Plus, Trash2 } from "lucide-react";
import { FieldError, fieldErrorId } from "@/components/forms/field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { HeaderRow } from "./function-form-values";

const FIELD_ID = "function-headers";

/** Key/value rows for the HTTP headers of an external call; stored values stay hidden. */
export function HeaderRows({ rows, onChange, error }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void; error?: string }) {
  const update = (id: number, patch: Partial<HeaderRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, { id: Math.max(-1, ...rows.map((r) => r.id)) + 1, name: "", value: "" }]);

  return (
    <fieldset className="grid gap-2" aria-invalid={error ? true : undefined} aria-describedby={[`${FIELD_ID}-hint`, error ? fieldErrorId(FIELD_ID) : ""].join(" ").trim()}>
      <legend className="mb-1 text-sm font-medium">Header</legend>
      <p id={`${FIELD_ID}-hint`} className="-mt-1 text-xs text-muted-foreground">
        Werden beim Aufruf mitgesendet, z. B. ein API-Schlüssel. Die Werte werden verschlüsselt gespeichert und nicht wieder angezeigt.
      </p>
      {rows.map((row, index) => (
        <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
          <div className="grid gap-1">
            <Label htmlFor={`header-name-${row.id}`} className="text-xs">
              Name {index + 1}
            </Label>
            <Input id={`header-name-${row.id}`} value={row.name} onChange={(e) => update(row.id, { name: e.target.value })} maxLength={100} className="font-mono text-xs" placeholder="X-Api-Key" />
          </div>
          <div className="grid gap-1">
            <Label htmlFor={`header-value-${row.id}`} className="text-xs">
              Wert {index + 1}
            </Label>
            <Input
              id={`header-value-${row.id}`}
              type="password"
              autoComplete="off"
              value={row.value}
              onChange={(e) => update(row.id, { value: e.target.value })}
              maxLength={4000}
              className="font-mono text-xs"
              placeholder={row.stored ? `gespeichert: ${row.stored}` : "Wert"}
            />
          </div>
          <Button type="button" variant="ghost" size="icon" onClick={() => onChange(rows.filter((r) => r.id !== row.id))} aria-label={`Header ${index + 1} entfernen`}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="outline" size="sm" onClick={add}>
          <Plus aria-hidden /> Header hinzufügen
        </Button>
      </div>
      <FieldError fieldId={FIELD_ID} message={error} />
    </fieldset>
  );
}
