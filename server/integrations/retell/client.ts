/**
 * Retell REST client for the dashboard, a thin layer over retell-sdk: every call runs
 * through `runResilient("retell")` (the SDK's own retries are off, so there is one retry
 * layer) and failures arrive as `AppError` (see ./errors.ts). Shapes are the SDK's.
 */
import Retell from "retell-sdk";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { runResilient } from "@/server/platform/resilience";
import {
  agentNotFound,
  llmNotFound,
  phoneNumberNotFound,
  retellFailure,
  voicesNotFound,
  webhookRejected,
  type RetellErrorMeaning,
} from "./errors";

export type RetellAgent = Retell.AgentResponse;
export type RetellAgentSummary = Retell.AgentListResponse.Item;
export type RetellPhoneNumber = Retell.PhoneNumberResponse;
export type RetellLlm = Retell.LlmResponse;
export type RetellCustomTool = Retell.LlmUpdateParams.CustomTool;
/** `agent_version` may be a number, "latest" or "latest_published"; weights sum to 1. */
export type RetellInboundAgent = Retell.PhoneNumberUpdateParams.InboundAgent;
export type RetellWebhookSettings = Pick<Retell.AgentUpdateParams, "webhook_url" | "webhook_events" | "webhook_timeout_ms">;
export type RetellVoice = Retell.VoiceResponse;
export type RetellLlmCreate = Retell.LlmCreateParams;
/** Fields of the LLM's latest version (the `version` query parameter is not offered). */
export type RetellLlmUpdate = Omit<Retell.LlmUpdateParams, "version">;
export type RetellAgentCreate = Retell.AgentCreateParams;
/** General fields of the agent's latest draft (a published latest version gets a new draft). */
export type RetellAgentUpdate = Omit<Retell.AgentUpdateParams, "version">;

export interface RetellClientOptions {
  apiKey: string;
  /** Defaults to https://api.retellai.com */
  baseUrl?: string;
  /** Per-attempt timeout; defaults to the retell resilience setting. */
  timeoutMs?: number;
  /** Circuit breaker scope, normally the company id; defaults to the API host. */
  circuitScope?: string;
  fetch?: typeof fetch;
}

type RequestOptions = { signal: AbortSignal };

export class RetellClient {
  readonly #sdk: Retell;
  readonly #timeoutMs?: number;
  readonly #circuitScope: string;

