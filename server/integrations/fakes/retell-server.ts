/**
 * An in-process Retell REST API for tests, local development and e2e runs, serving the
 * paths retell-sdk calls. It rejects what Retell rejects, notably the removed phone-number
 * fields `inbound_agent_id` / `inbound_agent_version`.
 *
 *   const retell = await startFakeRetell({ apiKey: "key_test" });
 *   new RetellClient({ apiKey: "key_test", baseUrl: retell.url });
 */
import type { Retell } from "retell-sdk";
import { z } from "zod";
import {
  bearerToken,
  describeIssues,
  matchRoute,
  startFakeHttpServer,
  type FakeResponse,
  type FakeRoute,
  type RecordedRequest,
} from "./http-server";
import { FakeRetellState } from "./retell-workspace";

export { FAKE_AGENT_IDS, FAKE_PHONE_NUMBER, FAKE_VOICES, FakeRetellState } from "./retell-workspace";

export interface FakeRetellOptions {
  apiKey: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Items per page of the list endpoints when no `limit` is sent (default 50). */
  pageSize?: number;
}

export interface FakeRetell {
  /** Base URL for `RetellClient({ baseUrl })`. */
  url: string;
  state: FakeRetellState;
  close(): Promise<void>;
}

export async function startFakeRetell(options: FakeRetellOptions): Promise<FakeRetell> {
  const state = new FakeRetellState(options.pageSize ?? 50);
  const server = await startFakeHttpServer({
    port: options.port,
    faults: state,
    dialect: { errorBody, rateLimitHeaders: (seconds) => ({ "retry-after": String(seconds) }) },
    handle: (request) => route(state, options.apiKey, request),
  });
  return { url: server.origin, state, close: server.close };
}

type Handler = (state: FakeRetellState, request: RecordedRequest, id: string) => FakeResponse;

const routes: Array<FakeRoute<Handler>> = [
  { method: "POST", path: /^\/v2\/list-agents$/, handle: listAgents },
  { method: "GET", path: /^\/get-agent\/([^/]+)$/, handle: getAgent },
  { method: "GET", path: /^\/get-agent-versions\/([^/]+)$/, handle: getAgentVersions },
  { method: "POST", path: /^\/publish-agent-version\/([^/]+)$/, handle: publishAgentVersion },
  { method: "PATCH", path: /^\/update-agent\/([^/]+)$/, handle: updateAgent },
  { method: "GET", path: /^\/v2\/list-phone-numbers$/, handle: listPhoneNumbers },
  { method: "GET", path: /^\/get-phone-number\/([^/]+)$/, handle: getPhoneNumber },
  { method: "PATCH", path: /^\/update-phone-number\/([^/]+)$/, handle: updatePhoneNumber },
  { method: "GET", path: /^\/get-retell-llm\/([^/]+)$/, handle: getLlm },
  { method: "PATCH", path: /^\/update-retell-llm\/([^/]+)$/, handle: updateLlm },
  { method: "POST", path: /^\/create-retell-llm$/, handle: createLlm },
  { method: "POST", path: /^\/create-agent$/, handle: createAgent },
  { method: "GET", path: /^\/list-voices$/, handle: listVoices },
];

function route(state: FakeRetellState, apiKey: string, request: RecordedRequest): FakeResponse {
  if (bearerToken(request) !== apiKey) return failure(401, "Invalid API key");
  const matched = matchRoute(routes, request);
  if (!matched) return failure(404, `Cannot ${request.method} ${request.path}`);
  const [{ handle }, [id = ""]] = matched;
  return handle(state, request, id);
}

// Agents

function listAgents(state: FakeRetellState, request: RecordedRequest): FakeResponse {
  const latest = [...state.agents.values()].map((versions) => versions[versions.length - 1]);
  const items = latest.map((agent) => ({
    agent_id: agent.agent_id,
    agent_name: agent.agent_name ?? "",
    channel: "voice" as const,
    tags: {},
    user_modified_timestamp: agent.last_modification_timestamp,
  }));
  return ok(paginate(items, (agent) => agent.agent_id, request.query, state.pageSize));
}

