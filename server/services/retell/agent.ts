/** One agent of the company's Retell workspace (the specification's `retell.getAgent`), cached 300 s per company like the other reads. */
import type { z } from "zod";
import { getCache, remember } from "@/server/platform/cache";
import type { RetellAgent } from "@/server/integrations/retell/client";
import type { ServiceContext } from "@/server/core/types";
import { retellCacheTag, retellClientFor } from "./client-for-company";
import type * as s from "./schemas";
import { RETELL_CACHE_TTL_SECONDS } from "./service";

type AgentDto = Omit<z.input<typeof s.getAgentResult>, "cached">;

export async function getAgent(ctx: ServiceContext, params: z.output<typeof s.getAgentParams>): Promise<z.input<typeof s.getAgentResult>> {
  const client = await retellClientFor(ctx);
  const key = `retell:${ctx.companyId}:agent:${params.agent_id}:${params.version ?? "latest"}`;
  const { value, cached } = await remember(getCache(), key, RETELL_CACHE_TTL_SECONDS, [retellCacheTag(ctx.companyId)], async () =>
    agentDto(await client.getAgent(params.agent_id, params.version)),
  );
  return { ...value, cached };
}

function agentDto(agent: RetellAgent): AgentDto {
  const engine = agent.response_engine;
  const engineId = engine.type === "retell-llm" ? engine.llm_id : engine.type === "conversation-flow" ? engine.conversation_flow_id : null;
  return {
    agent_id: agent.agent_id,
    agent_name: agent.agent_name ?? null,
    version: agent.version ?? 0,
    is_published: agent.is_published ?? false,
    voice_id: agent.voice_id,
    language: typeof agent.language === "string" ? agent.language : (agent.language?.join(",") ?? null),
    response_engine: { type: engine.type, id: engineId ?? null },
    webhook_url: agent.webhook_url ?? null,
    last_modified: new Date(agent.last_modification_timestamp).toISOString(),
  };
}
