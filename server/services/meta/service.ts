import type { z } from "zod";
import { checkServerHealth } from "@/server/core/health-check";
import { jsonSchemaOf } from "@/server/core/json-schema";
import { getRegistry } from "@/server/core/registry";
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

async function healthOf(server: ServerDef): Promise<z.input<typeof s.healthSchema>> {
  const h = await checkServerHealth(server);
  return { status: h.ok ? "healthy" : "unhealthy", message: h.message ?? null };
}

export async function discover(ctx: ServiceContext): Promise<z.input<typeof s.discoverResult>> {
  const servers = visibleServers(ctx);
  const health = await Promise.all(servers.map(healthOf));
  return {
    servers: servers.map((server, i) => ({
      name: server.name,
      version: server.version,
      description: server.description,
      health: health[i]!,
      methods: server.methods.map((m) => ({
        name: m.name,
        description: m.description,
        kind: m.kind,
        params: jsonSchemaOf(m.params, "input"),
        result: jsonSchemaOf(m.result, "output"),
      })),
    })),
  };
}

export async function health(ctx: ServiceContext): Promise<z.input<typeof s.healthResult>> {
  const servers = visibleServers(ctx);
  const results = await Promise.all(servers.map(healthOf));
  return {
    status: results.every((r) => r.status === "healthy") ? "healthy" : "degraded",
    servers: Object.fromEntries(servers.map((sv, i) => [sv.name, results[i]!])),
  };
}