function getAgent(state: FakeRetellState, request: RecordedRequest, agentId: string): FakeResponse {
  const version = request.query.get("version");
  const versions = state.agents.get(agentId);
  const agent = version === null ? versions?.at(-1) : versions?.find((v) => v.version === Number(version));
  return agent ? ok(agent) : failure(404, "Agent not found");
}

function getAgentVersions(state: FakeRetellState, _request: RecordedRequest, agentId: string): FakeResponse {
  const versions = state.agents.get(agentId);
  return versions ? ok(versions) : failure(404, "Agent not found");
}

const publishSchema = z.strictObject({
  version: z.number().int().min(0),
  version_title: z.string().optional(),
  version_description: z.string().optional(),
});

function publishAgentVersion(state: FakeRetellState, request: RecordedRequest, agentId: string): FakeResponse {
  const body = publishSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error);
  const target = state.agents.get(agentId)?.find((v) => v.version === body.data.version);
  if (!target) return failure(404, "Agent version not found");
  target.is_published = true;
  target.last_modification_timestamp = Date.now();
  return { status: 200 };
}

const webhookEvents = [
  "call_started",
  "call_ended",
  "call_analyzed",
  "transcript_updated",
  "transfer_started",
  "transfer_bridged",
  "transfer_cancelled",
  "transfer_ended",
] as const;

const ianaZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone");

const responseEngineSchema = z.union([
  z.strictObject({ type: z.literal("retell-llm"), llm_id: z.string().min(1), version: z.number().int().min(0).nullable().optional() }),
  z.looseObject({ type: z.enum(["custom-llm", "conversation-flow"]) }),
]);

/** Agent fields create-agent and update-agent take (a documented subset). */
const agentFields = {
  agent_name: z.string().nullable().optional(),
  voice_id: z.string().optional(),
  language: z.union([z.string().regex(/^([a-z]{2,3}-[A-Z0-9]{2,3}|multi)$/), z.array(z.string().regex(/^[a-z]{2,3}-[A-Z0-9]{2,3}$/))]).optional(),
  timezone: ianaZone.nullable().optional(),
  webhook_url: z.url({ protocol: /^https?$/ }).nullable().optional(),
  webhook_events: z.array(z.enum(webhookEvents)).nullable().optional(),
  webhook_timeout_ms: z.number().int().positive().optional(),
  end_call_after_silence_ms: z.number().int().min(10_000).optional(),
  max_call_duration_ms: z.number().int().min(60_000).max(7_200_000).optional(),
  enable_backchannel: z.boolean().optional(),
  boosted_keywords: z.array(z.string()).nullable().optional(),
  handbook_config: z.looseObject({}).optional(),
  version_title: z.string().nullable().optional(),
  version_description: z.string().nullable().optional(),
};

const updateAgentSchema = z.strictObject({ ...agentFields, response_engine: responseEngineSchema.optional() });
const createAgentSchema = z.strictObject({ ...agentFields, response_engine: responseEngineSchema, voice_id: z.string() });

/** Retell refuses an agent whose voice or Retell LLM does not exist. */
function unknownReferences(state: FakeRetellState, body: { voice_id?: string; response_engine?: z.infer<typeof responseEngineSchema> }): FakeResponse | undefined {
  if (body.voice_id !== undefined && !state.voices.some((v) => v.voice_id === body.voice_id)) return failure(400, `Voice ${body.voice_id} not found`);
  const engine = body.response_engine;
  if (engine?.type === "retell-llm" && !state.llms.has(String(engine.llm_id))) return failure(400, `Retell LLM ${String(engine.llm_id)} not found`);
  return undefined;
}

function createAgent(state: FakeRetellState, request: RecordedRequest): FakeResponse {
  const body = createAgentSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error);
  const refused = unknownReferences(state, body.data);
  if (refused) return refused;
  return ok(state.createAgent(body.data as Omit<Retell.AgentResponse, "agent_id" | "last_modification_timestamp">));
}

