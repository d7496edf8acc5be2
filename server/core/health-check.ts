/**
 * Health of the servers for one company: the database first, then each distinct check of the
 * servers (Retell, Cal.com, the mail server) once, in parallel, each with a time limit. Results
 * are cached briefly per company and check, so a hanging vendor can neither hang the caller nor
 * be asked on every refresh.
 */
import { performance } from "node:perf_hooks";
import { getCache, remember } from "@/server/platform/cache";
import { pingDatabase } from "@/server/platform/health";
import { mcpEnv } from "@/server/platform/mcp-env";
import type { HealthCheck, HealthState, HealthStatus, ServerDef, ServiceContext } from "@/server/core/types";

/** Longest a single check may take; a slower one counts as down. */
export const HEALTH_TIMEOUT_MS = 3_000;
/** How long a result is reused for the same company by default (MCP_HEALTH_CHECK_INTERVAL overrides it). */
export const HEALTH_TTL_SECONDS = 30;

export interface CheckResult {
  /** Name of the check that produced the result (`database`, `retell`, ...). */
  check: string;
  /** Its German name ("Datenbank", "Retell", ...). */
  label: string;
  status: HealthState;
  message: string;
  action: string | null;
  latencyMs: number | null;
  /** ISO instant the check ran (a cached result keeps its own). */
  checkedAt: string;
}

export interface CheckOptions {
  timeoutMs?: number;
  ttlSeconds?: number;
}

/** `SELECT 1` on the company's database, with its latency. */
export const databaseCheck: HealthCheck = {
  name: "database",
  label: "Datenbank",
  async run(ctx) {
    try {
      const latencyMs = await pingDatabase(ctx.db);
      return { status: "healthy", message: "Die Datenbank antwortet.", latencyMs };
    } catch (error) {
      ctx.log.warn({ err: error }, "health check: database does not answer");
      return { status: "down", message: "Die Datenbank antwortet nicht.", action: "Betrieb verständigen" };
    }
  },
};

/** Cache tag of every health result of a company. */
export const healthCacheTag = (companyId: string) => `health:${companyId}`;

/**
 * The health of each server for the calling company. A server without a check of its own is as
 * healthy as the database; when the database is down, every server is down with it (and no
 * vendor is asked). The other checks run in parallel, each once however many servers share it.
 */
export async function checkServers(ctx: ServiceContext, servers: readonly ServerDef[], opts: CheckOptions = {}): Promise<Map<string, CheckResult>> {
  const database = await cachedCheck(ctx, databaseCheck, opts);
  if (database.status === "down") return new Map(servers.map((server) => [server.name, database]));
  const checks = new Map<string, HealthCheck>();
  for (const server of servers) if (server.health && !checks.has(server.health.name)) checks.set(server.health.name, server.health);
  const results = new Map(
    await Promise.all([...checks.values()].map(async (check) => [check.name, await cachedCheck(ctx, check, opts)] as const)),
  );
  return new Map(servers.map((server) => [server.name, server.health ? results.get(server.health.name)! : database]));
}

async function cachedCheck(ctx: ServiceContext, check: HealthCheck, opts: CheckOptions): Promise<CheckResult> {
  const key = `${healthCacheTag(ctx.companyId)}:${check.name}`;
  const tags = [healthCacheTag(ctx.companyId), ...(check.tags?.(ctx.companyId) ?? [])];
  const compute = () => runCheck(ctx, check, opts.timeoutMs ?? HEALTH_TIMEOUT_MS);
  return (await remember(getCache(), key, opts.ttlSeconds ?? mcpEnv().MCP_HEALTH_CHECK_INTERVAL, tags, compute)).value;
}

/** Runs one check with a time limit; never throws (a failing or hanging check is "down"). */
export async function runCheck(ctx: ServiceContext, check: HealthCheck, timeoutMs = HEALTH_TIMEOUT_MS): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let found: HealthStatus;
  try {
    found = await Promise.race([
      check.run(ctx),
      new Promise<HealthStatus>((resolve) => {
        timer = setTimeout(
          () => resolve({ status: "down", message: `${check.label} antwortet nicht innerhalb von ${seconds(timeoutMs)}.`, action: "Später erneut prüfen" }),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    ctx.log.warn({ err: error, check: check.name }, "health check failed");
    found = { status: "down", message: `Die Statusprüfung von ${check.label} ist fehlgeschlagen.`, action: "Später erneut prüfen" };
  } finally {
    clearTimeout(timer);
  }
  const measured = Math.round((performance.now() - started) * 10) / 10;
  return {
    check: check.name,
    label: check.label,
    status: found.status,
    message: found.message ?? DEFAULT_MESSAGES[found.status],
    action: found.action ?? null,
    latencyMs: found.latencyMs ?? (found.status === "not_configured" ? null : measured),
    checkedAt: ctx.now().toISOString(),
  };
}

const DEFAULT_MESSAGES: Record<HealthState, string> = {
  healthy: "Bereit.",
  degraded: "Eingeschränkt.",
  down: "Nicht erreichbar.",
  not_configured: "Nicht eingerichtet.",
};

function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return s === 1 ? "einer Sekunde" : `${String(s).replace(".", ",")} Sekunden`;
}
