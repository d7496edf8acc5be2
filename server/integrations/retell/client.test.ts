import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { circuitStates, configureResilience, resetCircuits } from "@/server/platform/resilience";
import { RetellClient, type RetellCustomTool } from "./client";
import { FAKE_AGENT_IDS, FAKE_PHONE_NUMBER, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";

const API_KEY = "key_retell_test";
const { praxis, salon } = FAKE_AGENT_IDS;

let retell: FakeRetell;
let client: RetellClient;

beforeEach(async () => {
  resetCircuits();
  configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 5 });
  retell = await startFakeRetell({ apiKey: API_KEY });
  client = new RetellClient({ apiKey: API_KEY, baseUrl: retell.url });
});

afterEach(() => retell.close());

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const bookingTool: RetellCustomTool = {
  type: "custom",
  name: "book_appointment",
  url: "https://askproai.example/api/mcp/retell/custom-function",
  description: "Bucht einen Termin.",
  parameters: { type: "object", properties: { start: { type: "string" } }, required: ["start"] },
  speak_during_execution: true,
  timeout_ms: 10_000,
};

describe("agents", () => {
  it("lists agents over every page with the bearer key", async () => {
    const paged = await startFakeRetell({ apiKey: API_KEY, pageSize: 1 });
    const pagedClient = new RetellClient({ apiKey: API_KEY, baseUrl: paged.url });

    const agents = await pagedClient.listAgents();
    await paged.close();

    expect(agents.map((a) => a.agent_id)).toEqual([praxis, salon]);
    const requests = paged.state.requestsTo("POST", "/v2/list-agents");
    expect(requests).toHaveLength(2);
    expect(requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(requests[1].query.get("pagination_key")).toBe(praxis);
  });

  it("reads the versions of an agent and which one is published", async () => {
    const versions = await client.getAgentVersions(praxis);

    expect(versions.map((v) => [v.version, v.is_published])).toEqual([
      [0, false],
      [1, true],
      [2, false],
    ]);
    expect(retell.state.requests[0].path).toBe(`/get-agent-versions/${praxis}`);
  });

  it("reads the latest or a given version of an agent", async () => {
    expect((await client.getAgent(praxis)).version).toBe(2);
    expect((await client.getAgent(praxis, 1)).is_published).toBe(true);
  });

  it("publishes a draft version", async () => {
    await client.publishAgentVersion(praxis, 2, { title: "Neue Begrüßung" });

    expect(retell.state.requests[0].body).toEqual({ version: 2, version_title: "Neue Begrüßung" });
    expect(retell.state.latestVersion(praxis)?.is_published).toBe(true);
  });

  it("points the agent's webhook at us", async () => {
    const agent = await client.updateAgentWebhook(salon, {
      webhook_url: "https://askproai.example/api/mcp/retell/webhook",
      webhook_events: ["call_started", "call_ended", "call_analyzed"],
      webhook_timeout_ms: 10_000,
    });

    const [request] = retell.state.requestsTo("PATCH", `/update-agent/${salon}`);
    expect(request.query.has("version")).toBe(false);
    // Version 0 is published, so Retell changes a new draft on top of it.
    expect(agent).toMatchObject({ version: 1, webhook_url: "https://askproai.example/api/mcp/retell/webhook" });
    expect(retell.state.latestVersion(salon)?.webhook_events).toEqual(["call_started", "call_ended", "call_analyzed"]);
  });

  it("deploys custom tools into the agent's Retell LLM, keeping the other tools", async () => {
    await client.deployTools(praxis, [bookingTool]);
    const llm = await client.deployTools(praxis, [{ ...bookingTool, description: "Bucht einen Termin verbindlich." }]);

    expect(llm.general_tools?.map((t) => [t.type, t.name])).toEqual([
      ["end_call", "end_call"],
      ["custom", "book_appointment"],
    ]);
    expect(retell.state.llms.get("llm_praxis_weber")?.general_tools?.[1]).toMatchObject({
      description: "Bucht einen Termin verbindlich.",
      url: bookingTool.url,
    });
  });
});

describe("building an agent", () => {
  const prompt = "Du vergibst Termine. Jetzt: {{current_time_Europe/Berlin}}.";

  it("creates a Retell LLM with prompt and tools, reads it and updates it", async () => {
    const created = await client.createLlm({
      general_prompt: prompt,
      begin_message: "Salon Schönschnitt, guten Tag!",
      start_speaker: "agent",
      general_tools: [bookingTool, { type: "end_call", name: "end_call", description: "Beendet das Gespräch." }],
    });
    const updated = await client.updateLlm(created.llm_id, { begin_message: "Guten Tag!" });
    const read = await client.getLlm(created.llm_id);

    expect(retell.state.requestsTo("POST", "/create-retell-llm")[0].body).toMatchObject({ general_prompt: prompt, start_speaker: "agent" });
    expect(updated.begin_message).toBe("Guten Tag!");
    expect(read).toMatchObject({ llm_id: created.llm_id, general_prompt: prompt, begin_message: "Guten Tag!" });
    expect(read.general_tools?.map((t) => t.name)).toEqual(["book_appointment", "end_call"]);
  });

  it("creates an agent as an unpublished draft and updates its general fields", async () => {
    const llm = await client.createLlm({ general_prompt: prompt });
    const agent = await client.createAgent({
      response_engine: { type: "retell-llm", llm_id: llm.llm_id },
      voice_id: "11labs-Anna",
      agent_name: "Salon – Telefon",
      language: "de-DE",
      timezone: "Europe/Berlin",
      webhook_url: "https://askproai.example/api/mcp/retell/webhook",
      webhook_events: ["call_started", "call_ended"],
    });
    expect(agent).toMatchObject({ version: 0, is_published: false, language: "de-DE", voice_id: "11labs-Anna" });

    const renamed = await client.updateAgent(agent.agent_id, { agent_name: "Salon – Rezeption", voice_id: "11labs-Lukas" });
    expect(renamed).toMatchObject({ version: 0, agent_name: "Salon – Rezeption", voice_id: "11labs-Lukas" });

    await client.publishAgentVersion(agent.agent_id, 0);
    const draft = await client.updateAgent(agent.agent_id, { timezone: "Europe/Vienna" });
    expect(draft).toMatchObject({ version: 1, is_published: false, timezone: "Europe/Vienna" });
    expect((await client.getAgentVersions(agent.agent_id)).map((v) => [v.version, v.is_published])).toEqual([
      [0, true],
      [1, false],
    ]);
  });

  it("refuses an agent with an unknown voice or LLM, and an unknown agent to update", async () => {
    const llm = await client.createLlm({});
    const voice = await appError(client.createAgent({ response_engine: { type: "retell-llm", llm_id: llm.llm_id }, voice_id: "11labs-Nobody" }));
    const engine = await appError(client.createAgent({ response_engine: { type: "retell-llm", llm_id: "llm_missing" }, voice_id: "11labs-Anna" }));
    const missing = await appError(client.updateAgent("agent_missing", { agent_name: "x" }));
    const missingLlm = await appError(client.getLlm("llm_missing"));

    expect([voice.code, engine.code]).toEqual([ErrorCodes.INVALID_INPUT, ErrorCodes.INVALID_INPUT]);
    expect(voice.details).toMatchObject({ message: expect.stringContaining("11labs-Nobody") });
    expect([missing.code, missingLlm.code]).toEqual([ErrorCodes.RETELL_AGENT_NOT_FOUND, ErrorCodes.RETELL_AGENT_NOT_FOUND]);
    expect(retell.state.agents.size).toBe(2);
  });

  it("lists the voices with their accent", async () => {
    const voices = await client.listVoices();

    expect(voices.filter((v) => v.accent === "German").map((v) => v.voice_id)).toEqual(["11labs-Anna", "11labs-Lukas", "cartesia-Greta"]);
    expect(retell.state.requestsTo("GET", "/list-voices")).toHaveLength(1);
  });

  it("does not retry creating (a second LLM would be an orphan)", async () => {
    retell.state.failNext(1, 503);
    const error = await appError(client.createLlm({ general_prompt: prompt }));

    expect(error.code).toBe(ErrorCodes.RETELL_UNAVAILABLE);
    expect(retell.state.requestsTo("POST", "/create-retell-llm")).toHaveLength(1);
  });
});

describe("phone numbers", () => {
  it("lists phone numbers over every page", async () => {
    const paged = await startFakeRetell({ apiKey: API_KEY, pageSize: 1 });
    paged.state.addPhoneNumber("+4940987654", "Salon Hamburg");
    const pagedClient = new RetellClient({ apiKey: API_KEY, baseUrl: paged.url });

    const numbers = await pagedClient.listPhoneNumbers();
    await paged.close();

    expect(numbers.map((n) => n.phone_number)).toEqual([FAKE_PHONE_NUMBER, "+4940987654"]);
    expect(paged.state.requestsTo("GET", "/v2/list-phone-numbers")).toHaveLength(2);
  });

  it("reads a number with its inbound agents", async () => {
    const number = await client.getPhoneNumber(FAKE_PHONE_NUMBER);

    expect(number.inbound_agents).toEqual([{ agent_id: praxis, agent_version: 1, weight: 1 }]);
  });

  it("binds a number to agent versions with inbound_agents", async () => {
    const bound = await client.bindInboundAgents(FAKE_PHONE_NUMBER, [
      { agent_id: praxis, agent_version: 2, weight: 0.5 },
      { agent_id: salon, agent_version: "latest_published", weight: 0.5 },
    ]);

    const [request] = retell.state.requestsTo("PATCH", `/update-phone-number/${FAKE_PHONE_NUMBER}`);
    expect(request.body).toEqual({
      inbound_agents: [
        { agent_id: praxis, agent_version: 2, weight: 0.5 },
        { agent_id: salon, agent_version: "latest_published", weight: 0.5 },
      ],
    });
    expect(bound.inbound_agents).toHaveLength(2);
    expect(retell.state.phoneNumbers.get(FAKE_PHONE_NUMBER)?.inbound_agents?.[0].agent_version).toBe(2);
  });
});

describe("error mapping", () => {
  it("maps a wrong API key to 1001", async () => {
    const wrongKey = new RetellClient({ apiKey: "key_wrong", baseUrl: retell.url });

    const error = await appError(wrongKey.listAgents());

    expect(error.code).toBe(ErrorCodes.RETELL_INVALID_API_KEY);
    expect(retell.state.requests).toHaveLength(1);
  });

  it("maps an unknown agent to 1002 and an unknown number to 1003", async () => {
    const agent = await appError(client.getAgentVersions("agent_missing"));
    const tools = await appError(client.deployTools("agent_missing", [bookingTool]));
    const number = await appError(client.getPhoneNumber("+4930000000"));
    const binding = await appError(client.bindInboundAgents("+4930000000", [{ agent_id: praxis, weight: 1 }]));

    expect([agent.code, tools.code]).toEqual([ErrorCodes.RETELL_AGENT_NOT_FOUND, ErrorCodes.RETELL_AGENT_NOT_FOUND]);
    expect([number.code, binding.code]).toEqual([ErrorCodes.RETELL_PHONE_NOT_CONFIGURED, ErrorCodes.RETELL_PHONE_NOT_CONFIGURED]);
  });

  it("maps a rejected webhook update to 1004", async () => {
    const error = await appError(client.updateAgentWebhook(praxis, { webhook_url: "ftp://askproai.example/hook" }));

    expect(error.code).toBe(ErrorCodes.RETELL_WEBHOOK_REGISTRATION_FAILED);
    expect(retell.state.requests).toHaveLength(1);
  });

  it("maps a rejected binding to INVALID_INPUT with Retell's reason", async () => {
    const error = await appError(
      client.bindInboundAgents(FAKE_PHONE_NUMBER, [
        { agent_id: praxis, agent_version: 1, weight: 0.5 },
        { agent_id: salon, agent_version: 0, weight: 0.4 },
      ]),
    );

    expect(error.code).toBe(ErrorCodes.INVALID_INPUT);
    expect(error.details).toMatchObject({ status: 400, message: expect.stringContaining("sum to 1") });
  });

  it("maps 5xx to 1005 after retrying reads, and does not retry a publish", async () => {
    retell.state.failNext(3, 502);
    const read = await appError(client.getAgentVersions(praxis));
    retell.state.failNext(1, 503);
    const publish = await appError(client.publishAgentVersion(praxis, 2));

    expect(read.code).toBe(ErrorCodes.RETELL_UNAVAILABLE);
    expect(read.retryAfter).toBe(60);
    expect(publish.code).toBe(ErrorCodes.RETELL_UNAVAILABLE);
    expect(retell.state.requestsTo("GET", `/get-agent-versions/${praxis}`)).toHaveLength(3);
    expect(retell.state.requestsTo("POST", `/publish-agent-version/${praxis}`)).toHaveLength(1);
  });

  it("maps a timeout to 1005", async () => {
    const impatient = new RetellClient({ apiKey: API_KEY, baseUrl: retell.url, timeoutMs: 50 });
    retell.state.delayMs = 200;

    const error = await appError(impatient.publishAgentVersion(praxis, 2));

    expect(error.code).toBe(ErrorCodes.RETELL_UNAVAILABLE);
    expect(retell.state.requests).toHaveLength(1);
  });

  it("honours 429 with Retry-After and does not retry", async () => {
    retell.state.rateLimitNext(1, 12);

    const error = await appError(client.getPhoneNumber(FAKE_PHONE_NUMBER));

    expect(error.code).toBe(ErrorCodes.RETELL_UNAVAILABLE);
    expect(error.retryAfter).toBe(12);
    expect(retell.state.requests).toHaveLength(1);
  });
});

describe("circuit breaker", () => {
  it("opens after five failed requests and then spares Retell", async () => {
    retell.state.failNext(100, 500);

    await appError(client.listPhoneNumbers());
    await appError(client.listPhoneNumbers());
    const error = await appError(client.getPhoneNumber(FAKE_PHONE_NUMBER));

    expect(retell.state.requests).toHaveLength(5);
    expect(circuitStates().retell).toBe("open");
    expect(error.code).toBe(ErrorCodes.RETELL_UNAVAILABLE);
    expect(error.message).toBe("Der Telefonassistent ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.");
  });
});
