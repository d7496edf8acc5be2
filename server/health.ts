import { getDb } from "@/server/db";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { pendingMigrations } from "@/server/db/migrations";
import { circuitStates, type CircuitStateName, type OutboundService } from "@/server/resilience";

export interface HealthReport {
  /** ok: ready; degraded: ready but an outbound circuit is not closed; down: not ready. */
  status: "ok" | "degraded" | "down";
  checkedAt: string;
  uptimeSeconds: number;
  database: { reachable: boolean; latencyMs: number | null };
  migrations: { applied: boolean; pending: string[] };
  circuits: Record<OutboundService, CircuitStateName>;
}

/**
 * Readiness: the database answers and every migration is applied. Open circuits make the
 * report "degraded" (the app still serves everything that does not need that service).
 * Contains no connection strings or other secrets.
 */
export async function checkHealth(opts: { db?: PrismaClient; now?: () => Date } = {}): Promise<HealthReport> {
  const now = opts.now?.() ?? new Date();
  let reachable = false;
  let latencyMs: number | null = null;
  let pending: string[] = [];
  try {
    const db = opts.db ?? (await getDb());
    const started = performance.now();
    await db.$queryRawUnsafe("SELECT 1");
    latencyMs = Math.round((performance.now() - started) * 10) / 10;
    reachable = true;
    pending = await pendingMigrations((sql) => db.$queryRawUnsafe<{ migration_name: string }[]>(sql));
  } catch {
    reachable = false;
  }
  const circuits = circuitStates();
  const ready = reachable && pending.length === 0;
  const allClosed = Object.values(circuits).every((s) => s === "closed");
  return {
    status: !ready ? "down" : allClosed ? "ok" : "degraded",
    checkedAt: now.toISOString(),
    uptimeSeconds: Math.round(process.uptime()),
    database: { reachable, latencyMs },
    migrations: { applied: reachable && pending.length === 0, pending: reachable ? pending : [] },
    circuits,
  };
}

/** GET /api/health: 200 when ready, 503 otherwise; `?probe=live` only answers that the process runs. */
export async function handleHealthRequest(request: Request, opts: { db?: PrismaClient } = {}): Promise<Response> {
  const headers = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
  if (new URL(request.url).searchParams.get("probe") === "live") {
    return new Response(JSON.stringify({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }), { headers });
  }
  const report = await checkHealth(opts);
  return new Response(JSON.stringify(report), { status: report.status === "down" ? 503 : 200, headers });
}
