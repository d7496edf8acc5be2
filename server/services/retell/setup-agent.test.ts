import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { FAKE_PHONE_NUMBER, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { callMethod } from "@/server/core/dispatch";
import { Registry } from "@/server/core/registry";
import type { ServiceContext } from "@/server/core/types";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_KEY, overrideEnv, seededTestDb, testContext } from "@/server/testing/retell";
import { BUILTIN_FUNCTIONS } from "@/server/services/retell-function/builtins/catalog";
import { createCustomFunction, updateCustomFunction } from "@/server/services/retell-config/custom-functions";
import { NO_GUESSING_RULE, READ_BACK_RULE } from "./agent-prompt";
import { getAgentPrompt, listPromptVersions, listVoices, setPromptInstructions } from "./agent-instructions";
import { retellServer } from "./methods";
import { setupAgentParams } from "./schemas";
import { previewAgentSetup, setupAgent } from "./setup-agent";

const APP_URL = "https://askproai.example";
const FUNCTION_URL = `${APP_URL}/api/mcp/retell/custom-function`;
/** A second number of the company, in the Retell workspace but answered by no agent yet. */
const EXTRA_NUMBER = "+4940111222";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let restore: () => void;
let ctx: ServiceContext;
let adminId: string;

beforeAll(async () => {
  db = await seededTestDb();
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  retell.state.addPhoneNumber(EXTRA_NUMBER, "Hamburg");
  restore = overrideEnv({ RETELL_API_BASE_URL: retell.url, APP_URL });
  const admin = await db.prisma.user.findFirstOrThrow({ where: { companyId: db.companyId, role: "admin" } });
  adminId = admin.id;
  ctx = testContext(db.prisma, db.companyId, { actor: { type: "user", id: adminId, role: "admin" } });
  await db.prisma.phoneNumber.create({ data: { companyId: db.companyId, number: EXTRA_NUMBER, label: "Hamburg" } });
});
afterAll(async () => {
  restore();
  await retell.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  resetCircuits();
  configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2 });
});

/** Requests that change something in Retell (everything but reads). */
const writes = () => retell.state.requests.filter((r) => r.method !== "GET");
const config = () => db.prisma.retellConfiguration.findUniqueOrThrow({ where: { companyId: db.companyId } });
const managedLlm = async () => retell.state.llms.get((await config()).managedLlmId!)!;
const managedAgent = async () => retell.state.latestVersion((await config()).managedAgentId!)!;

