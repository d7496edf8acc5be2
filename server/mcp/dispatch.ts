import { AppError, ErrorCodes } from "@/server/errors";
import { getDb } from "@/server/db";
import { getCache } from "@/server/cache";
import { logger } from "@/server/logger";
import { getRegistry, type Registry } from "@/server/mcp/registry";
import type { Actor, MethodDef, ServerDef, ServiceContext } from "@/server/mcp/types";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { InvalidParamsError, MethodNotFoundError } from "./call-errors";

export { InvalidParamsError, MethodNotFoundError } from "./call-errors";

/** What a door knows about the caller; the company always comes from authentication. */
export interface DoorContext {
  companyId: string;
  actor: Actor;
  correlationId: string;
  db?: PrismaClient;
  now?: () => Date;
  /** Defaults to the product registry; tests may pass their own. */
  registry?: Registry;
}

export interface CallResult {
  data: unknown;
  cached: boolean;
}

/**
 * Calls one registered method for an authenticated caller. Every door goes through here:
 * params validation, tenant and permission checks, rate limits, caching, metrics, audit, logs.
 */
export async function callMethod(name: string, rawParams: unknown, door: DoorContext): Promise<CallResult> {
  const registry = door.registry ?? getRegistry();
  const found = registry.findMethod(name);
  if (!found) throw new MethodNotFoundError(name);
  const { server, method } = found;

  authorize(server, method, door.actor);
  const params = parseParams(method, stripOwnCompany(rawParams, door.companyId));

  const db = door.db ?? (await getDb());
  const ctx: ServiceContext = {
    companyId: door.companyId,
    actor: door.actor,
    db,
    log: logger.child({ correlationId: door.correlationId, method: name, companyId: door.companyId }),
    now: door.now ?? (() => new Date()),
    correlationId: door.correlationId,
  };

  if (method.kind === "read" && method.cache) {
    const cache = getCache();
    const key = cacheKey(door.companyId, name, params);
    const hit = await cache.get<unknown>(key);
    if (hit !== undefined) return { data: hit, cached: true };
    const data = await method.handler(ctx, params);
    await cache.set(key, data, method.cache.ttlSeconds, method.cache.tags.map((t) => companyTag(door.companyId, t)));
    return { data, cached: false };
  }

  const data = await method.handler(ctx, params);
  if (method.kind === "write") {
    const cache = getCache();
    for (const tag of method.invalidates ?? []) await cache.invalidateTag(companyTag(door.companyId, tag));
  }
  return { data, cached: false };
}

/** A `company_id` in params must name the caller's own company; it is then dropped. */
function stripOwnCompany(raw: unknown, companyId: string): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const obj = raw as Record<string, unknown>;
  if (!("company_id" in obj) && !("companyId" in obj)) return raw;
  for (const key of ["company_id", "companyId"] as const) {
    if (key in obj && obj[key] !== companyId) {
      throw new AppError(ErrorCodes.FORBIDDEN, "Zugriff auf eine andere Firma ist nicht erlaubt.");
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
    const allowed = actor.allowedServers ?? [];
    if (allowed.length > 0 && server.name !== "mcp" && !allowed.includes(server.name)) {
      throw new AppError(ErrorCodes.FORBIDDEN, `Dieses Token ist für den Dienst „${server.name}“ nicht freigegeben.`);
    }
  }
  if (actor.type === "user") {
    const roles = method.roles ?? (method.kind === "write" ? ["admin"] : ["admin", "staff"]);
    if (!actor.role || !roles.includes(actor.role)) {
      throw new AppError(ErrorCodes.FORBIDDEN, "Für diese Aktion fehlt Ihnen die Berechtigung.");
    }
  }
}

export function companyTag(companyId: string, tag: string): string {
  return `c:${companyId}:t:${tag}`;
}

function cacheKey(companyId: string, method: string, params: unknown): string {
  return `c:${companyId}:m:${method}:${stableJson(params)}`;
}

/** JSON with sorted object keys, so equal params give equal cache keys. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(",")}}`;
}
