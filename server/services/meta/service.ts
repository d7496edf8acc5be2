import type { z } from "zod";
import { checkServers, type CheckResult } from "@/server/core/health-check";
import { jsonSchemaOf } from "@/server/core/json-schema";
import { getRegistry } from "@/server/core/registry";
import { specAliasesOf } from "@/server/core/spec-aliases";
import type { ServerDef, ServiceContext } from "@/server/core/types";
import { tokenMayCall, tokenSeesServer } from "@/server/core/token-scopes";
import type * as s from "./schemas";

/** The servers and methods this caller may use: a token sees only what its grants allow (and `mcp`). */
function visibleServers(ctx: ServiceContext): readonly ServerDef[] {
  const all = getRegistry().servers;
  if (ctx.actor.type !== "token") return all;
  const grants = ctx.actor.allowedServers ?? [];
  return all
    .filter((sv) => tokenSeesServer(grants, sv))
    .map((sv) => ({ ...sv, methods: sv.methods.filter((m) => tokenMayCall(grants, sv, m)) }));
}

/** The short form: healthy (also when not configured) or unhealthy with the reason. */
function shortHealth(result: CheckResult): z.input<typeof s.healthSchema> {
  if (result.status === "healthy") return { status: "healthy", message: null };
  if (result.status === "not_configured") return { status: "healthy", message: result.message };
  return { status: "unhealthy", message: result.action ? `${result.message} ${result.action}.` : result.message };
}

function fullHealth(result: CheckResult): z.input<typeof s.serverCheckSchema> {
  return {
    status: result.status,
    message: result.message,
    action: result.action,
    latency_ms: result.latencyMs,
    checked_at: result.checkedAt,
    check: result.check,
    check_label: result.label,
  };
}

export async function discover(ctx: ServiceContext): Promise<z.input<typeof s.discoverResult>> {
  const servers = visibleServers(ctx);
  const health = await checkServers(ctx, servers);
  return {
    servers: servers.map((server) => ({
      name: server.name,
      version: server.version,
      description: server.description,
      health: shortHealth(health.get(server.name)!),
      methods: server.methods.map((m) => ({
        name: m.name,
        description: m.description,
        kind: m.kind,
        params: jsonSchemaOf(m.params, "input"),
        result: jsonSchemaOf(m.result, "output"),
        spec_aliases: specAliasesOf(m.name).map((a) => ({ spec: a.spec, maps_to: a.ours, description: a.description })),
      })),
    })),
  };
}

/** Asks every visible server's check (cached 30 s per company and check, 3 s at most each). */
export async function health(ctx: ServiceContext): Promise<z.input<typeof s.healthResult>> {
  const servers = visibleServers(ctx);
  const results = await checkServers(ctx, servers);
  const entries = servers.map((sv) => [sv.name, results.get(sv.name)!] as const);
  return {
    status: entries.every(([, r]) => r.status === "healthy" || r.status === "not_configured") ? "healthy" : "degraded",
    servers: Object.fromEntries(entries.map(([name, r]) => [name, shortHealth(r)])),
    checks: Object.fromEntries(entries.map(([name, r]) => [name, fullHealth(r)])),
  };
}
