/**
 * The Retell workspace behind the fake Retell API: agents with versions, their Retell
 * LLMs and phone numbers, seeded with two practices. No HTTP here; see ./fake-server.ts.
 */
import type { Retell } from "retell-sdk";
import { FakeFaults } from "./http-server";

type AgentResponse = Retell.AgentResponse;
type LlmResponse = Retell.LlmResponse;
type PhoneNumberResponse = Retell.PhoneNumberResponse;

export const FAKE_AGENT_IDS = { praxis: "agent_praxis_weber", salon: "agent_salon_schnitt" } as const;
export const FAKE_PHONE_NUMBER = "+49301234567";

export class FakeRetellState extends FakeFaults {
  /** Versions of each agent, oldest first. */
  readonly agents = new Map<string, AgentResponse[]>();
  readonly llms = new Map<string, LlmResponse>();
  readonly phoneNumbers = new Map<string, PhoneNumberResponse>();

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
