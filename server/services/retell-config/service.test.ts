import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { decryptSecret } from "@/server/platform/crypto";
import { FAKE_AGENT_IDS, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { callMethod, InvalidParamsError } from "@/server/core/dispatch";
import { Registry } from "@/server/core/registry";
import type { ServiceContext } from "@/server/core/types";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_KEY, overrideEnv, seededTestDb, testContext } from "@/server/testing/retell";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { revealApiKey, rotateApiKey, setApiKey } from "./api-key";
import { createCustomFunction, deleteCustomFunction, deployAllFunctions, getCustomFunctions, updateCustomFunction } from "./custom-functions";
import { executeFunction } from "@/server/services/retell-function/service";
import { retellConfigServer } from "./methods";
import { getWebhookConfiguration, testWebhook, updateWebhookSettings } from "./webhook-settings";

const { salon } = FAKE_AGENT_IDS;
let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let app: ServedHandler;
let restoreEnv: () => void;
let ctx: ServiceContext;

beforeAll(async () => {
  db = await seededTestDb();
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  app = await serveFetchHandler((request) => handleRetellWebhook(request, { db: db.prisma }));
  restoreEnv = overrideEnv({ RETELL_API_BASE_URL: retell.url, APP_URL: app.url });
  ctx = testContext(db.prisma, db.companyId, { actor: { type: "user", id: "admin-1", role: "admin" } });
  // The demo number is answered by the fake workspace's salon agent.
  await db.prisma.phoneNumber.updateMany({ where: { companyId: db.companyId }, data: { retellAgentId: salon } });
});
afterAll(async () => {
  restoreEnv();
  await app.close();
  await retell.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  resetCircuits();
  configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2 });
});

const schema = { type: "object", properties: { plz: { type: "string", pattern: "^\\d{5}$" } }, required: ["plz"] };

