import { ROLE_LABELS } from "@/components/dashboard/nav-items";
import type { UserRole } from "@/server/services/user/schemas";

/** The roles as a form offers them, with what each may do. */
export const ROLE_OPTIONS: Array<{ value: UserRole; label: string }> = [
  { value: "staff", label: `${ROLE_LABELS.staff}: Termine, Anrufe, Wissen, Warteschlange` },
  { value: "admin", label: `${ROLE_LABELS.admin}: zusätzlich Einstellungen, Retell, Benutzer` },
];

export function roleLabel(role: UserRole): string {
  return ROLE_LABELS[role];
}
