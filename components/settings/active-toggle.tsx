"use client";

import { CircleCheck, CircleSlash } from "lucide-react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";

/**
 * Deactivate (after a confirmation: it changes what callers can book) or reactivate a
 * service or staff member. `what` names it in the sentence: "Leistung „Färben“".
 */
export function ActiveToggle({
  active,
  what,
  consequence,
  pending,
  onChange,
}: {
  active: boolean;
  what: string;
  consequence: string;
  pending: boolean;
  onChange: (active: boolean) => Promise<unknown>;
}) {
  if (!active) {
    return (
      <Button variant="outline" size="sm" disabled={pending} onClick={() => void onChange(true).catch(() => undefined)} aria-label={`${what} aktivieren`}>
        <CircleCheck aria-hidden /> Aktivieren
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`${what} deaktivieren`}>
          <CircleSlash aria-hidden /> Deaktivieren
        </Button>
      }
      title={`${what} deaktivieren?`}
      description={consequence}
      confirmLabel="Deaktivieren"
      onConfirm={() => onChange(false)}
    />
  );
}
