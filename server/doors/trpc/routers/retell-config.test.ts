/**
 * Retell-Konfiguration and Funktionen through tRPC: admins change, staff are refused, invalid
 * params come back as field issues, and the Retell key never leaves in clear unless an admin
 * reveals it (which leaves an audit row).
 */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { FAKE_AGENT_IDS, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_KEY, FIXED_NOW, overrideEnv, seededTestDb } from "@/server/testing/retell";
import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let app: ServedHandler;
let restoreEnv: () => void;
let admin: Session;
let staff: Session;
let otherAdmin: Session;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: db.prisma, mutation, now: () => FIXED_NOW });

const validFunction = {
  name: "lieferstatus",
  type: "external_api",
  description: "Fragt den Lieferstatus ab.",
  url: "https://shop.example/status",
  method: "POST",
  headers: { "X-Api-Key": "geheimer-shop-key-123" },
  parameter_schema: { type: "object", properties: { bestellnummer: { type: "string" } }, required: ["bestellnummer"] },
};

async function customNames(session: Session): Promise<string[]> {
  const { data } = await call("retell.config.getCustomFunctions", session, {});
  return (data as { functions: Array<{ name: string; type: string }> }).functions.filter((f) => f.type !== "builtin").map((f) => f.name);
}

async function auditRows(method: string) {
  return db.prisma.auditLog.findMany({ where: { companyId: db.companyId, method } });
}

beforeAll(async () => {
  db = await seededTestDb();
  ({ admin, staff } = await sessionsOf(db.prisma, db.companyId));
  otherAdmin = (await sessionsOf(db.prisma, await seedOtherDemoCompany(db.prisma, { now: FIXED_NOW }))).admin;
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  app = await serveFetchHandler((request) => handleRetellWebhook(request, { db: db.prisma }));
  restoreEnv = overrideEnv({ RETELL_API_BASE_URL: retell.url, APP_URL: app.url });
});

afterAll(async () => {
  restoreEnv?.();
  await app?.close();
  await retell?.close();
  await db?.close();
});

beforeEach(() => {
  setCache(new MemoryCache());
  resetCircuits();
  configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2 });
});