describe("webhook configuration", () => {
  it("shows our webhook URL, the key only masked, and the default events", async () => {
    const config = await getWebhookConfiguration(ctx);
    expect(config.webhook_url).toBe(`${app.url}/api/mcp/retell/webhook`);
    expect(config.custom_function_url).toBe(`${app.url}/api/mcp/retell/custom-function`);
    expect(config.webhook_secret).toBe("demo••••••••-key");
    expect(JSON.stringify(config)).not.toContain(DEMO_KEY);
    expect(config.configured_events).toEqual(["call_started", "call_ended", "call_analyzed"]);
    expect(config.connected).toBe(true);
    // The test server's APP_URL is 127.0.0.1 over http: Retell could not reach it.
    expect(config.webhook_address_warning).toMatch(/^Retell kann diese Adresse nicht erreichen: 127\.0\.0\.1 ist nur im eigenen Netz erreichbar/);
    const undo = overrideEnv({ APP_URL: "https://termine.salon-schoenschnitt.de" });
    try {
      expect((await getWebhookConfiguration(ctx)).webhook_address_warning).toBeNull();
    } finally {
      undo();
    }
  });

  it("stores new events and pushes URL and events to the company's agents", async () => {
    const result = await updateWebhookSettings(ctx, { events: ["call_ended", "call_analyzed"] });
    expect(result).toMatchObject({ success: true, pushed_agents: [salon] });
    expect(result.configuration.configured_events).toEqual(["call_ended", "call_analyzed"]);
    const agent = retell.state.latestVersion(salon)!;
    expect(agent.webhook_url).toBe(`${app.url}/api/mcp/retell/webhook`);
    expect(agent.webhook_events).toEqual(["call_ended", "call_analyzed"]);
    const row = await db.prisma.retellConfiguration.findUniqueOrThrow({ where: { companyId: db.companyId } });
    expect(row.lastUpdatedById).toBe("admin-1");
  });

  it("refuses events outside the allowed list", async () => {
    const registry = new Registry([retellConfigServer]);
    const door = { companyId: db.companyId, actor: ctx.actor, correlationId: "t", db: db.prisma, registry };
    await expect(callMethod("retell.config.updateWebhookSettings", { events: ["call_exploded"] }, door)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(callMethod("retell.config.updateWebhookSettings", { events: [] }, door)).rejects.toBeInstanceOf(InvalidParamsError);
  });

  it("testWebhook sends a signed test event to our own webhook and records the result", async () => {
    const result = await testWebhook(ctx);
    expect(result).toMatchObject({ success: true, status_code: 200 });
    expect(result.response_time_ms).toBeGreaterThanOrEqual(0);
    const stored = await db.prisma.webhookEvent.findFirstOrThrow({ where: { event: "test" } });
    expect(stored.status).toBe("ignored");
    const row = await db.prisma.retellConfiguration.findUniqueOrThrow({ where: { companyId: db.companyId } });
    expect(row).toMatchObject({ testStatus: "success", lastTestStatusCode: 200 });
    expect(row.lastTestedAt).not.toBeNull();
  });

  it("testWebhook reports an unreachable webhook as failed", async () => {
    const undo = overrideEnv({ APP_URL: "http://127.0.0.1:9" });
    try {
      const result = await testWebhook(ctx);
      expect(result).toMatchObject({ success: false, status_code: null });
    } finally {
      undo();
    }
    expect((await db.prisma.retellConfiguration.findUniqueOrThrow({ where: { companyId: db.companyId } })).testStatus).toBe("failed");
  });
});

describe("custom functions", () => {
  it("lists the built-ins, global functions, never another company's", async () => {
    const other = await db.prisma.company.create({ data: { slug: "andere", name: "Andere" } });
    await db.prisma.retellCustomFunction.create({ data: { companyId: other.id, name: "fremd", type: "data_collection", parameterSchema: { type: "object" } } });
    await db.prisma.retellCustomFunction.create({ data: { name: "wetter", type: "external_api", url: "https://wetter.example/api", isGlobal: true, parameterSchema: { type: "object" } } });
    const first = await getCustomFunctions(ctx);
    const second = await getCustomFunctions(ctx);
    expect(second.total).toBe(first.total);
    const names = second.functions.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["collect_appointment_data", "answer_question", "wetter"]));
    expect(names).not.toContain("fremd");
    expect(second.functions.find((f) => f.name === "wetter")?.is_global).toBe(true);
  });

  it("creates an external_api function with encrypted headers and deploys it as a tool of the agent", async () => {
    const result = await createCustomFunction(ctx, {
      name: "lieferstatus",
      type: "external_api",
      description: "Fragt den Lieferstatus ab.",
      url: "https://shop.example/status",
      method: "POST",
      headers: { "X-Api-Key": "geheimer-shop-key-123" },
      parameter_schema: schema,
      timeout_ms: 5000,
      enabled: true,
    });
    expect(result).toMatchObject({ success: true, deployed: true, deployed_agents: [salon] });
    expect(result.function.headers).toEqual({ "X-Api-Key": "gehe••••••••-123" });
    const row = await db.prisma.retellCustomFunction.findFirstOrThrow({ where: { name: "lieferstatus" } });
    expect(JSON.stringify(row.headers)).not.toContain("geheimer-shop-key");
    expect(decryptSecret((row.headers as Record<string, string>)["X-Api-Key"], { companyId: row.companyId, column: "retell_custom_functions.headers" })).toBe(
      "geheimer-shop-key-123",
    );

    const tools = retell.state.llms.get("llm_salon_schnitt")!.general_tools!;
    expect(tools.map((t) => t.name)).toEqual(["end_call", "lieferstatus"]);
    expect(tools[1]).toMatchObject({ type: "custom", url: `${app.url}/api/mcp/retell/custom-function`, parameters: schema });
    expect(JSON.stringify(tools)).not.toContain("geheimer-shop-key");
  });

  it("refuses a parameter_schema that is not a JSON Schema with top-level type object (4004)", async () => {
    const base = { name: "kaputt", type: "data_collection" as const, method: "POST" as const, headers: {}, timeout_ms: 5000, enabled: true };
    for (const bad of ["invalid json", { type: "array" }, { type: "object", properties: 5 }, null]) {
      await expect(createCustomFunction(ctx, { ...base, parameter_schema: bad })).rejects.toMatchObject({ code: 4004 });
    }
    // The validator's reasons travel in the message, which is all a door passes on.
    await expect(createCustomFunction(ctx, { ...base, parameter_schema: { type: "object", required: "plz" } })).rejects.toMatchObject({
      code: 4004,
      message: "Das Parameter-Schema ist kein gültiges JSON-Schema: required must be array.",
    });
    const fn = (await getCustomFunctions(ctx)).functions.find((f) => f.name === "lieferstatus")!;
    await expect(updateCustomFunction(ctx, { function_id: fn.id, updates: { parameter_schema: { type: "string" } } })).rejects.toMatchObject({ code: 4004 });
    const row = await db.prisma.retellCustomFunction.findUniqueOrThrow({ where: { id: fn.id } });
    expect(row.parameterSchema).toEqual(schema);
  });

  it("refuses the name of a built-in and a name that exists (3007)", async () => {
    const base = { type: "data_collection" as const, method: "POST" as const, headers: {}, timeout_ms: 5000, enabled: false, parameter_schema: { type: "object" } };
    await expect(createCustomFunction(ctx, { ...base, name: "collect_appointment_data" })).rejects.toMatchObject({ code: 3007 });
    await expect(createCustomFunction(ctx, { ...base, name: "lieferstatus" })).rejects.toMatchObject({ code: 3007 });
  });

  it("updates and redeploys an enabled function; a disabled one is not deployed", async () => {
    const fn = (await getCustomFunctions(ctx)).functions.find((f) => f.name === "lieferstatus")!;
    const updated = await updateCustomFunction(ctx, { function_id: fn.id, updates: { description: "Neuer Text" } });
    expect(updated.deployed).toBe(true);
    expect(retell.state.llms.get("llm_salon_schnitt")!.general_tools!.find((t) => t.name === "lieferstatus")?.description).toBe("Neuer Text");
    const disabled = await updateCustomFunction(ctx, { function_id: fn.id, updates: { enabled: false } });
    expect(disabled).toMatchObject({ deployed: false, function: { enabled: false } });
  });

  it("built-ins can only be switched off or described, and not deleted", async () => {
    const builtin = (await getCustomFunctions(ctx)).functions.find((f) => f.name === "answer_question")!;
    await expect(updateCustomFunction(ctx, { function_id: builtin.id, updates: { url: "https://x.example" } })).rejects.toMatchObject({ code: 4005 });
    await expect(deleteCustomFunction(ctx, { function_id: builtin.id })).rejects.toMatchObject({ code: 4005 });
    const ask = () =>
      executeFunction(ctx, { function_name: "answer_question", parameters: { frage: "Parken?" }, call_context: { call_id: `c_${Math.random()}`, to_number: "+49301234567" } });
    expect((await ask()).success).toBe(true); // fills the cache of the company's functions
    await updateCustomFunction(ctx, { function_id: builtin.id, updates: { enabled: false } });
    const stored = await db.prisma.retellCustomFunction.findFirstOrThrow({ where: { companyId: ctx.companyId, name: "answer_question" } });
    expect(stored.isEnabled).toBe(false);
    await expect(ask()).rejects.toMatchObject({ code: 3005 });
    await updateCustomFunction(ctx, { function_id: builtin.id, updates: { enabled: true } });
    expect((await ask()).success).toBe(true);
  });

  it("deploys every enabled function, built-ins included, in one update per agent", async () => {
    const before = retell.state.requestsTo("PATCH", "/update-retell-llm/llm_salon_schnitt").length;
    const result = await deployAllFunctions(ctx);
    expect(result.deployed_agents).toEqual([salon]);
    expect(result.functions).toEqual(expect.arrayContaining(["book_appointment", "check_availability", "collect_appointment_data", "wetter"]));
    expect(result.functions).not.toContain("lieferstatus"); // disabled above
    expect(retell.state.requestsTo("PATCH", "/update-retell-llm/llm_salon_schnitt").length).toBe(before + 1);
    const tools = retell.state.llms.get("llm_salon_schnitt")!.general_tools!;
    expect(tools.find((t) => t.name === "end_call")).toBeDefined();
    expect(tools.find((t) => t.name === "book_appointment")).toMatchObject({ type: "custom", url: `${app.url}/api/mcp/retell/custom-function` });
  });

  it("deletes the company's own function, not another company's", async () => {
    const foreign = await db.prisma.retellCustomFunction.findFirstOrThrow({ where: { name: "fremd" } });
    await expect(deleteCustomFunction(ctx, { function_id: foreign.id })).rejects.toMatchObject({ code: 3005 });
    const own = (await getCustomFunctions(ctx)).functions.find((f) => f.name === "lieferstatus")!;
    expect(await deleteCustomFunction(ctx, { function_id: own.id })).toEqual({ deleted: true });
  });
});

