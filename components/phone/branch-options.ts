import type { Branch } from "@/server/services/branch/schemas";

/** "No branch" routes calls to the company's first active branch. */
export const NO_BRANCH_LABEL = "Keine feste Filiale (erste Filiale der Firma)";

/** Active branches, plus an inactive one only when it is already chosen. */
export function branchOptions(branches: Branch[], current?: string | null) {
  return branches.filter((b) => b.is_active || b.id === current).map((b) => ({ value: b.id, label: b.is_active ? b.name : `${b.name} (inaktiv)` }));
}