describe("webhook configuration", () => {
  it("shows the URL and the key only masked, to admins only", async () => {
    expect((await call("retell.config.getWebhookConfiguration", staff, {})).status).toBe(403);
    for (const session of [admin]) {
      const res = await call("retell.config.getWebhookConfiguration", session, {});
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ webhook_url: `${app.url}/api/mcp/retell/webhook`, webhook_secret: "demo••••••••-key", connected: true });
      expect(JSON.stringify(res.data)).not.toContain(DEMO_KEY);
    }
  });

  it("keeps new events, refuses an empty or unknown choice with field issues", async () => {
    const saved = await call("retell.config.updateWebhookSettings", admin, { events: ["call_ended", "transcript_updated"] }, true);
    expect(saved.status).toBe(200);
    const read = await call("retell.config.getWebhookConfiguration", admin, {});
    expect((read.data as { configured_events: string[] }).configured_events).toEqual(["call_ended", "transcript_updated"]);

    for (const events of [[], ["call_exploded"]]) {
      const res = await call("retell.config.updateWebhookSettings", admin, { events }, true);
      expect(res.status).toBe(400);
      expect((res.error?.data.issues as Array<{ path: string }>)[0].path).toMatch(/^events/);
    }
    expect((await call("retell.config.getWebhookConfiguration", admin, {})).data).toMatchObject({ configured_events: ["call_ended", "transcript_updated"] });
  });

  it("tests the webhook: status code and time, kept as the last test", async () => {
    const res = await call("retell.config.testWebhook", admin, {}, true);
    expect(res.data).toMatchObject({ success: true, status_code: 200 });
    const config = (await call("retell.config.getWebhookConfiguration", admin, {})).data;
    expect(config).toMatchObject({ test_status: "success", last_test_status_code: 200, last_tested_at: FIXED_NOW.toISOString() });
    expect((config as { last_test_duration_ms: number }).last_test_duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("refuses every write to staff and changes nothing", async () => {
    const writes: Array<[string, unknown]> = [
      ["retell.config.updateWebhookSettings", { events: ["call_started"] }],
      ["retell.config.testWebhook", {}],
      ["retell.config.setApiKey", { api_key: "staff-tries-a-key" }],
      ["retell.config.rotateApiKey", { new_api_key: "staff-tries-a-key" }],
      ["retell.config.createCustomFunction", validFunction],
      ["retell.config.deployFunctions", {}],
    ];
    for (const [path, input] of writes) {
      const res = await call(path, staff, input, true);
      expect(res.status, path).toBe(403);
    }
    const config = (await call("retell.config.getWebhookConfiguration", admin, {})).data;
    expect(config).toMatchObject({ configured_events: ["call_ended", "transcript_updated"], webhook_secret: "demo••••••••-key" });
    expect(await customNames(admin)).toEqual([]);
  });
});

describe("the Retell API key", () => {
  it("is revealed to admins only, and each reveal is audit-logged", async () => {
    const refused = await call("retell.config.revealApiKey", staff, {});
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused)).not.toContain(DEMO_KEY);
    expect(await auditRows("retell.config.revealApiKey")).toHaveLength(0);

    const revealed = await call("retell.config.revealApiKey", admin, {});
    expect(revealed.data).toEqual({ api_key: DEMO_KEY });
    const rows = await auditRows("retell.config.revealApiKey");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorType: "user", actorId: admin.user.id, outcome: "success" });
  });

  it("is set write-only: answers carry only the masked key", async () => {
    const tooShort = await call("retell.config.setApiKey", admin, { api_key: "kurz" }, true);
    expect(tooShort.status).toBe(400);
    expect(tooShort.error?.data.issues).toEqual([{ path: "api_key", message: expect.any(String) }]);

    const res = await call("retell.config.setApiKey", admin, { api_key: "key_neu_0123456789" }, true);
    expect(res.data).toEqual({ connected: true, masked_key: "key_••••••••6789" });
    const config = await call("retell.config.getWebhookConfiguration", admin, {});
    expect(config.data).toMatchObject({ webhook_secret: "key_••••••••6789" });
    expect(JSON.stringify([res, config])).not.toContain("key_neu_0123456789");

    // Back to the key the fake Retell accepts, through rotation (checked against Retell first).
    const rotated = await call("retell.config.rotateApiKey", admin, { new_api_key: DEMO_KEY }, true);
    expect(rotated.data).toMatchObject({ masked_key: "demo••••••••-key", previous_masked_key: "key_••••••••6789", agents_visible: 2 });
    expect(JSON.stringify(rotated)).not.toContain(DEMO_KEY);
  });

  it("is not replaced by a rotation Retell refuses", async () => {
    const res = await call("retell.config.rotateApiKey", admin, { new_api_key: "key_retell_kennt_mich_nicht" }, true);
    expect(res.error).toMatchObject({ message: "Der Retell-API-Schlüssel ist ungültig.", data: { appError: { code: 1001 } } });
    expect((await call("retell.config.getWebhookConfiguration", admin, {})).data).toMatchObject({ webhook_secret: "demo••••••••-key" });
  });
});

