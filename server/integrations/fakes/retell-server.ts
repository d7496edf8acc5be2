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

export { FAKE_AGENT_IDS, FAKE_PHONE_NUMBER, FakeRetellState } from "./retell-workspace";

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

const updateAgentSchema = z.strictObject({
  agent_name: z.string().nullable().optional(),
  voice_id: z.string().optional(),
  language: z.string().optional(),
  webhook_url: z.url({ protocol: /^https?$/ }).nullable().optional(),
  webhook_events: z.array(z.enum(webhookEvents)).optional(),
  webhook_timeout_ms: z.number().int().positive().optional(),
  version_description: z.string().nullable().optional(),
});

/** Changes the given draft, or the latest one; a published latest version gets a new draft on top. */
function updateAgent(state: FakeRetellState, request: RecordedRequest, agentId: string): FakeResponse {
  const body = updateAgentSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error);
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
  parameters: z.object({ type: z.literal("object"), properties: z.unknown(), required: z.array(z.string()).optional() }).optional(),
  args_at_root: z.boolean().optional(),
  speak_during_execution: z.boolean().optional(),
  speak_after_execution: z.boolean().optional(),
  execution_message_description: z.string().optional(),
  response_variables: z.record(z.string(), z.string()).optional(),
  timeout_ms: z.number().int().min(1000).max(600_000).optional(),
});

const toolSchema = z.union([
  customToolSchema,
  z.looseObject({ type: z.string().refine((type) => type !== "custom"), name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);

const updateLlmSchema = z.strictObject({
  general_prompt: z.string().nullable().optional(),
  begin_message: z.string().nullable().optional(),
  general_tools: z
    .array(toolSchema)
    .refine((tools) => new Set(tools.map((t) => t.name)).size === tools.length, "tool names must be unique")
    .nullable()
    .optional(),
});

function updateLlm(state: FakeRetellState, request: RecordedRequest, llmId: string): FakeResponse {
  const body = updateLlmSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error);
  const llm = state.llms.get(llmId);
  if (!llm) return failure(404, "LLM not found");
  Object.assign(llm, body.data as Partial<Retell.LlmResponse>, { last_modification_timestamp: Date.now() });
  return ok(llm);
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
