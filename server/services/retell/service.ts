/**
 * The company's Retell workspace: agents, their versions,
 * publishing, phone numbers and which agent version answers them. Reads are cached 300 s
 * per company; writes drop the cache. Outbound calls run behind the retell circuit breaker.
 */
import type { z } from "zod";
import { getCache, remember } from "@/server/platform/cache";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { RetellInboundAgent } from "@/server/integrations/retell/client";
import type { ServiceContext } from "@/server/core/types";
import { normalizePhone } from "@/server/scheduling/phone";
import { forgetRetellReads, retellCacheTag, retellClientFor } from "./client-for-company";
import type * as s from "./schemas";

export const RETELL_CACHE_TTL_SECONDS = 300;

function cached<T>(ctx: ServiceContext, what: string, load: () => Promise<T>) {
  return remember(getCache(), `retell:${ctx.companyId}:${what}`, RETELL_CACHE_TTL_SECONDS, [retellCacheTag(ctx.companyId)], load);
}

const iso = (ms: number | null | undefined) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

export async function listAgents(ctx: ServiceContext): Promise<z.input<typeof s.listAgentsResult>> {
  const client = await retellClientFor(ctx);
  const { value, cached: hit } = await cached(ctx, "agents", async () =>
    (await client.listAgents()).map((a) => ({ agent_id: a.agent_id, agent_name: a.agent_name ?? null, last_modified: iso(a.user_modified_timestamp) })),
  );
  return { agents: value, cached: hit };
}

export async function getAgentVersions(
  ctx: ServiceContext,
  params: z.output<typeof s.getAgentVersionsParams>,
): Promise<z.input<typeof s.getAgentVersionsResult>> {
  const client = await retellClientFor(ctx);
  const { value, cached: hit } = await cached(ctx, `versions:${params.agent_id}`, async () =>
    (await client.getAgentVersions(params.agent_id))
      .map((v) => ({
        version: v.version ?? 0,
        is_published: v.is_published ?? false,
        agent_name: v.agent_name ?? null,
        last_modified: iso(v.last_modification_timestamp),
      }))
      .sort((a, b) => a.version - b.version),
  );
  const published = value.filter((v) => v.is_published).at(-1);
  return { agent_id: params.agent_id, versions: value, published_version: published?.version ?? null, cached: hit };
}

export async function publishAgentVersion(
  ctx: ServiceContext,
  params: z.output<typeof s.publishAgentVersionParams>,
): Promise<z.input<typeof s.publishAgentVersionResult>> {
  const client = await retellClientFor(ctx);
  await client.publishAgentVersion(params.agent_id, params.version, { title: params.title, description: params.description });
  await forgetRetellReads(ctx.companyId);
  return { agent_id: params.agent_id, version: params.version, published: true };
}

export async function listPhoneNumbers(ctx: ServiceContext): Promise<z.input<typeof s.listPhoneNumbersResult>> {
  const client = await retellClientFor(ctx);
  const [{ value, cached: hit }, ours] = await Promise.all([
    cached(ctx, "phone-numbers", async () =>
      (await client.listPhoneNumbers()).map((p) => ({
        phone_number: p.phone_number,
        nickname: p.nickname ?? null,
        inbound_agents: (p.inbound_agents ?? []).map((a) => ({ agent_id: a.agent_id, agent_version: a.agent_version ?? undefined, weight: a.weight })),
      })),
    ),
    ctx.db.phoneNumber.findMany({ where: { companyId: ctx.companyId }, select: { number: true, branchId: true } }),
  ]);
  const byNumber = new Map(ours.map((p) => [p.number, p]));
  return {
    phone_numbers: value.map((p) => ({ ...p, branch_id: byNumber.get(p.phone_number)?.branchId ?? null, configured: byNumber.has(p.phone_number) })),
    cached: hit,
  };
}

/**
 * Routes a number's inbound calls to one agent version through `inbound_agents` (Retell removed
 * inbound_agent_id/inbound_agent_version) and records it on our phone_numbers row.
 */
export async function setPhoneNumberAgentVersion(
  ctx: ServiceContext,
  params: z.output<typeof s.setPhoneNumberAgentVersionParams>,
): Promise<z.input<typeof s.setPhoneNumberAgentVersionResult>> {
  const number = normalizePhone(params.phone_number);
  const row = await ctx.db.phoneNumber.findFirst({ where: { number, companyId: ctx.companyId }, select: { id: true } });
  if (!row) throw new AppError(ErrorCodes.RETELL_PHONE_NOT_CONFIGURED, "Diese Rufnummer ist für Ihre Firma nicht eingerichtet.");
  const client = await retellClientFor(ctx);
  const binding: RetellInboundAgent = { agent_id: params.agent_id, agent_version: params.version, weight: 1 };
  await client.bindInboundAgents(number, [binding]);
  await ctx.db.phoneNumber.update({
    where: { id: row.id },
    data: { retellAgentId: params.agent_id, retellAgentVersion: typeof params.version === "number" ? params.version : null },
  });
  await forgetRetellReads(ctx.companyId);
  return { phone_number: number, agent_id: params.agent_id, version: params.version, updated: true };
}
