/**
 * The overview's system status in an owner's words, from mcp.health's per-server checks (pure):
 * one entry per dependency (Datenbank, Retell, Kalender, E-Mail-Versand, Zahlungen) with a state
 * word and what to do, linked to where it is fixed. Server names, latencies and the checks' own
 * wording for operators belong in the technical details only.
 */
import type { ServerCheck } from "@/server/services/meta/schemas";

type Status = ServerCheck["status"];
type Variant = "success" | "secondary" | "warning" | "destructive";

export const STATUS_WORDS: Record<Status, { word: string; variant: Variant }> = {
  healthy: { word: "Betriebsbereit", variant: "success" },
  degraded: { word: "Eingeschränkt", variant: "warning" },
  down: { word: "Nicht erreichbar", variant: "destructive" },
  not_configured: { word: "Nicht eingerichtet", variant: "secondary" },
};

/** What an owner can fix in the dashboard links there; what only the operators can fix says so. */
const OPERATOR_ACTION = "Technische Betreuung verständigen";

interface Dependency {
  label: string;
  /** Where the owner fixes it; none when only the operators can (database, mail server). */
  href?: (status: Status) => string;
}

/** The dependencies an owner sees, in this order; any other check (e.g. Sentry) only in the details. */
const DEPENDENCIES: Record<string, Dependency> = {
  database: { label: "Datenbank" },
  retell: { label: "Retell", href: (status) => (status === "degraded" ? "/agenten" : "/einstellungen?bereich=retell") },
  calcom: { label: "Kalender (Cal.com)", href: () => "/einstellungen?bereich=kalender" },
  smtp: { label: "E-Mail-Versand" },
  stripe: { label: "Zahlungen (Stripe)", href: () => "/einstellungen?bereich=zahlungen" },
};

/** One check as the overview shows it, with the servers that depend on it. */
export interface CheckFinding {
  check: string;
  label: string;
  status: Status;
  message: string;
  /** What the owner should do; null when nothing is to be done. */
  action: string | null;
  /** Where the action can be taken, when it is a page of the dashboard. */
  href: string | null;
  /** The check's own suggestion, for the technical details (may name settings of the installation). */
  technicalAction: string | null;
  latencyMs: number | null;
  checkedAt: string;
  servers: string[];
}

const isFault = (status: Status) => status === "degraded" || status === "down";

/**
 * Per check (servers sharing one are named once): `shown` are the owner's dependencies in their
 * order, `all` every check for the technical details.
 */
export function checkFindings(checks: Record<string, ServerCheck>): { shown: CheckFinding[]; all: CheckFinding[] } {
  const byCheck = new Map<string, CheckFinding>();
  for (const [server, c] of Object.entries(checks)) {
    const known = byCheck.get(c.check);
    if (known) {
      known.servers.push(server);
      continue;
    }
    const dependency = DEPENDENCIES[c.check];
    byCheck.set(c.check, {
      check: c.check,
      label: dependency?.label ?? c.check_label,
      status: c.status,
      message: c.message,
      ...ownerAction(c, dependency),
      technicalAction: c.action,
      latencyMs: c.latency_ms,
      checkedAt: c.checked_at,
      servers: [server],
    });
  }
  const order = Object.keys(DEPENDENCIES);
  const shown = order.flatMap((check) => byCheck.get(check) ?? []);
  return { shown, all: [...byCheck.values()] };
}

function ownerAction(c: ServerCheck, dependency: Dependency | undefined): { action: string | null; href: string | null } {
  if (c.status === "healthy") return { action: null, href: null };
  if (dependency?.href) return c.action ? { action: c.action, href: dependency.href(c.status) } : { action: null, href: null };
  return { action: isFault(c.status) ? OPERATOR_ACTION : null, href: null };
}

/** "Alles betriebsbereit." or each fault with what to do: "Retell nicht erreichbar: API-Schlüssel … prüfen." */
export function healthSummary(shown: CheckFinding[]): string {
  const faults = shown.filter((f) => isFault(f.status)).sort((a, b) => Number(b.status === "down") - Number(a.status === "down"));
  if (faults.length === 0) return "Alles betriebsbereit.";
  return `${faults.map((f) => `${f.label} ${STATUS_WORDS[f.status].word.toLowerCase()}${f.action ? `: ${f.action}` : ""}`).join(". ")}.`;
}

/** A check in the technical details: "Antwortzeit 2 ms. Geprüft um 09:41 Uhr." */
export function checkDetail(f: Pick<CheckFinding, "latencyMs" | "checkedAt">, time: (iso: string) => string): string {
  const latency = f.latencyMs === null ? "" : `Antwortzeit ${f.latencyMs < 1 ? "unter 1" : Math.round(f.latencyMs)} ms. `;
  return `${latency}Geprüft um ${time(f.checkedAt)} Uhr.`;
}

/** A due job waiting this long means the queue does not run. */
const STUCK_AFTER_SECONDS = 15 * 60;

/** The queue of background jobs (confirmations, reminders) as one more dependency. */
export function queueFinding(queue: { failed: number; oldestPendingSeconds: number | null }, checkedAt: string): CheckFinding {
  const base = { check: "queue", label: "Warteschlange", technicalAction: null, latencyMs: null, checkedAt, servers: ["queue"] };
  if (queue.oldestPendingSeconds !== null && queue.oldestPendingSeconds >= STUCK_AFTER_SECONDS) {
    const minutes = Math.floor(queue.oldestPendingSeconds / 60);
    return {
      ...base,
      status: "degraded",
      message: `Aufträge warten seit ${minutes} Minuten; Bestätigungen und Erinnerungen gehen nicht hinaus.`,
      action: OPERATOR_ACTION,
      href: null,
    };
  }
  if (queue.failed > 0) {
    return {
      ...base,
      status: "degraded",
      message: queue.failed === 1 ? "1 Auftrag ist fehlgeschlagen (z. B. eine Bestätigung)." : `${queue.failed} Aufträge sind fehlgeschlagen (z. B. Bestätigungen).`,
      action: "In der Warteschlange erneut versuchen oder abbrechen",
      href: "/warteschlange",
    };
  }
  return { ...base, status: "healthy", message: "Bestätigungen und Erinnerungen werden versendet.", action: null, href: null };
}
