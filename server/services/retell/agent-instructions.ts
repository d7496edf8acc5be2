/**
 * The company's own instructions for its agent, kept as numbered versions (AgentPromptVersion),
 * the whole prompt as setup would send it, and the voices to choose from.
 */
import type { z } from "zod";
import { getCache, remember } from "@/server/platform/cache";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { beginMessage, buildAgentPrompt, latestInstructions, loadPromptFacts } from "./agent-prompt";
import { buildAgentTools } from "./agent-tools";
import { retellCacheTag, retellClientFor } from "./client-for-company";
import type * as s from "./schemas";
import { defaultVoice, germanVoices } from "./setup-agent";

type VersionDto = z.input<typeof s.promptVersionSchema>;

/** The prompt, greeting and tools as "Agent einrichten" would send them now (needs no Retell key). */
export async function getAgentPrompt(ctx: ServiceContext): Promise<z.input<typeof s.getAgentPromptResult>> {
  const config = await ctx.db.retellConfiguration.findUnique({ where: { companyId: ctx.companyId }, select: { transferNumber: true } });
  const tools = await buildAgentTools(ctx, config?.transferNumber ?? null);
  const facts = await loadPromptFacts(ctx, tools.map((t) => t.name));
  const latest = await latestInstructions(ctx);
  return {
    prompt: buildAgentPrompt(facts),
    begin_message: beginMessage(facts.companyName),
    instructions_version: latest?.version ?? null,
    tools: tools.map((t) => ({ type: t.type, name: t.name, description: t.description ?? null })),
  };
}

/** Saves the instructions as the next version; the agent gets them with the next setup. */
export async function setPromptInstructions(ctx: ServiceContext, params: z.output<typeof s.setPromptInstructionsParams>): Promise<VersionDto> {
  const user = ctx.actor.type === "user" && ctx.actor.id ? await ctx.db.user.findUnique({ where: { id: ctx.actor.id }, select: { id: true, name: true } }) : null;
  for (let attempt = 0; ; attempt++) {
    const latest = await latestInstructions(ctx);
    try {
      const row = await ctx.db.agentPromptVersion.create({
        data: {
          companyId: ctx.companyId,
          version: (latest?.version ?? 0) + 1,
          instructions: params.instructions,
          createdById: user?.id ?? null,
          createdByName: user?.name ?? null,
        },
      });
      return toDto(row);
    } catch (error) {
      // Two saves at once: the later one takes the next number.
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= 2) throw new AppError(ErrorCodes.CONFLICT, "Die Anweisungen wurden gerade gleichzeitig geändert. Bitte erneut speichern.");
    }
  }
}

export async function listPromptVersions(ctx: ServiceContext): Promise<z.input<typeof s.listPromptVersionsResult>> {
  const rows = await ctx.db.agentPromptVersion.findMany({ where: { companyId: ctx.companyId }, orderBy: { version: "desc" }, take: 50 });
  return { versions: rows.map(toDto) };
}

/** German voices of the workspace (all with `all`), read from Retell and cached like the other reads. */
export async function listVoices(ctx: ServiceContext, params: z.output<typeof s.listVoicesParams>): Promise<z.input<typeof s.listVoicesResult>> {
  const client = await retellClientFor(ctx);
  const { value, cached } = await remember(getCache(), `retell:${ctx.companyId}:voices`, 300, [retellCacheTag(ctx.companyId)], () => client.listVoices());
  const config = await ctx.db.retellConfiguration.findUnique({ where: { companyId: ctx.companyId }, select: { voiceId: true } });
  const stored = config?.voiceId && value.some((v) => v.voice_id === config.voiceId) ? config.voiceId : null;
  // The stored voice stays choosable even when Retell does not mark it German.
  const shown = params.all ? value : value.filter((v) => germanVoices([v]).length > 0 || v.voice_id === stored);
  return {
    voices: shown.map((v) => ({
      voice_id: v.voice_id,
      voice_name: v.voice_name,
      provider: v.provider,
      gender: v.gender ?? null,
      accent: v.accent ?? null,
      preview_audio_url: v.preview_audio_url ?? null,
    })),
    default_voice_id: stored ?? defaultVoice(value),
    cached,
  };
}

function toDto(row: { version: number; instructions: string; createdByName: string | null; createdAt: Date }): VersionDto {
  return { version: row.version, instructions: row.instructions, created_by: row.createdByName, created_at: row.createdAt.toISOString() };
}
