"use client";

import { CircleCheck, CircleSlash } from "lucide-react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { RowButton } from "./row-button";

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
      <RowButton icon={CircleCheck} label="Aktivieren" disabled={pending} onClick={() => void onChange(true).catch(() => undefined)} aria-label={`${what} aktivieren`} />
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <RowButton icon={CircleSlash} label="Deaktivieren" aria-label={`${what} deaktivieren`} />
      }
      title={`${what} deaktivieren?`}
      description={consequence}
      confirmLabel="Deaktivieren"
      onConfirm={() => onChange(false)}
    />
  );
}
