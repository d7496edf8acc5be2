import { performance } from "node:perf_hooks";
import "@/server/core/zod-locale";
import { queueAudit, writeAudit } from "@/server/platform/audit";
import { getCache } from "@/server/platform/cache";
import { getDb } from "@/server/platform/db";
import { AppError, ErrorCodes, isAppError } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callLogger, logger, type Logger } from "@/server/platform/logger";
import { reportUnexpectedError } from "@/server/platform/error-report";
import { recordCall } from "@/server/platform/metrics";
import { getRegistry, type Registry } from "@/server/core/registry";
import type { Actor, MethodDef, ServerDef, ServiceContext } from "@/server/core/types";
import { getRateLimiter } from "@/server/platform/rate-limit";
import { tokenMayCall } from "@/server/core/token-scopes";
import { InvalidParamsError, MethodNotFoundError } from "./call-errors";
import { cacheKey, companyTag } from "./cache-keys";
import { fromSpecShape } from "./spec-aliases";

export { InvalidParamsError, MethodNotFoundError } from "./call-errors";
export { companyTag } from "./cache-keys";

/** What a door knows about the caller; the company always comes from authentication. */
export interface DoorContext {
  companyId: string;
  actor: Actor;
  correlationId: string;
  db?: PrismaClient;
  now?: () => Date;
  /** Defaults to the product registry; tests may pass their own. */
  registry?: Registry;
  /** A busy door's audit rows go out in batches, a moment after the answer (platform/write-behind.ts). */
  batchAudit?: boolean;
}

export interface CallResult {
  data: unknown;
  cached: boolean;
}

/** JSON-RPC codes for failures that are not domain errors (used in metrics and logs). */
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;

/**
 * Calls one registered method for an authenticated caller. Every door goes through here:
 * tenant and permission checks, rate limit, params validation, cache, handler, cache
 * invalidation, metrics, an audit row for writes (and reads marked `audit`, such as reveals) and one
 * log line per call.
 *
 * Throws MethodNotFoundError, InvalidParamsError, AppError (domain errors, safe to show) or
 * anything else (unexpected; doors answer "internal error" without details).
 */
export async function callMethod(name: string, rawParams: unknown, door: DoorContext): Promise<CallResult> {
  const started = performance.now();
  const registry = door.registry ?? getRegistry();
  const found = registry.findMethod(name);
  const serverName = found?.server.name ?? registry.resolveServer(name)?.name ?? "unknown";
  let cached = false;
  let errorCode: number | undefined;
  let db = door.db;
  let params: unknown;
  let result: CallResult | undefined;
  try {
    if (!found) throw new MethodNotFoundError(name);
    const { server, method } = found;
    authorize(server, method, door.actor);
    await getRateLimiter().consume(method.rateLimitClass ?? server.name, callerKey(door));
    // The specification's shapes first, so a company_id inside params.data is checked too.
    params = parseParams(method, stripOwnCompany(fromSpecShape(method, rawParams), door.companyId));
    db ??= await getDb();
    result = await run(method, params, serviceContext(door, db, name));
    cached = result.cached;
    return result;
  } catch (err) {
    errorCode = codeOf(err);
    if (errorCode === INTERNAL_ERROR) reportUnexpectedError(err, { db, companyId: door.companyId, where: name, correlationId: door.correlationId });
    throw err;
  } finally {
    const durationMs = performance.now() - started;
    const methodLabel = found ? name : "unknown";
    recordCall(serverName, methodLabel, durationMs / 1000, errorCode, door.companyId);
    const outcome = errorCode === undefined ? "success" : "error";
    callLogger.info(
      {
        correlation_id: door.correlationId,
        server: serverName,
        method: methodLabel,
        company_id: door.companyId,
        actor: door.actor.type,
        duration_ms: Math.round(durationMs * 10) / 10,
        cached,
        outcome,
        ...(errorCode === undefined ? {} : { error_code: errorCode }),
      },
      "mcp call",
    );
    if (found && (found.method.kind === "write" || found.method.audit) && errorCode !== METHOD_NOT_FOUND) {
      const entity = auditedEntity(found.method, params, result?.data);
      const entry = { companyId: door.companyId, actor: door.actor, method: name, outcome, errorCode, durationMs, correlationId: door.correlationId, ...entity } as const;
      if (door.batchAudit) queueAudit(db ?? (await getDb()), entry);
      else await writeAudit(db ?? (await getDb()), entry);
    }
  }
}

/**
 * The entity an audit row names: the method's own id function, else result.id, result.<entity>.id,
 * params.id or params.<entity>_id. Never throws (it runs in callMethod's finally).
 */