/** Changes the given draft, or the latest one; a published latest version gets a new draft on top. */
function updateAgent(state: FakeRetellState, request: RecordedRequest, agentId: string): FakeResponse {
  const body = updateAgentSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error);
  const refused = unknownReferences(state, body.data);
  if (refused) return refused;
  const versions = state.agents.get(agentId);
  if (!versions) return failure(404, "Agent not found");
  const requested = request.query.get("version");
  let draft = requested === null ? versions[versions.length - 1] : versions.find((v) => v.version === Number(requested));
  if (!draft) return failure(404, "Agent version not found");
  if (draft.is_published) {
    if (requested !== null) return failure(400, "A published agent version cannot be changed");
    draft = { ...draft, version: draft.version + 1, is_published: false };
    versions.push(draft);
  }
  Object.assign(draft, body.data, { last_modification_timestamp: Date.now() });
  return ok(draft);
}

// Phone numbers

function listPhoneNumbers(state: FakeRetellState, request: RecordedRequest): FakeResponse {
  return ok(paginate([...state.phoneNumbers.values()], (p) => p.phone_number, request.query, state.pageSize));
}

function getPhoneNumber(state: FakeRetellState, _request: RecordedRequest, number: string): FakeResponse {
  const phoneNumber = state.phoneNumbers.get(number);
  return phoneNumber ? ok(phoneNumber) : failure(404, "Phone number not found");
}

const agentWeightSchema = z.strictObject({
  agent_id: z.string(),
  agent_version: z.union([z.number().int().min(0), z.enum(["latest", "latest_published"])]).optional(),
  weight: z.number().gt(0).lte(1),
});

const weightedAgents = z
  .array(agentWeightSchema)
  .min(1)
  .refine((agents) => Math.abs(agents.reduce((sum, a) => sum + a.weight, 0) - 1) < 1e-9, "weights must sum to 1")
  .nullable()
  .optional();

const removedPhoneFields = ["inbound_agent_id", "inbound_agent_version", "outbound_agent_id", "outbound_agent_version"];

const updatePhoneNumberSchema = z.strictObject({
  inbound_agents: weightedAgents,
  outbound_agents: weightedAgents,
  nickname: z.string().nullable().optional(),
  inbound_webhook_url: z.url().nullable().optional(),
});

function updatePhoneNumber(state: FakeRetellState, request: RecordedRequest, number: string): FakeResponse {
  const removed = removedPhoneFields.filter((field) => Object.hasOwn(Object(request.body), field));
  if (removed.length > 0) {
    return failure(400, `${removed.join(", ")} no longer supported, use inbound_agents / outbound_agents`);
  }
  const body = updatePhoneNumberSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error);
  const phoneNumber = state.phoneNumbers.get(number);
  if (!phoneNumber) return failure(404, "Phone number not found");
  for (const binding of [...(body.data.inbound_agents ?? []), ...(body.data.outbound_agents ?? [])]) {
    const versions = state.agents.get(binding.agent_id);
    if (!versions) return failure(400, `Agent ${binding.agent_id} not found`);
    if (typeof binding.agent_version === "number" && !versions.some((v) => v.version === binding.agent_version)) {
      return failure(400, `Agent ${binding.agent_id} has no version ${binding.agent_version}`);
    }
  }
  Object.assign(phoneNumber, body.data, { last_modification_timestamp: Date.now() });
  return ok(phoneNumber);
}

// Retell LLMs (custom tools live in their general_tools)

function getLlm(state: FakeRetellState, _request: RecordedRequest, llmId: string): FakeResponse {
  const llm = state.llms.get(llmId);
  return llm ? ok(llm) : failure(404, "LLM not found");
}

const customToolSchema = z.object({
  type: z.literal("custom"),
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  url: z.url({ protocol: /^https?$/ }),
  description: z.string().optional(),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  query_params: z.record(z.string(), z.string()).optional(),
  parameters: z.looseObject({ type: z.literal("object"), properties: z.unknown(), required: z.array(z.string()).optional() }).optional(),
  args_at_root: z.boolean().optional(),
  speak_during_execution: z.boolean().optional(),
  speak_after_execution: z.boolean().optional(),
  execution_message_description: z.string().optional(),
  response_variables: z.record(z.string(), z.string()).optional(),
  timeout_ms: z.number().int().min(1000).max(600_000).optional(),
});