describe("API key", () => {
  it("reveal: admins only, and every reveal is audit-logged", async () => {
    expect(await revealApiKey(ctx)).toEqual({ api_key: DEMO_KEY });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { method: "retell.config.revealApiKey" } });
    expect(audit).toMatchObject({ actorType: "user", actorId: "admin-1", companyId: db.companyId });
    const staff = testContext(db.prisma, db.companyId, { actor: { type: "user", id: "s", role: "staff" } });
    await expect(revealApiKey(staff)).rejects.toMatchObject({ code: 3006 });
    const token = testContext(db.prisma, db.companyId, { actor: { type: "token", id: "t", allowedServers: [] } });
    await expect(revealApiKey(token)).rejects.toMatchObject({ code: 3006 });
  });

  it("rotate: the new key must be accepted by Retell before it replaces the old one", async () => {
    const rotated = await startFakeRetell({ apiKey: "neuer-retell-key-2026" });
    const undo = overrideEnv({ RETELL_API_BASE_URL: rotated.url });
    try {
      await expect(rotateApiKey(ctx, { new_api_key: "falscher-key-1234" })).rejects.toMatchObject({ code: 1001 });
      expect((await revealApiKey(ctx)).api_key).toBe(DEMO_KEY);
      const result = await rotateApiKey(ctx, { new_api_key: "neuer-retell-key-2026" });
      expect(result).toEqual({ connected: true, masked_key: "neue••••••••2026", previous_masked_key: "demo••••••••-key", agents_visible: 2 });
      expect((await revealApiKey(ctx)).api_key).toBe("neuer-retell-key-2026");
    } finally {
      undo();
      await rotated.close();
      await setApiKey(ctx, { api_key: DEMO_KEY });
    }
  });

  it("setApiKey stores the key encrypted and answers only masked", async () => {
    const other = await db.prisma.company.create({ data: { slug: "neu", name: "Neu" } });
    const octx = testContext(db.prisma, other.id);
    expect((await getWebhookConfiguration(octx)).connected).toBe(false);
    await expect(testWebhook(octx)).rejects.toMatchObject({ code: 1001 });
    const result = await setApiKey(octx, { api_key: "key_live_abcdef123456" });
    expect(result).toEqual({ connected: true, masked_key: "key_••••••••3456" });
    const row = await db.prisma.company.findUniqueOrThrow({ where: { id: other.id } });
    expect(row.retellApiKeyEnc).not.toContain("abcdef");
    expect(decryptSecret(row.retellApiKeyEnc!, { companyId: other.id, column: "companies.retellApiKeyEnc" })).toBe("key_live_abcdef123456");
    expect((await getWebhookConfiguration(octx)).webhook_secret).toBe("key_••••••••3456");
  });
});