function patchRetell(path: string, body: unknown) {
  return fetch(`${retell.url}${path}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${DEMO_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("the agent's prompt", () => {
  it("is written from the company's services, branches, opening hours and breaks, with the fixed rules", async () => {
    await db.prisma.service.create({ data: { companyId: db.companyId, name: "Augenbrauen zupfen", durationMinutes: 15, priceCents: 1250 } });

    const { prompt, begin_message, instructions_version } = await getAgentPrompt(ctx);

    expect(prompt).toContain("Du bist die freundliche Telefonassistenz von Salon Schönschnitt.");
    expect(begin_message).toBe("Salon Schönschnitt, guten Tag! Wie kann ich Ihnen helfen?");
    expect(prompt).toContain("- Damenhaarschnitt: etwa 45 Minuten, 49 Euro (Waschen, Schneiden, Föhnen)");
    expect(prompt).toContain("- Augenbrauen zupfen: etwa 15 Minuten, 12,50 Euro");
    expect(prompt).toContain("### Salon Schönschnitt Prenzlauer Berg\nAdresse: Kastanienallee 45, 10435 Berlin");
    expect(prompt).toContain(
      "Öffnungszeiten: Montag bis Mittwoch 09:00 bis 18:00 Uhr, Donnerstag 09:00 bis 20:00 Uhr, Freitag 09:00 bis 18:00 Uhr, Samstag 09:00 bis 14:00 Uhr, Sonntag geschlossen",
    );
    expect(prompt).toContain("Pausen (keine Termine): Montag bis Freitag 13:00 bis 13:30 Uhr");
    expect(prompt).toContain("{{current_time_Europe/Berlin}}");
    expect(prompt).toContain("{{current_calendar_Europe/Berlin}}");
    expect(prompt).toContain(READ_BACK_RULE);
    expect(READ_BACK_RULE).toContain("Dienstleistung, Datum, Uhrzeit und Name");
    expect(READ_BACK_RULE).toContain("ausdrücklich mit „ja“");
    expect(prompt).toContain(NO_GUESSING_RULE);
    // No transfer number yet: a failing tool leads to a message for a callback only.
    expect(prompt).toContain("eine Nachricht für einen Rückruf aufzunehmen");
    expect(prompt).not.toContain("transfer_call");
    expect(instructions_version).toBeNull();
  });

  it("keeps the company's instructions as versions and appends the latest to the prompt", async () => {
    const first = await setPromptInstructions(ctx, { instructions: "Biete bei Färben immer einen Beratungstermin an." });
    const second = await setPromptInstructions(ctx, { instructions: "Sprich Stammkunden mit Namen an." });

    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.created_by).toBe("Petra Schön");
    const { versions } = await listPromptVersions(ctx);
    expect(versions.map((v) => [v.version, v.instructions])).toEqual([
      [2, "Sprich Stammkunden mit Namen an."],
      [1, "Biete bei Färben immer einen Beratungstermin an."],
    ]);
    const rows = await db.prisma.agentPromptVersion.findMany({ where: { companyId: db.companyId } });
    expect(rows.every((r) => r.createdById === adminId)).toBe(true);

    const { prompt, instructions_version } = await getAgentPrompt(ctx);
    expect(instructions_version).toBe(2);
    expect(prompt.endsWith("## Zusätzliche Anweisungen des Betriebs\nSprich Stammkunden mit Namen an.")).toBe(true);
    expect(prompt).not.toContain("Beratungstermin");
  });
});

describe("setting up the agent", () => {
  it("offers the German voices, the first German female one as default", async () => {
    const { voices, default_voice_id } = await listVoices(ctx, {});

    expect(voices.map((v) => v.voice_id)).toEqual(["11labs-Anna", "11labs-Lukas", "cartesia-Greta"]);
    expect(default_voice_id).toBe("11labs-Anna");
    expect((await listVoices(ctx, { all: true })).voices).toHaveLength(5);
  });

  it("previews the first setup without writing anything to Retell", async () => {
    const before = writes().length;

    const preview = await previewAgentSetup(ctx, { numbers: [FAKE_PHONE_NUMBER, "040 111222"] });

    expect(writes()).toHaveLength(before);
    expect(preview).toMatchObject({ create_llm: true, create_agent: true, publish_version: 0, console_edited: false, up_to_date: false });
    expect(preview.numbers).toEqual([FAKE_PHONE_NUMBER, EXTRA_NUMBER].sort());
    expect(preview.changes).toContainEqual(expect.objectContaining({ target: "agent", field: "voice_id", before: null, after: "11labs-Anna" }));
    expect(preview.changes).toContainEqual(
      expect.objectContaining({ target: "number", target_id: FAKE_PHONE_NUMBER, before: "agent_praxis_weber (Version 1)" }),
    );
  });

  it("first run: creates the LLM with prompt and tools and the agent, publishes it and binds the numbers", async () => {
    // A disabled built-in stays out; the company's own function goes in with its schema.
    await updateCustomFunction(ctx, { function_id: "builtin:calculate_duration", updates: { enabled: false } });
    const own = await createCustomFunction(ctx, {
      name: "check_plz",
      type: "data_collection",
      description: "Prüft die Postleitzahl.",
      method: "POST",
      headers: {},
      parameter_schema: { type: "object", properties: { plz: { type: "string", pattern: "^\\d{5}$" } }, required: ["plz"] },
      timeout_ms: 5000,
      enabled: true,
    });
    expect(own.success).toBe(true);

    const result = await setupAgent(ctx, { numbers: [FAKE_PHONE_NUMBER, EXTRA_NUMBER] });

    expect(result).toMatchObject({ applied: true, create_llm: true, create_agent: true, agent_version: 0 });
    expect(retell.state.requestsTo("POST", "/create-retell-llm")).toHaveLength(1);
    expect(retell.state.requestsTo("POST", "/create-agent")).toHaveLength(1);

    const llm = retell.state.llms.get(result.llm_id)!;
    expect(llm.general_prompt).toContain(READ_BACK_RULE);
    expect(llm.general_prompt).toContain("Sprich Stammkunden mit Namen an.");
    expect(llm).toMatchObject({ start_speaker: "agent", begin_message: "Salon Schönschnitt, guten Tag! Wie kann ich Ihnen helfen?" });
    const tools = llm.general_tools!;
    const custom = tools.filter((t) => t.type === "custom") as Array<{ name: string; url: string; parameters: unknown; execution_message_description?: string }>;
    expect(custom.map((t) => t.name).sort()).toEqual(
      [...BUILTIN_FUNCTIONS.map((b) => b.name).filter((n) => n !== "calculate_duration"), "check_plz"].sort(),
    );
    expect(custom.every((t) => t.url === FUNCTION_URL)).toBe(true);
    for (const builtin of BUILTIN_FUNCTIONS.filter((b) => b.name !== "calculate_duration")) {
      expect(custom.find((t) => t.name === builtin.name)?.parameters).toEqual(builtin.parameters);
    }
    expect(custom.find((t) => t.name === "check_plz")?.parameters).toEqual({
      type: "object",
      properties: { plz: { type: "string", pattern: "^\\d{5}$" } },
      required: ["plz"],
    });
    expect(custom.find((t) => t.name === "check_availability")?.execution_message_description).toBe("Einen Moment, ich schaue nach freien Terminen.");
    expect(tools.filter((t) => t.type !== "custom").map((t) => t.name)).toEqual(["end_call"]);

    const agent = retell.state.latestVersion(result.agent_id)!;
    expect(agent).toMatchObject({
      version: 0,
      is_published: true,
      language: "de-DE",
      timezone: "Europe/Berlin",
      voice_id: "11labs-Anna",
      agent_name: "Salon Schönschnitt – Telefonassistenz",
      webhook_url: `${APP_URL}/api/mcp/retell/webhook`,
      webhook_events: ["call_started", "call_ended", "call_analyzed"],
      response_engine: { type: "retell-llm", llm_id: result.llm_id },
    });

    const binding = [{ agent_id: result.agent_id, agent_version: "latest_published", weight: 1 }];
    expect(retell.state.phoneNumbers.get(FAKE_PHONE_NUMBER)?.inbound_agents).toEqual(binding);
    expect(retell.state.phoneNumbers.get(EXTRA_NUMBER)?.inbound_agents).toEqual(binding);
    const rows = await db.prisma.phoneNumber.findMany({ where: { companyId: db.companyId }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.number, r.retellAgentId, r.retellAgentVersion])).toEqual([
      [FAKE_PHONE_NUMBER, result.agent_id, null],
      [EXTRA_NUMBER, result.agent_id, null],
    ].sort());

    const stored = await config();
    expect(stored).toMatchObject({ managedAgentId: result.agent_id, managedLlmId: result.llm_id, voiceId: "11labs-Anna", transferNumber: null });
    expect(stored.lastSetupHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.lastSetupAt).not.toBeNull();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { companyId: db.companyId, method: "retell.setupAgent" }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toMatchObject({ created_llm: true, created_agent: true, published_version: 0, bound_numbers: [FAKE_PHONE_NUMBER, EXTRA_NUMBER].sort() });
  });

  it("second run: nothing differs, so nothing is written", async () => {
    const before = writes().length;

    const preview = await previewAgentSetup(ctx, {});
    const result = await setupAgent(ctx, {});

    expect(preview).toMatchObject({ up_to_date: true, console_edited: false, changes: [], publish_version: null });
    expect(preview.numbers).toEqual([FAKE_PHONE_NUMBER, EXTRA_NUMBER].sort());
    expect(result).toMatchObject({ applied: false, up_to_date: true, agent_version: 0 });
    expect(writes()).toHaveLength(before);
  });

  it("previews a field-level change and writes only that field", async () => {
    const preview = await previewAgentSetup(ctx, { voiceId: "11labs-Lukas" });
    expect(preview.changes).toEqual([
      { target: "agent", target_id: preview.agent_id, field: "voice_id", label: "Stimme", before: "11labs-Anna", after: "11labs-Lukas" },
    ]);
    // Version 0 is published: the change lands in a new draft, which is published.
    expect(preview.publish_version).toBe(1);
    const before = writes().length;

    const result = await setupAgent(ctx, { voiceId: "11labs-Lukas" });

    const sent = writes().slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /update-agent/${result.agent_id}`, `POST /publish-agent-version/${result.agent_id}`]);
    expect(sent[0].body).toEqual({ voice_id: "11labs-Lukas" });
    expect(result.agent_version).toBe(1);
    expect(retell.state.latestVersion(result.agent_id)).toMatchObject({ version: 1, is_published: true, voice_id: "11labs-Lukas" });
    expect((await config()).voiceId).toBe("11labs-Lukas");
  });

  it("adds transfer_call with the transfer number and tells the agent to offer it", async () => {
    const result = await setupAgent(ctx, setupAgentParams.parse({ transferNumber: "030 9876543" }));

    const llm = retell.state.llms.get(result.llm_id)!;
    expect(llm.general_tools?.find((t) => t.type === "transfer_call")).toEqual({
      type: "transfer_call",
      name: "transfer_call",
      description: expect.any(String),
      transfer_destination: { type: "predefined", number: "+49309876543" },
      transfer_option: { type: "cold_transfer" },
      speak_during_execution: true,
      execution_message_description: "Einen Moment, ich verbinde Sie mit einem Mitarbeiter.",
    });
    expect(llm.general_prompt).toContain("an einen Mitarbeiter weiterzuleiten (transfer_call)");
    expect((await config()).transferNumber).toBe("+49309876543");
    expect((await previewAgentSetup(ctx, {})).up_to_date).toBe(true);
  });

  it("detects an edit in Retell's console and refuses to overwrite it unless confirmed", async () => {
    const { managedAgentId, managedLlmId } = await config();
    expect((await patchRetell(`/update-agent/${managedAgentId}`, { voice_id: "cartesia-Greta" })).status).toBe(200);
    expect((await patchRetell(`/update-retell-llm/${managedLlmId}`, { general_prompt: "Im Konsolen-Editor geändert." })).status).toBe(200);

    const preview = await previewAgentSetup(ctx, {});
    expect(preview.console_edited).toBe(true);
    expect(preview.changes.map((c) => c.field).sort()).toEqual(["general_prompt", "voice_id"]);
    expect(preview.changes.find((c) => c.field === "general_prompt")?.before).toBe("Im Konsolen-Editor geändert.");

    const before = writes().length;
    const refused = await setupAgent(ctx, {}).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 3007 });
    expect((refused as Error).message).toBe(
      "Der Agent wurde seit der letzten Einrichtung in der Retell-Konsole geändert. Beim Einrichten würde Folgendes überschrieben: Prompt, Stimme. Bitte bestätigen Sie das Überschreiben.",
    );
    expect(writes()).toHaveLength(before);
    expect((await managedLlm()).general_prompt).toBe("Im Konsolen-Editor geändert.");

    const result = await setupAgent(ctx, { confirmOverwrite: true });
    expect(result.applied).toBe(true);
    expect((await managedLlm()).general_prompt).toContain(READ_BACK_RULE);
    expect((await managedAgent()).voice_id).toBe("11labs-Lukas");
    const after = await previewAgentSetup(ctx, {});
    expect(after).toMatchObject({ console_edited: false, up_to_date: true });
  });

  it("a console edit of a field setup does not manage is no conflict", async () => {
    const { managedAgentId } = await config();
    expect((await patchRetell(`/update-agent/${managedAgentId}`, { enable_backchannel: true })).status).toBe(200);

    const preview = await previewAgentSetup(ctx, {});

    expect(preview.console_edited).toBe(false);
    expect(preview.changes).toEqual([]);
    // The console's new draft is not live yet; setup publishes it.
    expect(preview.publish_version).toBe((await managedAgent()).version);
  });

  it("new instructions change only the prompt", async () => {
    await setupAgent(ctx, {});
    await setPromptInstructions(ctx, { instructions: "Erwähne die Parkplätze im Hof." });
    const before = writes().length;

    const preview = await previewAgentSetup(ctx, {});
    expect(preview.changes.map((c) => c.field)).toEqual(["general_prompt"]);
    await setupAgent(ctx, {});

    expect(writes().slice(before).map((r) => `${r.method} ${r.path.replace(/\/[^/]+$/, "")}`)).toEqual(["PATCH /update-retell-llm"]);
    expect((await managedLlm()).general_prompt).toContain("Erwähne die Parkplätze im Hof.");
  });
});

