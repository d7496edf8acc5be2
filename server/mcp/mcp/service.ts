import type { z } from "zod";
import { checkServerHealth } from "@/server/mcp/health-check";
import { jsonSchemaOf } from "@/server/mcp/json-schema";
import { getRegistry } from "@/server/mcp/registry";
import type { ServerDef, ServiceContext } from "@/server/mcp/types";
import type * as s from "./schemas";

/** The servers this caller may use: a token bound to some servers sees only those (and `mcp`). */
function visibleServers(ctx: ServiceContext): readonly ServerDef[] {
  const all = getRegistry().servers;
  const allowed = ctx.actor.allowedServers ?? [];
  return allowed.length === 0 ? all : all.filter((sv) => sv.name === "mcp" || allowed.includes(sv.name));
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
