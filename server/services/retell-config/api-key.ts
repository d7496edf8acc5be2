/**
 * The company's Retell API key. Retell signs webhooks and function calls with the API key
 * itself, so the "webhook secret" is this key: it is stored encrypted, shown masked, revealed
 * only to admins through an explicit, audit-logged method, and rotated by switching to a new
 * key created in Retell (checked against Retell before it replaces the old one).
 */
import { decryptSecret, encryptSecret, maskSecret } from "@/server/platform/crypto";
import { writeAudit } from "@/server/platform/audit";
import { env } from "@/server/platform/env";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { RetellClient } from "@/server/integrations/retell/client";
import { forgetRetellReads, NOT_CONNECTED_MESSAGE, retellApiKeyOf } from "@/server/services/retell/client-for-company";
import type { ServiceContext } from "@/server/core/types";
import { forgetCallOwners } from "@/server/services/retell-function/resolve-owner";

export async function setApiKey(ctx: ServiceContext, params: { api_key: string }): Promise<{ connected: boolean; masked_key: string | null }> {
  await storeKey(ctx, params.api_key);
  return { connected: true, masked_key: maskSecret(params.api_key) };
}

/**
 * Rotation: create a new key in Retell and mark it as the webhook key there, then switch here.
 * The new key must be accepted by Retell before the old one is replaced.
 */
export async function rotateApiKey(
  ctx: ServiceContext,
  params: { new_api_key: string },
): Promise<{ connected: boolean; masked_key: string; previous_masked_key: string | null; agents_visible: number }> {
  const previous = await retellApiKeyOf(ctx);
  if (previous === params.new_api_key) throw new AppError(ErrorCodes.INVALID_INPUT, "Der neue Schlüssel ist derselbe wie der bisherige.");
  const agents = await new RetellClient({
    apiKey: params.new_api_key,
    baseUrl: env().RETELL_API_BASE_URL,
    circuitScope: ctx.companyId,
  }).listAgents();
  await storeKey(ctx, params.new_api_key);
  return { connected: true, masked_key: maskSecret(params.new_api_key)!, previous_masked_key: maskSecret(previous), agents_visible: agents.length };
}

/** Admins only; every reveal leaves an audit row of its own. */
export async function revealApiKey(ctx: ServiceContext): Promise<{ api_key: string }> {
  if (ctx.actor.type !== "user" || ctx.actor.role !== "admin") {
    throw new AppError(ErrorCodes.FORBIDDEN, "Nur Administratoren dürfen den Schlüssel anzeigen.");
  }
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { retellApiKeyEnc: true } });
  if (!company.retellApiKeyEnc) throw new AppError(ErrorCodes.RETELL_INVALID_API_KEY, NOT_CONNECTED_MESSAGE);
  await writeAudit(ctx.db, {
    companyId: ctx.companyId,
    actor: ctx.actor,
    method: "retell.config.revealApiKey",
    outcome: "success",
    durationMs: 0,
    correlationId: ctx.correlationId,
    details: { secret: "retell_api_key", action: "revealed" },
    entityType: "retell",
  });
  return { api_key: decryptSecret(company.retellApiKeyEnc, { companyId: ctx.companyId, column: "companies.retellApiKeyEnc" }) };
}

async function storeKey(ctx: ServiceContext, apiKey: string): Promise<void> {
  await ctx.db.company.update({ where: { id: ctx.companyId }, data: { retellApiKeyEnc: encryptSecret(apiKey, { companyId: ctx.companyId, column: "companies.retellApiKeyEnc" }) } });
  await forgetRetellReads(ctx.companyId);
  await forgetCallOwners();
}