describe("custom functions", () => {
  it("lists the built-ins with the service's names and descriptions", async () => {
    const { data } = await call("retell.config.getCustomFunctions", admin, {});
    const builtins = (data as { functions: Array<{ name: string; type: string; description: string | null }> }).functions.filter((f) => f.type === "builtin");
    expect(builtins.map((f) => f.name)).toEqual(expect.arrayContaining(["check_availability", "book_appointment"]));
    expect(builtins.every((f) => (f.description ?? "").length > 0)).toBe(true);
  });

  it("refuses an invalid schema with the validator's reason, and saves nothing", async () => {
    const res = await call("retell.config.createCustomFunction", admin, { ...validFunction, parameter_schema: { type: "object", required: "bestellnummer" } }, true);
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ message: "Das Parameter-Schema ist kein gültiges JSON-Schema: required must be array.", data: { appError: { code: 4004 } } });
    expect(await customNames(admin)).toEqual([]);
  });

  it("refuses malformed fields as issues by path", async () => {
    const res = await call("retell.config.createCustomFunction", admin, { ...validFunction, name: "Liefer Status!", url: "ftp://shop.example" }, true);
    expect(res.status).toBe(400);
    const paths = (res.error?.data.issues as Array<{ path: string }>).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "url"]));
    expect(await customNames(admin)).toEqual([]);
  });

  it("creates, edits, switches off and deletes a function; header values never come back in clear", async () => {
    const created = await call("retell.config.createCustomFunction", admin, validFunction, true);
    expect(created.status).toBe(200);
    const fn = (created.data as { function: { id: string; headers: Record<string, string> } }).function;
    expect(fn.headers).toEqual({ "X-Api-Key": "gehe••••••••-123" });
    expect(JSON.stringify(created)).not.toContain("geheimer-shop-key");

    const edited = await call("retell.config.updateCustomFunction", admin, { function_id: fn.id, updates: { description: "Neu", enabled: false } }, true);
    expect(edited.data).toMatchObject({ function: { description: "Neu", enabled: false }, deployed: false });
    const list = await call("retell.config.getCustomFunctions", admin, {});
    expect(JSON.stringify(list)).not.toContain("geheimer-shop-key");

    const badUpdate = await call("retell.config.updateCustomFunction", admin, { function_id: fn.id, updates: { method: "TRACE" } }, true);
    expect(badUpdate.status).toBe(400);
    expect((badUpdate.error?.data.issues as Array<{ path: string }>)[0].path).toBe("updates.method");

    expect((await call("retell.config.deleteCustomFunction", staff, { function_id: fn.id }, true)).status).toBe(403);
    expect((await call("retell.config.deleteCustomFunction", otherAdmin, { function_id: fn.id }, true)).status).toBe(404);
    expect((await call("retell.config.updateCustomFunction", otherAdmin, { function_id: fn.id, updates: { enabled: true } }, true)).status).toBe(404);
    expect(await customNames(otherAdmin)).toEqual([]);
    expect(await customNames(admin)).toEqual(["lieferstatus"]);

    expect((await call("retell.config.deleteCustomFunction", admin, { function_id: fn.id }, true)).data).toEqual({ deleted: true });
    expect(await customNames(admin)).toEqual([]);
  });
});

describe("deploying functions", () => {
  it("puts every enabled function, built-ins included, on the agents answering the company's numbers", async () => {
    await db.prisma.phoneNumber.updateMany({ where: { companyId: db.companyId }, data: { retellAgentId: FAKE_AGENT_IDS.salon } });
    const res = await call("retell.config.deployFunctions", admin, {}, true);
    expect(res.data).toMatchObject({ deployed_agents: [FAKE_AGENT_IDS.salon] });
    const deployed = (res.data as { functions: string[] }).functions;
    expect(deployed).toEqual(expect.arrayContaining(["check_availability", "book_appointment"]));
    const tools = retell.state.llms.get("llm_salon_schnitt")!.general_tools!.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(deployed));
  });
});

describe("a company without a Retell key", () => {
  it("reads as not connected and cannot reveal anything", async () => {
    expect((await call("retell.config.getWebhookConfiguration", otherAdmin, {})).data).toMatchObject({ connected: false, webhook_secret: null });
    const reveal = await call("retell.config.revealApiKey", otherAdmin, {});
    expect(reveal.error).toMatchObject({ data: { appError: { code: 1001 } } });
    expect(reveal.error?.message).toContain("nicht verbunden");
  });
});