export function auditedEntity(method: MethodDef, params: unknown, result: unknown): { entityType: string | null; entityId: string | null } {
  const audit = method.audit;
  if (!audit) return { entityType: null, entityId: null };
  let id: unknown;
  try {
    id = audit.id
      ? audit.id(params, result)
      : (field(result, "id") ?? field(field(result, audit.entity), "id") ?? field(params, "id") ?? field(params, `${audit.entity}_id`));
  } catch {
    id = null;
  }
  return { entityType: audit.entity, entityId: typeof id === "string" || typeof id === "number" ? String(id) : null };
}

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === "object" ? (obj as Record<string, unknown>)[key] : undefined;
}

async function run(method: MethodDef, params: unknown, ctx: ServiceContext): Promise<CallResult> {
  const cache = getCache();
  if (method.kind === "read" && method.cache) {
    const key = cacheKey(ctx.companyId, method.name, params);
    const hit = await cache.get<unknown>(key);
    if (hit !== undefined) return { data: hit, cached: true };
    const data = await handle(method, params, ctx);
    await cache.set(key, data, method.cache.ttlSeconds, method.cache.tags.map((t) => companyTag(ctx.companyId, t)));
    return { data, cached: false };
  }
  const data = await handle(method, params, ctx);
  if (method.kind === "write") {
    for (const tag of method.invalidates ?? []) await cache.invalidateTag(companyTag(ctx.companyId, tag));
  }
  return { data, cached: false };
}

/** Runs the handler and shapes its answer by the result schema (defaults, dropped extras). */
async function handle(method: MethodDef, params: unknown, ctx: ServiceContext): Promise<unknown> {
  const parsed = method.result.safeParse(await method.handler(ctx, params));
  if (!parsed.success) {
    throw new Error(`Result of ${method.name} does not match its schema: ${JSON.stringify(parsed.error.issues).slice(0, 500)}`);
  }
  return parsed.data;
}

function serviceContext(door: DoorContext, db: PrismaClient, method: string): ServiceContext {
  let log: Logger | undefined;
  return {
    companyId: door.companyId,
    actor: door.actor,
    db,
    // Made on first use: most calls log nothing of their own, and a child logger serialises its bindings at once.
    get log() {
      return (log ??= logger.child({ correlation_id: door.correlationId, method, company_id: door.companyId }));
    },
    now: door.now ?? (() => new Date()),
    correlationId: door.correlationId,
  };
}

/** Rate limits count per token (or user), falling back to the company for service actors. */
function callerKey(door: DoorContext): string {
  return `${door.actor.type}:${door.actor.id ?? door.companyId}`;
}

/** `details.reason` of the refusal of a company_id naming another company (doors may answer it in the specification's form). */
export const COMPANY_MISMATCH = "company_mismatch";

/** A `company_id` in params must name the caller's own company; it is then dropped. */
function stripOwnCompany(raw: unknown, companyId: string): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const obj = raw as Record<string, unknown>;
  if (!("company_id" in obj) && !("companyId" in obj)) return raw;
  for (const key of ["company_id", "companyId"] as const) {
    if (key in obj && String(obj[key]) !== companyId) {
      throw new AppError(ErrorCodes.FORBIDDEN, "Zugriff auf eine andere Firma ist nicht erlaubt.", { details: { reason: COMPANY_MISMATCH } });
    }
  }
  const { company_id: _a, companyId: _b, ...rest } = obj;
  return rest;
}

function parseParams(method: MethodDef, raw: unknown): unknown {
  const parsed = method.params.safeParse(raw ?? {});
  if (!parsed.success) throw new InvalidParamsError(parsed.error.issues);
  return parsed.data;
}

function authorize(server: ServerDef, method: MethodDef, actor: Actor): void {
  if (actor.type === "token") {
    if (!tokenMayCall(actor.allowedServers ?? [], server, method)) {
      throw new AppError(ErrorCodes.FORBIDDEN, `Dieses Token ist für „${method.name}“ nicht freigegeben.`);
    }
  }
  if (actor.type === "user") {
    if (!actor.role || !methodRoles(method).includes(actor.role)) {
      throw new AppError(ErrorCodes.FORBIDDEN, "Für diese Aktion fehlt Ihnen die Berechtigung.");
    }
  }
}

/** Dashboard roles that may call a method: its own `roles`, else writes are admin-only and reads open to all. */
export function methodRoles(method: MethodDef): ReadonlyArray<"admin" | "staff"> {
  return method.roles ?? (method.kind === "write" ? ["admin"] : ["admin", "staff"]);
}

function codeOf(err: unknown): number {
  if (isAppError(err)) return err.code;
  if (err instanceof MethodNotFoundError) return METHOD_NOT_FOUND;
  if (err instanceof InvalidParamsError) return INVALID_PARAMS;
  return INTERNAL_ERROR;
}

