/**
 * The Retell workspace behind the fake Retell API: agents with versions, their Retell
 * LLMs and phone numbers, seeded with two practices. No HTTP here; see ./fake-server.ts.
 */
import { randomBytes } from "node:crypto";
import type { Retell } from "retell-sdk";
import { FakeFaults } from "./http-server";

type AgentResponse = Retell.AgentResponse;
type LlmResponse = Retell.LlmResponse;
type PhoneNumberResponse = Retell.PhoneNumberResponse;
type VoiceResponse = Retell.VoiceResponse;

export const FAKE_AGENT_IDS = { praxis: "agent_praxis_weber", salon: "agent_salon_schnitt" } as const;
export const FAKE_PHONE_NUMBER = "+49301234567";

/** The voices of the fake workspace: German ones (accent "German") and a few others. */
export const FAKE_VOICES: readonly VoiceResponse[] = [
  { voice_id: "11labs-Anna", voice_name: "Anna", provider: "elevenlabs", gender: "female", accent: "German", age: "Young" },
  { voice_id: "11labs-Lukas", voice_name: "Lukas", provider: "elevenlabs", gender: "male", accent: "German", age: "Middle Aged" },
  { voice_id: "cartesia-Greta", voice_name: "Greta", provider: "cartesia", gender: "female", accent: "German" },
  { voice_id: "11labs-Adrian", voice_name: "Adrian", provider: "elevenlabs", gender: "male", accent: "American", age: "Young" },
  { voice_id: "openai-Alloy", voice_name: "Alloy", provider: "openai", gender: "female", accent: "American" },
];

export class FakeRetellState extends FakeFaults {
  /** Versions of each agent, oldest first. */
  readonly agents = new Map<string, AgentResponse[]>();
  readonly llms = new Map<string, LlmResponse>();
  readonly phoneNumbers = new Map<string, PhoneNumberResponse>();
  readonly voices: VoiceResponse[] = [...FAKE_VOICES];

  constructor(
    /** Items per page of the list endpoints when no `limit` is sent. */
    readonly pageSize: number,
  ) {
    super();
    this.#seedAgent(FAKE_AGENT_IDS.praxis, "Praxis Dr. Weber – Rezeption", 3, 1);
    this.#seedAgent(FAKE_AGENT_IDS.salon, "Salon Schnitt – Telefon", 2, 0);
    this.addPhoneNumber(FAKE_PHONE_NUMBER, "Praxis Dr. Weber", [
      { agent_id: FAKE_AGENT_IDS.praxis, agent_version: 1, weight: 1 },
    ]);
  }

  latestVersion(agentId: string): AgentResponse | undefined {
    return this.agents.get(agentId)?.at(-1);
  }

  addPhoneNumber(
    number: string,
    nickname: string,
    inboundAgents: PhoneNumberResponse["inbound_agents"] = null,
  ): PhoneNumberResponse {
    const phoneNumber: PhoneNumberResponse = {
      phone_number: number,
      phone_number_type: "retell-twilio",
      nickname,
      inbound_agents: inboundAgents,
      last_modification_timestamp: Date.now(),
    };
    this.phoneNumbers.set(number, phoneNumber);
    return phoneNumber;
  }

  /** A new Retell LLM (version 0), as POST /create-retell-llm makes it. */
  createLlm(fields: Partial<LlmResponse>): LlmResponse {
    const llm: LlmResponse = {
      model: "gpt-4.1",
      model_temperature: 0,
      start_speaker: "agent",
      ...fields,
      llm_id: `llm_${randomBytes(12).toString("hex")}`,
      version: 0,
      is_published: false,
      last_modification_timestamp: Date.now(),
    };
    this.llms.set(llm.llm_id, llm);
    return llm;
  }

  /** A new agent whose only version 0 is an unpublished draft, as POST /create-agent makes it. */
  createAgent(fields: Omit<AgentResponse, "agent_id" | "last_modification_timestamp">): AgentResponse {
    const agent: AgentResponse = {
      ...fields,
      agent_id: `agent_${randomBytes(12).toString("hex")}`,
      version: 0,
      is_published: false,
      last_modification_timestamp: Date.now(),
    };
    this.agents.set(agent.agent_id, [agent]);
    return agent;
  }

  #seedAgent(agentId: string, name: string, versionCount: number, publishedVersion: number): void {
    const llmId = agentId.replace(/^agent_/, "llm_");
    this.llms.set(llmId, {
      llm_id: llmId,
      version: 0,
      general_prompt: `Du bist die freundliche Telefonassistenz von ${name}.`,
      general_tools: [{ type: "end_call", name: "end_call", description: "Beendet das Gespräch höflich." }],
      last_modification_timestamp: Date.now(),
    });
    const versions = Array.from({ length: versionCount }, (_, version): AgentResponse => ({
      agent_id: agentId,
      agent_name: name,
      version,
      is_published: version === publishedVersion,
      voice_id: "11labs-Anna",
      language: "de-DE",
      response_engine: { type: "retell-llm", llm_id: llmId, version: 0 },
      webhook_url: null,
      last_modification_timestamp: Date.now(),
    }));
    this.agents.set(agentId, versions);
  }
}
