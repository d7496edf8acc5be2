import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAKE_AGENT_IDS, FAKE_PHONE_NUMBER, startFakeRetell, type FakeRetell } from "./retell-server";

// The fake must reject what Retell rejects, or client tests prove nothing.

const API_KEY = "key_retell_test";
let retell: FakeRetell;

beforeEach(async () => {
  retell = await startFakeRetell({ apiKey: API_KEY });
});

afterEach(() => retell.close());

function patch(path: string, body: unknown, key = API_KEY) {
  return fetch(`${retell.url}${path}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const phonePath = `/update-phone-number/${encodeURIComponent(FAKE_PHONE_NUMBER)}`;
const originalBinding = [{ agent_id: FAKE_AGENT_IDS.praxis, agent_version: 1, weight: 1 }];

describe("fake Retell", () => {
  it("answers 401 for a wrong or missing bearer key", async () => {
    const wrong = await patch(phonePath, { nickname: "x" }, "key_other");
    const missing = await fetch(`${retell.url}/v2/list-agents`, { method: "POST" });

    expect([wrong.status, missing.status]).toEqual([401, 401]);
    expect(retell.state.phoneNumbers.get(FAKE_PHONE_NUMBER)?.nickname).toBe("Praxis Dr. Weber");
  });

  it("rejects the removed inbound_agent_id / inbound_agent_version fields", async () => {
    const response = await patch(phonePath, { inbound_agent_id: FAKE_AGENT_IDS.salon, inbound_agent_version: 0 });

    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("inbound_agent_id");
    expect(retell.state.phoneNumbers.get(FAKE_PHONE_NUMBER)?.inbound_agents).toEqual(originalBinding);
  });

  it("rejects inbound_agents whose weights do not sum to 1 or that name unknown agents", async () => {
    const underweight = await patch(phonePath, { inbound_agents: [{ agent_id: FAKE_AGENT_IDS.salon, weight: 0.9 }] });
    const unknownAgent = await patch(phonePath, { inbound_agents: [{ agent_id: "agent_nobody", weight: 1 }] });
    const unknownVersion = await patch(phonePath, {
      inbound_agents: [{ agent_id: FAKE_AGENT_IDS.salon, agent_version: 7, weight: 1 }],
    });
    const thirds = await patch(phonePath, {
      inbound_agents: [
        { agent_id: FAKE_AGENT_IDS.salon, agent_version: "latest", weight: 1 / 3 },
        { agent_id: FAKE_AGENT_IDS.salon, agent_version: 0, weight: 1 / 3 },
        { agent_id: FAKE_AGENT_IDS.praxis, agent_version: 1, weight: 1 / 3 },
      ],
    });

    expect([underweight.status, unknownAgent.status, unknownVersion.status]).toEqual([400, 400, 400]);
    expect(thirds.status).toBe(200);
  });

  it("rejects custom tools Retell would refuse", async () => {
    const tool = { type: "custom", name: "book_appointment", url: "https://askproai.example/tool" };
    const llmPath = "/update-retell-llm/llm_praxis_weber";

    const arrayParameters = await patch(llmPath, { general_tools: [{ ...tool, parameters: { type: "array", properties: {} } }] });
    const spacedName = await patch(llmPath, { general_tools: [{ ...tool, name: "book appointment" }] });
    const duplicate = await patch(llmPath, { general_tools: [tool, tool] });

    expect([arrayParameters.status, spacedName.status, duplicate.status]).toEqual([400, 400, 400]);
    expect(retell.state.llms.get("llm_praxis_weber")?.general_tools).toHaveLength(1);
  });

  it("creates LLMs and agents only with the fields Retell knows, and draft version 0", async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${retell.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const unknownField = await post("/create-retell-llm", { general_prompt: "x", normalize_for_speech: true });
    const llm = await post("/create-retell-llm", { general_prompt: "Du vergibst Termine." });
    const { llm_id } = (await llm.json()) as { llm_id: string };
    const engine = { type: "retell-llm", llm_id };
    const withoutVoice = await post("/create-agent", { response_engine: engine });
    const badZone = await post("/create-agent", { response_engine: engine, voice_id: "11labs-Anna", timezone: "Berlin" });
    const agent = await post("/create-agent", { response_engine: engine, voice_id: "11labs-Anna", language: "de-DE" });

    expect([unknownField.status, llm.status, withoutVoice.status, badZone.status, agent.status]).toEqual([400, 200, 400, 400, 200]);
    const created = (await agent.json()) as { agent_id: string };
    expect(retell.state.agents.get(created.agent_id)?.map((v) => [v.version, v.is_published])).toEqual([[0, false]]);
  });

  it("rejects a transfer_call tool without a valid destination", async () => {
    const llmPath = "/update-retell-llm/llm_praxis_weber";
    const transfer = { type: "transfer_call", name: "transfer_call", transfer_option: { type: "cold_transfer" } };

    const noDestination = await patch(llmPath, { general_tools: [transfer] });
    const notE164 = await patch(llmPath, { general_tools: [{ ...transfer, transfer_destination: { type: "predefined", number: "030 123" } }] });
    const fine = await patch(llmPath, { general_tools: [{ ...transfer, transfer_destination: { type: "predefined", number: "+4930123456" } }] });

    expect([noDestination.status, notE164.status, fine.status]).toEqual([400, 400, 200]);
  });

  it("refuses to change a published agent version", async () => {
    const response = await patch(`/update-agent/${FAKE_AGENT_IDS.praxis}?version=1`, { webhook_url: "https://askproai.example/hook" });

    expect(response.status).toBe(400);
  });
});
