import { z } from "zod";

const agentVersion = z.union([z.number().int().min(0), z.enum(["latest", "latest_published"])]);

export const listAgentsParams = z.object({});
export const agentSummarySchema = z.object({
  agent_id: z.string(),
  agent_name: z.string().nullable(),
  last_modified: z.string().nullable(),
});
export const listAgentsResult = z.object({ agents: z.array(agentSummarySchema), cached: z.boolean() });

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
