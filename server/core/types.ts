import type { z } from "zod";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Logger } from "@/server/platform/logger";

/** Who is calling. The company always comes from authentication, never from params. */
export interface Actor {
  type: "user" | "token" | "retell" | "calcom" | "system";
  id: string | null;
  /** A user's or token's display name, for the audit log (carried by the session or the cached token, no query). */
  name?: string;
  /** Dashboard users only. */
  role?: "admin" | "staff";
  /** API tokens only: the token's grants (see server/core/token-scopes.ts). */
  allowedServers?: string[];
}

/** Everything a service function needs; built by each door. */
export interface ServiceContext {
  companyId: string;
  actor: Actor;
  db: PrismaClient;
  log: Logger;
  now: () => Date;
  correlationId: string;
}

export type MethodKind = "read" | "write";

export interface MethodDef<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** Full name `<server>.<action>`, e.g. `retell.config.getWebhookConfiguration`. */
  name: string;
  description: string;
  params: P;
  result: R;
  kind: MethodKind;
  /** Rate-limit bucket; defaults to the server name. */
  rateLimitClass?: string;
  /** Dashboard roles allowed (tokens are bound by allowedServers instead). Default: writes admin-only, reads all. */
  roles?: ReadonlyArray<"admin" | "staff">;
  /** Changes or reveals the company's configuration: a token needs the explicit `config:<server>` grant. */
  configuration?: boolean;
  /** Read results cached for this long, keyed by company + params; invalidated by writes naming the same tags. */
  cache?: { ttlSeconds: number; tags: string[] };
  /** Cache tags a successful write invalidates (for its company). */
  invalidates?: string[];
  /**
   * What the audit row names as changed. Writes always leave a row; a read with `audit` leaves one too
   * (for reveals of secrets). Default id: result.id ?? result.<entity>.id ?? params.id ?? params.<entity>_id.
   */
  // `any`: each method reads its own params and result shape here, which `unknown` would refuse.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  audit?: { entity: string; id?: (params: any, result: any) => string | null | undefined };
  handler: (ctx: ServiceContext, params: z.output<P>) => Promise<z.input<R>>;
}

/** healthy: works; degraded: works with a fault; down: does not work; not_configured: not set up (no error). */
export type HealthState = "healthy" | "degraded" | "down" | "not_configured";

/** What a health check found; messages in plain German, never secrets or stack traces. */
export interface HealthStatus {
  status: HealthState;
  message?: string;
  /** What to do about it, e.g. "API-Schlüssel prüfen". */
  action?: string;
  latencyMs?: number;
}

/**
 * A server's own health check, run for the calling company with a time limit, its result cached
 * briefly per company and check. Servers sharing a check (same `name`) share its result.
 */
export interface HealthCheck {
  /** e.g. `retell`; part of the cache key. */
  name: string;
  /** German name of what is checked, e.g. "Retell". */
  label: string;
  /** Cache tags that drop a cached result early (for example when the company's key changes). */
  tags?: (companyId: string) => string[];
  run: (ctx: ServiceContext) => Promise<HealthStatus>;
}

export interface ServerDef {
  /** e.g. `appointments`, `retell.config`. */
  name: string;
  version: string;
  description: string;
  methods: MethodDef[];
  /** Without one, a server is as healthy as the database it works on. */
  health?: HealthCheck;
}

/**
 * A method as `defineMethod` returns it: stored as a plain MethodDef, with its literal name, its
 * kind and its schemas kept in the type so the tRPC router derived from the registry is typed.
 */
export type TypedMethod<N extends string, K extends MethodKind, P extends z.ZodType, R extends z.ZodType> = MethodDef & {
  name: N;
  kind: K;
  params: P;
  result: R;
};

/** Keeps the params/result types tied to the handler while storing it as a plain MethodDef. */
export function defineMethod<const N extends string, K extends MethodKind, P extends z.ZodType, R extends z.ZodType>(
  def: MethodDef<P, R> & { name: N; kind: K },
): TypedMethod<N, K, P, R> {
  return def as unknown as TypedMethod<N, K, P, R>;
}

/** A server with its literal name and the union of its typed methods. */
export type TypedServer<N extends string, M extends MethodDef> = ServerDef & { name: N; methods: M[] };

export function defineServer<const N extends string, M extends MethodDef>(def: ServerDef & { name: N; methods: M[] }): TypedServer<N, M> {
  for (const m of def.methods) {
    if (!m.name.startsWith(`${def.name}.`) || m.name.slice(def.name.length + 1).includes(".")) {
      throw new Error(`Method ${m.name} does not belong to server ${def.name}`);
    }
  }
  return def;
}