  constructor(options: RetellClientOptions) {
    this.#circuitScope = options.circuitScope ?? new URL(options.baseUrl ?? "https://api.retellai.com").host;
    this.#sdk = new Retell({
      apiKey: options.apiKey,
      baseURL: options.baseUrl ?? "https://api.retellai.com",
      maxRetries: 0,
      // The per-attempt timeout of runResilient governs; the SDK's own would surface as an unclassified error.
      timeout: 24 * 60 * 60 * 1000,
      fetch: options.fetch,
      logLevel: "off",
    });
    this.#timeoutMs = options.timeoutMs;
  }

  /** All agents of the workspace (every page). */
  async listAgents(): Promise<RetellAgentSummary[]> {
    const agents: RetellAgentSummary[] = [];
    let paginationKey: string | undefined;
    do {
      const page = await this.#call({ notFound: agentNotFound }, true, (o) =>
        this.#sdk.agent.list({ pagination_key: paginationKey }, o),
      );
      agents.push(...page.items);
      paginationKey = page.has_more ? page.pagination_key : undefined;
    } while (paginationKey);
    return agents;
  }

  /** The latest version of an agent, or the given one. */
  getAgent(agentId: string, version?: number): Promise<RetellAgent> {
    return this.#call({ notFound: agentNotFound }, true, (o) => this.#sdk.agent.retrieve(agentId, { version }, o));
  }

  /** Every version with `version` and `is_published` (GET /get-agent-versions). */
  getAgentVersions(agentId: string): Promise<RetellAgent[]> {
    return this.#call({ notFound: agentNotFound }, true, (o) => this.#sdk.agent.getVersions(agentId, o));
  }

  async publishAgentVersion(agentId: string, version: number, notes: { title?: string; description?: string } = {}): Promise<void> {
    await this.#call({ notFound: agentNotFound }, false, (o) =>
      this.#sdk.agent.publish(agentId, { version, version_title: notes.title, version_description: notes.description }, o),
    );
  }

  /** A new agent (version 0, an unpublished draft) answering with the given response engine and voice. */
  createAgent(body: RetellAgentCreate): Promise<RetellAgent> {
    return this.#call({ notFound: agentNotFound }, false, (o) => this.#sdk.agent.create(body, o));
  }

  /** Changes general fields of the agent's latest draft; a published latest version gets a new draft on top. */
  updateAgent(agentId: string, fields: RetellAgentUpdate): Promise<RetellAgent> {
    return this.#call({ notFound: agentNotFound }, true, (o) => this.#sdk.agent.update(agentId, fields, o));
  }

  /** Sets where Retell posts call events; changes the agent's latest draft. */
  updateAgentWebhook(agentId: string, settings: RetellWebhookSettings): Promise<RetellAgent> {
    return this.#call({ notFound: agentNotFound, rejected: webhookRejected }, true, (o) =>
      this.#sdk.agent.update(agentId, settings, o),
    );
  }

  /** All phone numbers of the workspace (every page). */
  async listPhoneNumbers(): Promise<RetellPhoneNumber[]> {
    const numbers: RetellPhoneNumber[] = [];
    let paginationKey: string | undefined;
    do {
      const page = await this.#call({ notFound: phoneNumberNotFound }, true, (o) =>
        this.#sdk.phoneNumber.list({ pagination_key: paginationKey }, o),
      );
      numbers.push(...page.items);
      paginationKey = page.has_more ? page.pagination_key : undefined;
    } while (paginationKey);
    return numbers;
  }

  getPhoneNumber(number: string): Promise<RetellPhoneNumber> {
    return this.#call({ notFound: phoneNumberNotFound }, true, (o) => this.#sdk.phoneNumber.retrieve(number, o));
  }

  /** Routes inbound calls of a number to agent versions (replaces the removed inbound_agent_id/_version). */
  bindInboundAgents(number: string, agents: RetellInboundAgent[]): Promise<RetellPhoneNumber> {
    return this.#call({ notFound: phoneNumberNotFound }, true, (o) =>
      this.#sdk.phoneNumber.update(number, { inbound_agents: agents }, o),
    );
  }

  /** A new Retell LLM (prompt, greeting, tools) to be the response engine of an agent. */
  createLlm(body: RetellLlmCreate): Promise<RetellLlm> {
    return this.#call({ notFound: llmNotFound }, false, (o) => this.#sdk.llm.create(body, o));
  }

  getLlm(llmId: string): Promise<RetellLlm> {
    return this.#call({ notFound: llmNotFound }, true, (o) => this.#sdk.llm.retrieve(llmId, {}, o));
  }

  updateLlm(llmId: string, fields: RetellLlmUpdate): Promise<RetellLlm> {
    return this.#call({ notFound: llmNotFound }, true, (o) => this.#sdk.llm.update(llmId, fields, o));
  }

  /** Every voice the workspace may use (Retell gives no language; `accent` tells German ones). */
  listVoices(): Promise<RetellVoice[]> {
    return this.#call({ notFound: voicesNotFound }, true, (o) => this.#sdk.voice.list(o));
  }

  /**
   * Custom tools live in the general_tools of the agent's Retell LLM. Ours replace tools of
   * the same name; other tools (end_call, tools added in Retell's dashboard) stay.
   */
  async deployTools(agentId: string, tools: RetellCustomTool[]): Promise<RetellLlm> {
    const engine = (await this.getAgent(agentId)).response_engine;
    if (engine.type !== "retell-llm") {
      throw new AppError(ErrorCodes.INVALID_INPUT, "Der Agent nutzt kein Retell-LLM; Werkzeuge lassen sich dort nicht hinterlegen.", {
        details: { agentId, responseEngine: engine.type },
      });
    }
    const llm = await this.#call({ notFound: agentNotFound }, true, (o) => this.#sdk.llm.retrieve(engine.llm_id, {}, o));
    const names = new Set(tools.map((tool) => tool.name));
    const kept = (llm.general_tools ?? []).filter((tool) => !names.has(tool.name));
    return this.#call({ notFound: agentNotFound }, true, (o) =>
      this.#sdk.llm.update(engine.llm_id, { general_tools: [...kept, ...tools] }, o),
    );
  }

  #call<T>(meaning: RetellErrorMeaning, idempotent: boolean, request: (options: RequestOptions) => PromiseLike<T>): Promise<T> {
    return runResilient(
      "retell",
      async (signal) => {
        try {
          return await request({ signal });
        } catch (error) {
          throw retellFailure(error, meaning);
        }
      },
      { idempotent, timeoutMs: this.#timeoutMs, scope: this.#circuitScope },
    );
  }
}
