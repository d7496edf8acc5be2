/** Plain German for the overview's service status, from mcp.health's per-server checks (pure). */
import type { ServerCheck } from "@/server/services/meta/schemas";

type Status = ServerCheck["status"];

export const STATUS_WORDS: Record<Status, { word: string; variant: "success" | "secondary" | "warning" | "destructive" }> = {
  healthy: { word: "bereit", variant: "success" },
  not_configured: { word: "nicht eingerichtet", variant: "secondary" },
  degraded: { word: "eingeschränkt", variant: "warning" },
  down: { word: "gestört", variant: "destructive" },
};

/** One check as the overview shows it, with the servers that depend on it. */
export interface CheckFinding {
  check: string;
  label: string;
  status: Status;
  message: string;
  action: string | null;
  /** Where the action can be taken, when it is a page of the dashboard. */
  href: string | null;
  servers: string[];
}

const isFault = (status: Status) => status === "degraded" || status === "down";

/** "Alle 14 Dienste sind bereit." (not configured ones count as ready) or how many are impaired. */
export function healthSummary(checks: Record<string, ServerCheck>): string {
  const all = Object.values(checks);
  const down = all.filter((c) => c.status === "down").length;
  const faults = all.filter((c) => isFault(c.status)).length;
  if (faults === 0) return `Alle ${all.length} Dienste sind bereit.`;
  return `${faults} von ${all.length} Diensten ${down > 0 ? "gestört" : "eingeschränkt"}.`;
}

/** Per check (servers sharing one are named once): the faults, worst first, and what is not set up. */
export function checkFindings(checks: Record<string, ServerCheck>): { faults: CheckFinding[]; notConfigured: CheckFinding[] } {
  const byCheck = new Map<string, CheckFinding>();
  for (const [server, c] of Object.entries(checks)) {
    const known = byCheck.get(c.check);
    if (known) known.servers.push(server);
    else byCheck.set(c.check, { check: c.check, label: c.check_label, status: c.status, message: c.message, action: c.action, href: actionHref(c), servers: [server] });
  }
  const findings = [...byCheck.values()];
  return {
    faults: findings.filter((f) => isFault(f.status)).sort((a, b) => Number(b.status === "down") - Number(a.status === "down")),
    notConfigured: findings.filter((f) => f.status === "not_configured"),
  };
}

/** A badge's tooltip: "Die Datenbank antwortet. Antwortzeit 2 ms. Geprüft um 09:41 Uhr." */
export function checkDetail(c: ServerCheck, time: (iso: string) => string): string {
  const latency = c.latency_ms === null ? "" : ` Antwortzeit ${c.latency_ms < 1 ? "unter 1" : Math.round(c.latency_ms)} ms.`;
  return `${c.message}${latency} Geprüft um ${time(c.checked_at)} Uhr.`;
}

function actionHref(c: ServerCheck): string | null {
  if (c.status === "healthy" || !c.action) return null;
  if (c.check === "retell") return c.status === "degraded" ? "/agenten" : "/einstellungen?bereich=retell";
  if (c.check === "calcom") return "/einstellungen?bereich=kalender";
  if (c.check === "stripe") return "/einstellungen?bereich=zahlungen";
  return null;
}