const toolName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const spoken = { speak_during_execution: z.boolean().optional(), execution_message_description: z.string().optional() };

const endCallToolSchema = z.object({ type: z.literal("end_call"), name: toolName, description: z.string().optional(), ...spoken });

const transferCallToolSchema = z.object({
  type: z.literal("transfer_call"),
  name: toolName,
  description: z.string().optional(),
  transfer_destination: z.union([
    z.object({
      type: z.literal("predefined"),
      number: z.string().regex(/^(\+[1-9]\d{6,14}|\{\{[A-Za-z0-9_]+\}\})$/, "must be E.164 or a {{variable}}"),
      extension: z.string().optional(),
    }),
    z.object({ type: z.literal("inferred"), prompt: z.string().min(1) }),
  ]),
  transfer_option: z.union([
    z.object({ type: z.literal("cold_transfer"), cold_transfer_mode: z.enum(["sip_refer", "sip_invite"]).optional() }),
    z.looseObject({ type: z.enum(["warm_transfer", "agentic_warm_transfer"]) }),
  ]),
  ...spoken,
});

const toolSchema = z.union([
  customToolSchema,
  endCallToolSchema,
  transferCallToolSchema,
  z.looseObject({ type: z.string().refine((type) => !["custom", "end_call", "transfer_call"].includes(type)), name: toolName }),
]);

/** Retell LLM fields create-retell-llm and update-retell-llm take (a documented subset). */
const llmFields = {
  general_prompt: z.string().nullable().optional(),
  begin_message: z.string().nullable().optional(),
  start_speaker: z.enum(["agent", "user"]).optional(),
  model: z.string().nullable().optional(),
  model_temperature: z.number().min(0).max(1).optional(),
  default_dynamic_variables: z.record(z.string(), z.string()).nullable().optional(),
  general_tools: z
    .array(toolSchema)
    .refine((tools) => new Set(tools.map((t) => t.name)).size === tools.length, "tool names must be unique")
    .nullable()
    .optional(),
  states: z.array(z.looseObject({ name: z.string() })).nullable().optional(),
  starting_state: z.string().nullable().optional(),
};

const createLlmSchema = z.strictObject(llmFields);
const updateLlmSchema = z.strictObject(llmFields);

function createLlm(state: FakeRetellState, request: RecordedRequest): FakeResponse {
  const body = createLlmSchema.safeParse(request.body ?? {});
  if (!body.success) return invalid(body.error);
  return ok(state.createLlm(body.data as Partial<Retell.LlmResponse>));
}

function updateLlm(state: FakeRetellState, request: RecordedRequest, llmId: string): FakeResponse {
  const body = updateLlmSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error);
  const llm = state.llms.get(llmId);
  if (!llm) return failure(404, "LLM not found");
  Object.assign(llm, body.data as Partial<Retell.LlmResponse>, { last_modification_timestamp: Date.now() });
  return ok(llm);
}

// Voices

function listVoices(state: FakeRetellState): FakeResponse {
  return ok(state.voices);
}

// Helpers

function paginate<T>(all: T[], keyOf: (item: T) => string, query: URLSearchParams, pageSize: number) {
  const limit = Number(query.get("limit") ?? pageSize);
  const after = query.get("pagination_key");
  const start = after === null ? 0 : all.findIndex((item) => keyOf(item) === after) + 1;
  const items = all.slice(start, start + limit);
  const hasMore = start + limit < all.length;
  return { items, has_more: hasMore, ...(hasMore ? { pagination_key: keyOf(items[items.length - 1]) } : {}) };
}

function ok(body: unknown): FakeResponse {
  return { status: 200, body };
}

function failure(status: number, message: string): FakeResponse {
  return { status, body: errorBody(status, message) };
}

function invalid(error: z.ZodError): FakeResponse {
  return failure(400, describeIssues(error));
}

function errorBody(_status: number, message: string) {
  return { status: "error", message };
}
