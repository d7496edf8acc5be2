import { getDb } from "@/server/platform/db";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { pendingMigrations } from "@/server/platform/db/migrations";
import { redisState } from "@/server/platform/cache/redis";
import { isShuttingDown } from "@/server/platform/lifecycle";
import { circuitStates, type CircuitStateName, type OutboundService } from "@/server/platform/resilience";

export interface HealthReport {
  /** ok: ready; degraded: ready but Redis is unreachable or an outbound circuit is not closed; down: not ready. */
  status: "ok" | "degraded" | "down";
  checkedAt: string;
  uptimeSeconds: number;
  database: { reachable: boolean; latencyMs: number | null };
  migrations: { applied: boolean; pending: string[] };
  circuits: Record<OutboundService, CircuitStateName>;
  /** Unreachable: requests are served from per-instance fallbacks (cache bypassed, limits per instance). */
  redis: "ok" | "unreachable" | "not_configured";
  shuttingDown: boolean;
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
    latencyMs = await pingDatabase(db);
    reachable = true;
    pending = await pendingMigrations((sql) => db.$queryRawUnsafe<{ migration_name: string }[]>(sql));
  } catch {
    reachable = false;
  }
  const circuits = circuitStates();
  const redis = redisState();
  const shuttingDown = isShuttingDown();
  const ready = reachable && pending.length === 0 && !shuttingDown;
  const allClosed = Object.values(circuits).every((s) => s === "closed");
  return {
    status: !ready ? "down" : allClosed && redis !== "unreachable" ? "ok" : "degraded",
    checkedAt: now.toISOString(),
    uptimeSeconds: Math.round(process.uptime()),
    database: { reachable, latencyMs },
    migrations: { applied: reachable && pending.length === 0, pending: reachable ? pending : [] },
    circuits,
    redis,
    shuttingDown,
  };
}

/** Runs `SELECT 1` and answers its latency in milliseconds (one decimal); throws when the database does not answer. */
export async function pingDatabase(db: PrismaClient): Promise<number> {
  const started = performance.now();
  await db.$queryRawUnsafe("SELECT 1");
  return Math.round((performance.now() - started) * 10) / 10;
}

const HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/** GET /api/health: the full report, 200 when ready (also degraded), 503 otherwise; `?probe=live` as /api/health/live. */
export async function handleHealthRequest(request: Request, opts: { db?: PrismaClient } = {}): Promise<Response> {
  if (new URL(request.url).searchParams.get("probe") === "live") return handleLiveRequest();
  const report = await checkHealth(opts);
  return new Response(JSON.stringify(report), { status: report.status === "down" ? 503 : 200, headers: HEADERS });
}

/** GET /api/health/live: the process runs and answers (no dependency is asked). */
export function handleLiveRequest(): Response {
  return new Response(JSON.stringify({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }), { headers: HEADERS });
}

/**
 * GET /api/health/ready: 200 while the database answers, migrations are applied and the
 * process is not shutting down; else 503 with `retry_after`. Redis trouble does not make an
 * instance unready (it serves from fallbacks), it shows as "degraded".
 */
export async function handleReadyRequest(opts: { db?: PrismaClient } = {}): Promise<Response> {
  const report = await checkHealth(opts);
  const body = { status: report.status, database: report.database.reachable, redis: report.redis, shuttingDown: report.shuttingDown };
  if (report.status !== "down") return new Response(JSON.stringify(body), { headers: HEADERS });
  return new Response(JSON.stringify({ ...body, retry_after: 5 }), { status: 503, headers: { ...HEADERS, "retry-after": "5" } });
}
