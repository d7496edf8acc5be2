import { z } from "zod";
import { tryNormalizePhone } from "@/server/scheduling/phone";

const agentVersion = z.union([z.number().int().min(0), z.enum(["latest", "latest_published"])]);

export const listAgentsParams = z.object({});
export const agentSummarySchema = z.object({
  agent_id: z.string(),
  agent_name: z.string().nullable(),
  last_modified: z.string().nullable(),
});
export const listAgentsResult = z.object({ agents: z.array(agentSummarySchema), cached: z.boolean() });

export const getAgentParams = z.object({
  agent_id: z.string().min(1),
  /** Default: the latest version (the draft, when one is open). */
  version: z.number().int().min(0).optional(),
});
export const getAgentResult = z.object({
  agent_id: z.string(),
  agent_name: z.string().nullable(),
  version: z.number(),
  is_published: z.boolean(),
  voice_id: z.string(),
  language: z.string().nullable(),
  /** What answers for the agent: a Retell LLM, a conversation flow (with its id) or a custom LLM. */
  response_engine: z.object({ type: z.string(), id: z.string().nullable() }),
  webhook_url: z.string().nullable(),
  last_modified: z.string(),
  cached: z.boolean(),
});

export const getAgentVersionsParams = z.object({ agent_id: z.string().min(1) });
export const agentVersionSchema = z.object({
  version: z.number(),
  is_published: z.boolean(),
  agent_name: z.string().nullable(),
  last_modified: z.string().nullable(),
});
export const getAgentVersionsResult = z.object({
  agent_id: z.string(),
  versions: z.array(agentVersionSchema),
  published_version: z.number().nullable(),
  cached: z.boolean(),
});

export const publishAgentVersionParams = z.object({
  agent_id: z.string().min(1),
  version: z.number().int().min(0),
  title: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
});
export const publishAgentVersionResult = z.object({ agent_id: z.string(), version: z.number(), published: z.boolean() });

export const listPhoneNumbersParams = z.object({});
export const phoneNumberSchema = z.object({
  phone_number: z.string(),
  nickname: z.string().nullable(),
  inbound_agents: z.array(z.object({ agent_id: z.string(), agent_version: z.union([z.number(), z.string()]).optional(), weight: z.number() })),
  /** Our row for the number (branch routing), when it is one of the company's numbers. */
  branch_id: z.string().nullable(),
  configured: z.boolean(),
});
export const listPhoneNumbersResult = z.object({ phone_numbers: z.array(phoneNumberSchema), cached: z.boolean() });

export const setPhoneNumberAgentVersionParams = z.object({
  phone_number: z.string().min(3),
  agent_id: z.string().min(1),
  version: agentVersion,
});
export const setPhoneNumberAgentVersionResult = z.object({
  phone_number: z.string(),
  agent_id: z.string(),
  version: agentVersion,
  updated: z.boolean(),
});

// "Agent einrichten": the company's own Retell agent, built from its data

/** A number as typed ("030 1234567", "+49 30 1234567"), stored in E.164; "" and null both mean "none". */
const optionalPhone = z
  .string()
  .trim()
  .max(40, "Höchstens 40 Zeichen.")
  .transform((v, ctx) => {
    if (v === "") return null;
    const e164 = tryNormalizePhone(v);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "Bitte eine gültige Rufnummer angeben, z. B. +49 30 1234567.", input: v });
      return z.NEVER;
    }
    return e164;
  })
  .nullable();

/** Left out: what was chosen at the last setup (voice, transfer number, the numbers the agent answers). */
export const previewAgentSetupParams = z.object({
  voiceId: z.string().trim().min(1, "Bitte eine Stimme wählen.").max(200).optional(),
  transferNumber: optionalPhone.optional(),
  numbers: z.array(z.string().trim().min(3).max(40)).max(50, "Höchstens 50 Rufnummern.").optional(),
});
export const setupAgentParams = previewAgentSetupParams.extend({
  /** Required when the agent or its LLM was changed in Retell's console since the last setup. */
  confirmOverwrite: z.boolean().optional(),
});

export const setupChangeSchema = z.object({
  target: z.enum(["llm", "agent", "number"]),
  /** The LLM, agent or phone number concerned; null for one still to be created. */
  target_id: z.string().nullable(),
  field: z.string(),
  /** German name of the field, e.g. "Stimme". */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type SetupChange = z.infer<typeof setupChangeSchema>;

export const previewAgentSetupResult = z.object({
  agent_id: z.string().nullable(),
  llm_id: z.string().nullable(),
  create_llm: z.boolean(),
  create_agent: z.boolean(),
  /** The agent version that would be published (its latest draft), if any. */
  publish_version: z.number().nullable(),
  changes: z.array(setupChangeSchema),
  /** Nothing to write in Retell. */
  up_to_date: z.boolean(),
  /** The agent or LLM was changed in Retell's console since our last setup: running it overwrites that. */
  console_edited: z.boolean(),
  voice_id: z.string(),
  transfer_number: z.string().nullable(),
  numbers: z.array(z.string()),
  /** Chosen numbers Retell does not know (import them in Retell first). */
  missing_numbers: z.array(z.string()),
  last_setup_at: z.string().nullable(),
});

export const setupAgentResult = previewAgentSetupResult.extend({
  agent_id: z.string(),
  llm_id: z.string(),
  /** Whether anything was written to Retell. */
  applied: z.boolean(),
  /** The published version that answers the numbers. */
  agent_version: z.number(),
});

export const voiceSchema = z.object({
  voice_id: z.string(),
  voice_name: z.string(),
  provider: z.string(),
  gender: z.string().nullable(),
  accent: z.string().nullable(),
  preview_audio_url: z.string().nullable(),
});
export const listVoicesParams = z.object({ all: z.boolean().optional() });
export const listVoicesResult = z.object({
  voices: z.array(voiceSchema),
  /** What setup uses when no voice is chosen: the stored one, else the first German voice. */
  default_voice_id: z.string().nullable(),
  cached: z.boolean(),
});

export const getAgentPromptParams = z.object({});
export const getAgentPromptResult = z.object({
  prompt: z.string(),
  begin_message: z.string(),
  instructions_version: z.number().nullable(),
  tools: z.array(z.object({ type: z.string(), name: z.string(), description: z.string().nullable() })),
});

export const promptInstructionsMax = 10_000;
export const setPromptInstructionsParams = z.object({
  instructions: z.string().trim().max(promptInstructionsMax, `Höchstens ${promptInstructionsMax.toLocaleString("de-DE")} Zeichen.`),
});
export const promptVersionSchema = z.object({
  version: z.number(),
  instructions: z.string(),
  created_by: z.string().nullable(),
  created_at: z.string(),
});
export const setPromptInstructionsResult = promptVersionSchema;
export const listPromptVersionsParams = z.object({});
export const listPromptVersionsResult = z.object({ versions: z.array(promptVersionSchema) });
