/**
 * Health of the company's Retell connection: the stored key is accepted (listing the agents is
 * the cheapest authenticated call the client makes), and every agent the company relies on (the
 * managed one, the ones its active numbers are bound to) exists in the workspace.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { HEALTH_TIMEOUT_MS } from "@/server/core/health-check";
import type { HealthCheck, HealthStatus, ServiceContext } from "@/server/core/types";
import { RetellClient } from "@/server/integrations/retell/client";
import { env } from "@/server/platform/env";
import { retellApiKeyOf, retellCacheTag } from "./client-for-company";

const KEY_SETTINGS = "API-Schlüssel unter Einstellungen → Retell prüfen";

export const retellHealth: HealthCheck = {
  name: "retell",
  label: "Retell",
  // A new key drops the cached answer (setting or rotating it forgets the company's Retell reads).
  tags: (companyId) => [retellCacheTag(companyId)],
  run: checkRetell,
};

async function checkRetell(ctx: ServiceContext): Promise<HealthStatus> {
  const apiKey = await retellApiKeyOf(ctx);
  if (!apiKey) {
    return { status: "not_configured", message: "Kein Retell-API-Schlüssel hinterlegt.", action: "API-Schlüssel unter Einstellungen → Retell hinterlegen" };
  }
  const client = new RetellClient({
    apiKey,
    baseUrl: env().RETELL_API_BASE_URL,
    timeoutMs: HEALTH_TIMEOUT_MS,
    // Probes have a breaker of their own: they never open the one the company's calls go through.
    circuitScope: `health:${ctx.companyId}`,
  });
  const started = performance.now();
  let agentIds: Set<string>;
  try {
    agentIds = new Set((await client.listAgents()).map((a) => a.agent_id));
  } catch (error) {
    return retellFailure(error);
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const needed = await agentsInUse(ctx);
  const missing = needed.filter((id) => !agentIds.has(id));
  if (missing.length > 0) {
    return {
      status: "degraded",
      message:
        missing.length === 1
          ? `Der Agent „${missing[0]}“ ist in Retell nicht vorhanden; Anrufe an ihn werden nicht angenommen.`
          : `Die Agenten ${missing.map((id) => `„${id}“`).join(", ")} sind in Retell nicht vorhanden; Anrufe an sie werden nicht angenommen.`,
      action: "Rufnummern unter Agenten & Nummern einem vorhandenen Agenten zuordnen",
      latencyMs,
    };
  }
  const agents = needed.length === 0 ? "" : needed.length === 1 ? ", der Agent ist erreichbar" : `, alle ${needed.length} Agenten sind erreichbar`;
  return { status: "healthy", message: `Retell antwortet, der API-Schlüssel ist gültig${agents}.`, latencyMs };
}

/** The managed agent and the agents the company's active numbers are bound to, each once. */
async function agentsInUse(ctx: ServiceContext): Promise<string[]> {
  const [config, numbers] = await Promise.all([
    ctx.db.retellConfiguration.findUnique({ where: { companyId: ctx.companyId }, select: { managedAgentId: true } }),
    ctx.db.phoneNumber.findMany({
      where: { companyId: ctx.companyId, isActive: true, retellAgentId: { not: null } },
      select: { retellAgentId: true },
      distinct: ["retellAgentId"],
    }),
  ]);
  const ids = [config?.managedAgentId, ...numbers.map((n) => n.retellAgentId)].filter((id): id is string => Boolean(id));
  return [...new Set(ids)].sort();
}

function retellFailure(error: unknown): HealthStatus {
  if (!(error instanceof AppError)) throw error;
  if (error.code === ErrorCodes.RETELL_INVALID_API_KEY) {
    return { status: "down", message: "Retell lehnt den API-Schlüssel ab.", action: KEY_SETTINGS };
  }
  if (error.code === ErrorCodes.RETELL_UNAVAILABLE) {
    const message = /überlastet/.test(error.message) ? "Retell ist gerade überlastet." : "Retell ist nicht erreichbar.";
    return { status: "down", message, action: "In einigen Minuten erneut prüfen; bleibt es so, API-Schlüssel und Retell-Status prüfen" };
  }
  return { status: "down", message: `Retell hat die Prüfung abgelehnt: ${error.message}`, action: KEY_SETTINGS };
}