describe("refusals", () => {
  it("refuses a number that is not the company's and a voice Retell does not have", async () => {
    const before = writes().length;
    await expect(setupAgent(ctx, { numbers: ["+49309999999"] })).rejects.toMatchObject({ code: 1003 });
    await expect(setupAgent(ctx, { voiceId: "11labs-Niemand" })).rejects.toMatchObject({ code: 4005 });
    expect(writes()).toHaveLength(before);
  });

  it("names a number Retell does not know in the preview and refuses to set up with it", async () => {
    await db.prisma.phoneNumber.create({ data: { companyId: db.companyId, number: "+4989123456", label: "München" } });

    const preview = await previewAgentSetup(ctx, { numbers: ["+4989123456"] });
    expect(preview.missing_numbers).toEqual(["+4989123456"]);
    const before = writes().length;
    const error = await setupAgent(ctx, { numbers: ["+4989123456"] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 1003 });
    expect((error as Error).message).toContain("+4989123456");
    expect(writes()).toHaveLength(before);
  });

  it("without a Retell key the prompt still shows, setup says where the key is missing", async () => {
    const other = await db.prisma.company.create({ data: { slug: "ohne-retell-setup", name: "Praxis Ohne" } });
    const otherCtx = testContext(db.prisma, other.id);

    expect((await getAgentPrompt(otherCtx)).prompt).toContain("Telefonassistenz von Praxis Ohne");
    await expect(previewAgentSetup(otherCtx, {})).rejects.toMatchObject({ code: 1001 });
  });

  it("through callMethod: admins only; the transfer number is checked as a phone number", async () => {
    const registry = new Registry([retellServer]);
    const admin = { companyId: db.companyId, actor: { type: "user" as const, id: adminId, role: "admin" as const }, correlationId: "t", db: db.prisma, registry };
    const staff = { ...admin, actor: { type: "user" as const, id: "u1", role: "staff" as const } };

    await expect(callMethod("retell.setupAgent", {}, staff)).rejects.toMatchObject({ code: 3006 });
    await expect(callMethod("retell.previewAgentSetup", {}, staff)).rejects.toMatchObject({ code: 3006 });
    await expect(callMethod("retell.setPromptInstructions", { instructions: "x" }, staff)).rejects.toMatchObject({ code: 3006 });
    await expect(callMethod("retell.setupAgent", { transferNumber: "keine Nummer" }, admin)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["transferNumber"] })],
    });
    const { data } = await callMethod("retell.setupAgent", {}, admin);
    expect(data).toMatchObject({ applied: false, up_to_date: true });
    const audit = await db.prisma.auditLog.count({ where: { companyId: db.companyId, method: "retell.setupAgent", outcome: "success" } });
    expect(audit).toBeGreaterThan(1);
  });
});
