/**
 * Every JSON-RPC example and method signature of the specification (askproai-mcp-first-spec.md,
 * §2-§12), replayed as a client written against it would send them, through the real gateway
 * over HTTP, with the demo company's data, a fake Retell workspace and our own Retell webhook
 * door. Each call must get a result or the error the specification documents for it, never
 * "method not found" (-32601) or "invalid params" (-32602).
 *
 * The specification names a DatabaseMCPServer (§1.1, §7.1 `'database'`) but gives it no method,
 * example or signature; the replay only checks that the server answers in the §2.2 shape.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { ErrorCodes } from "@/server/core/errors";
import { FAKE_AGENT_IDS, FAKE_PHONE_NUMBER, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { createApiToken } from "@/server/services/tokens";
import { DEMO_KEY, FIXED_NOW, overrideEnv, seededTestDb } from "@/server/testing/retell";
import { freePort } from "@/server/testing/free-port";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createOtherCompany, wholeCompanyGrants } from "@/server/testing/tenants";

/** Every method the specification calls by its JSON-RPC name or shows as a method signature. */
const SPEC_METHODS = [
  "retell.config.getWebhookConfiguration", // §3.2.1, §6.1, §10.1, §10.2
  "retell.config.updateWebhookSettings", // §3.2.2, §10.2, §12.3
  "retell.config.getCustomFunctions", // §3.2.3, §6.1
  "retell.config.updateCustomFunction", // §3.2.4, §6.1, §10.1
  "retell.config.testWebhook", // §3.2.5, §10.2
  "retell.function.execute", // §4.3.1, §4.3.2
  "appointments.find", // §5.2.1
  "appointments.change", // §5.2.2, §12.3
  "appointments.cancel", // §5.2.3
  "calcom.checkAvailability", // §4.3.2, §5.2.2
  "calcom.updateBooking", // §5.2.2
  "calcom.cancelBooking", // §5.2.3
  "calcom.createBooking", // §9.1
  "retell.getAgent", // §9.1
  "retell.getAgentVersions", // §6.2
  "retell.setPhoneNumberAgentVersion", // §6.2
  "mcp.discover", // §7.2
  "mcp.health", // §7.2 healthCheck
] as const;

const { praxis, salon } = FAKE_AGENT_IDS;
let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let webhookDoor: ServedHandler;
let gateway: ServedHandler;
let restoreEnv: () => void;
let token: string;
let companyId: string;
let branchId: string;
let serviceId: string;
const called = new Set<string>();

beforeAll(async () => {
  db = await seededTestDb();
  companyId = db.companyId;
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  webhookDoor = await serveFetchHandler((request) => handleRetellWebhook(request, { db: db.prisma }));
  restoreEnv = overrideEnv({ RETELL_API_BASE_URL: retell.url, APP_URL: webhookDoor.url });
  gateway = await serveFetchHandler(createRpcHandler({ db: db.prisma, now: () => FIXED_NOW }));
  ({ token } = await createApiToken(db.prisma, { companyId, name: "Spezifikation", allowedServers: wholeCompanyGrants() }));
  branchId = (await db.prisma.branch.findFirstOrThrow({ where: { companyId, phone: FAKE_PHONE_NUMBER } })).id;
  serviceId = (await db.prisma.service.findFirstOrThrow({ where: { companyId, name: "Damenhaarschnitt" } })).id;
  // The company's number is answered by an agent of the fake workspace (webhook settings are pushed to it).
  await db.prisma.phoneNumber.updateMany({ where: { companyId }, data: { retellAgentId: salon } });
});
afterAll(async () => {
  restoreEnv();
  await gateway.close();
  await webhookDoor.close();
  await retell.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
  resetCircuits();
  configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2 });
});

interface Answer {
  status: number;
  body: {
    jsonrpc: string;
    id: unknown;
    result?: { success: boolean; data?: Record<string, unknown>; message?: string; error_code?: number; metadata?: Record<string, unknown> };
    error?: { code: number; message: string; data?: Record<string, unknown> };
  };
}

/** One request as the specification writes it (§2.1), with `X-MCP-Token` (§12.1). */
async function send(method: string, params: unknown, opts: { spec?: boolean; id?: string } = {}): Promise<Answer> {
  called.add(method);
  const headers: Record<string, string> = { "content-type": "application/json", "x-mcp-token": token };
  if (opts.spec) headers["x-mcp-compat"] = "spec";
  const res = await fetch(`${gateway.url}/`, {
    method: "POST",
    headers,
    body: JSON.stringify({ jsonrpc: "2.0", id: opts.id ?? "unique-request-id", method, params }),
  });
  const answer = { status: res.status, body: (await res.json()) as Answer["body"] };
  expect([-32601, -32602], `${method}: ${JSON.stringify(answer.body.error)}`).not.toContain(answer.body.error?.code);
  return answer;
}

/** The call answered with a result (§2.2) and its data. */
async function result(method: string, params: unknown): Promise<Record<string, unknown>> {
  const { body } = await send(method, params);
  expect(body.error, `${method}: ${JSON.stringify(body.error)}`).toBeUndefined();
  expect(body.result).toMatchObject({ success: true, metadata: { cached: expect.any(Boolean), processing_time_ms: expect.any(Number) } });
  return body.result!.data!;
}

/** A booking of our own to change or cancel: the appointment's id and the calendar's booking uid. */
async function book(date: string, time: string): Promise<{ id: string; uid: string }> {
  const data = await result("appointments.book", {
    branch_id: branchId,
    service_id: serviceId,
    date,
    time,
    customer_name: "Erika Mustermann",
    customer_phone: "+4917612345678",
  });
  const appointment = data.appointment as { id: string; external_uid: string };
  return { id: appointment.id, uid: appointment.external_uid };
}

describe("§2 message, response and error format", () => {
  it("§2.1: unwraps params.data next to company_id and answers in the §2.2 shape", async () => {
    const { body } = await send("appointments.find", { company_id: companyId, data: { phone: "+4917600000000" } }, { id: "req-2-1" });
    expect(body).toMatchObject({ jsonrpc: "2.0", id: "req-2-1", result: { success: true, data: { found: false }, metadata: { cached: false } } });
  });

  it("§2.3: a service that cannot be reached answers an error with data.type ServiceUnavailable and retry_after", async () => {
    configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2, failureThreshold: 1 });
    const undo = overrideEnv({ RETELL_API_BASE_URL: `http://127.0.0.1:${await freePort()}` });
    try {
      const { body } = await send("retell.getAgent", { company_id: companyId, agent_id: praxis });
      expect(body.error).toMatchObject({ code: ErrorCodes.RETELL_UNAVAILABLE, data: { type: "ServiceUnavailable", retry_after: expect.any(Number) } });
      // A failure of the system stays an error object in the specification's shape too (only refusals become results).
      const spec = await send("retell.getAgent", { company_id: companyId, agent_id: praxis }, { spec: true });
      expect(spec.body.error).toMatchObject({ code: ErrorCodes.RETELL_UNAVAILABLE, data: { type: "ServiceUnavailable" } });
    } finally {
      undo();
    }
  });
});

describe("§3 RetellConfigurationMCPServer, §6.1 and §10", () => {
  it("§3.2.1 / §10.1: getWebhookConfiguration has webhook_url, webhook_secret and configured_events", async () => {
    const data = await result("retell.config.getWebhookConfiguration", { company_id: companyId });
    expect(data).toHaveProperty("webhook_url", `${webhookDoor.url}/api/mcp/retell/webhook`);
    expect(data).toHaveProperty("webhook_secret");
    expect(data).toHaveProperty("configured_events");
  });

  it("§3.2.2 / §10.2 / §12.3: updateWebhookSettings with events succeeds", async () => {
    const data = await result("retell.config.updateWebhookSettings", { company_id: companyId, events: ["call_started", "call_ended"] });
    expect(data.success, JSON.stringify(data.push_error)).toBe(true);
    expect((data.configuration as { configured_events: string[] }).configured_events).toEqual(["call_started", "call_ended"]);
  });

  it("§3.2.5 / §10.2: testWebhook reaches our webhook with status 200", async () => {
    const data = await result("retell.config.testWebhook", { company_id: companyId });
    expect(data).toMatchObject({ success: true, status_code: 200, response_time_ms: expect.any(Number), test_payload: { event: "test" } });
  });

  it("§3.2.3 / §3.2.4 / §6.1: lists functions and updates one with updates.is_enabled", async () => {
    const created = await result("retell.config.createCustomFunction", {
      name: "plz_pruefen",
      type: "external_api",
      url: "https://example.org/plz",
      parameter_schema: { type: "object", properties: { plz: { type: "string" } } },
      enabled: true,
    });
    const functionId = (created.function as { id: string }).id;
    const listed = await result("retell.config.getCustomFunctions", { company_id: companyId });
    expect((listed.functions as Array<{ id: string }>).map((f) => f.id)).toContain(functionId);

    const updated = await result("retell.config.updateCustomFunction", { function_id: functionId, updates: { is_enabled: false } });
    expect(updated).toMatchObject({ success: true, function: { id: functionId, enabled: false }, deployed: false });
  });

  it("§10.1: an updateCustomFunction with an invalid parameter_schema is refused as a schema error (4004)", async () => {
    const functions = await result("retell.config.getCustomFunctions", { company_id: companyId });
    const own = (functions.functions as Array<{ id: string; type: string }>).find((f) => f.type !== "builtin")!;
    const { body } = await send("retell.config.updateCustomFunction", { function_id: own.id, updates: { parameter_schema: "invalid json" } });
    expect(body.error?.code).toBe(ErrorCodes.SCHEMA_VALIDATION_FAILED);
  });
});

describe("§4 RetellCustomFunctionMCPServer", () => {
  const callContext = (call_id: string) => ({ call_id, from_number: "+4917612345678", to_number: FAKE_PHONE_NUMBER });
  const execute = (function_name: string, parameters: Record<string, unknown>, callId = "call_spec_1") =>
    result("retell.function.execute", { function_name, parameters, call_context: callContext(callId) });

  it("§4.3.2 collect_appointment_data: collects complete data, names missing fields", async () => {
    expect(await execute("collect_appointment_data", { datum: "17.03.2026", uhrzeit: "14:30", name: "Erika Mustermann", telefonnummer: "+4917612345678", dienstleistung: "Damenhaarschnitt" })).toMatchObject({ success: true });
    const missing = await execute("collect_appointment_data", { datum: "17.03.2026" }, "call_spec_2");
    expect(missing).toMatchObject({ success: false, missing_fields: expect.arrayContaining(["uhrzeit", "name", "dienstleistung"]) });
  });

  it("§4.3.1 check_availability, find_next_slot and calculate_duration answer", async () => {
    expect(await execute("check_availability", { date: "2026-03-17", time: "10:00", service: "Damenhaarschnitt" })).toHaveProperty("message");
    expect(await execute("find_next_slot", { service: "Damenhaarschnitt" })).toHaveProperty("message");
    expect(await execute("calculate_duration", { service: "Damenhaarschnitt" })).toHaveProperty("message");
  });
});

describe("§5 AppointmentManagementMCPServer and the Cal.com calls inside it", () => {
  it("§5.2.1 appointments.find with phone and company_id", async () => {
    await book("2026-03-16", "11:00");
    const data = await result("appointments.find", { phone: "+4917612345678", company_id: companyId });
    expect(data).toMatchObject({ found: true, count: expect.any(Number) });
  });

  it("§5.2.2 appointments.change with appointment_id, new_date, new_time and reason", async () => {
    const { id } = await book("2026-03-17", "10:00");
    const data = await result("appointments.change", { appointment_id: id, new_date: "2026-03-18", new_time: "11:00", reason: "Kundenanfrage per Telefon" });
    expect(data).toMatchObject({ success: true, appointment: { id, date: "18.03.2026", time: "11:00" } });
  });

  it("§5.2.3 appointments.cancel with appointment_id and reason", async () => {
    const { id } = await book("2026-03-17", "12:00");
    const data = await result("appointments.cancel", { appointment_id: id, reason: "Kundenanfrage per Telefon" });
    expect(data).toMatchObject({ success: true, appointment: { id, status: "cancelled" } });
  });

  it("§5.2.2 calcom.checkAvailability with company_id, event_type_id, date_from, date_to and timezone", async () => {
    const params = { company_id: companyId, event_type_id: serviceId, date_from: "2026-03-19", date_to: "2026-03-19", timezone: "Europe/Berlin" };
    // The built-in calendar of a company with two branches needs to know which one: §8.1's 3002.
    const { body } = await send("calcom.checkAvailability", params);
    expect(body.error).toMatchObject({ code: ErrorCodes.BRANCH_NOT_RESOLVED, data: { type: "BranchNotResolved" } });
    const data = await result("calcom.checkAvailability", { ...params, branch_id: branchId });
    expect((data.available_slots as unknown[]).length).toBeGreaterThan(0);
  });

  it("§5.2.2 calcom.updateBooking with company_id, booking_id, start and reschedule_reason", async () => {
    const { id, uid } = await book("2026-03-19", "10:00");
    const data = await result("calcom.updateBooking", { company_id: companyId, booking_id: uid, start: "2026-03-19T14:00:00+01:00", reschedule_reason: "Kundenanfrage per Telefon" });
    expect(data).toMatchObject({ booking: { appointment_id: id }, appointment: { time: "14:00" } });
  });

  it("§5.2.3 calcom.cancelBooking with company_id, booking_id and cancellation_reason", async () => {
    const { id, uid } = await book("2026-03-19", "11:00");
    const data = await result("calcom.cancelBooking", { company_id: companyId, booking_id: uid, cancellation_reason: "Kundenanfrage per Telefon" });
    expect(data).toMatchObject({ booking: { appointment_id: id, status: "cancelled" } });
  });

  it("§9.1 calcom.createBooking", async () => {
    const data = await result("calcom.createBooking", {
      company_id: companyId,
      event_type_id: serviceId,
      branch_id: branchId,
      start: "2026-03-20T10:00:00+01:00",
      attendee: { name: "Max Mustermann", phone: "+4917698765432" },
    });
    expect(data).toMatchObject({ already_booked: false, booking: { status: "scheduled" } });
  });

  it("§5.2.2 refusals answer result.success false with the message, for callers that ask for the specification's shape", async () => {
    const { id } = await book("2026-03-11", "15:00");
    const params = { appointment_id: id, new_date: "2026-03-18", new_time: "15:00" };
    const spec = await send("appointments.change", params, { spec: true });
    expect(spec.status).toBe(200);
    expect(spec.body.result).toMatchObject({ success: false, message: expect.stringMatching(/24 Stunden/), error_code: ErrorCodes.TOO_LATE_TO_MODIFY });
    const ours = await send("appointments.change", params);
    expect(ours.body.error).toMatchObject({ code: ErrorCodes.TOO_LATE_TO_MODIFY, data: { type: "TooLateToModify" } });
  });
});

describe("§6.2 Agent Version Manager and §9.1", () => {
  it("retell.getAgentVersions with agent_id and company_id", async () => {
    const data = await result("retell.getAgentVersions", { agent_id: praxis, company_id: companyId });
    expect(data).toMatchObject({ agent_id: praxis, published_version: 1 });
  });

  it("retell.setPhoneNumberAgentVersion with phone_id, agent_id, version_id and company_id", async () => {
    const data = await result("retell.setPhoneNumberAgentVersion", { phone_id: FAKE_PHONE_NUMBER, agent_id: salon, version_id: 1, company_id: companyId });
    expect(data).toMatchObject({ phone_number: FAKE_PHONE_NUMBER, agent_id: salon, version: 1, updated: true });
    expect(retell.state.phoneNumbers.get(FAKE_PHONE_NUMBER)?.inbound_agents).toEqual([{ agent_id: salon, agent_version: 1, weight: 1 }]);
  });

  it("§9.1 retell.getAgent", async () => {
    expect(await result("retell.getAgent", { agent_id: praxis, company_id: companyId })).toMatchObject({ agent_id: praxis });
  });
});

describe("§7.2 service discovery and §12.1 authentication", () => {
  it("mcp.discover lists the servers with version, methods and health, and the spec aliases of a method", async () => {
    const data = await result("mcp.discover", {});
    const servers = data.servers as Array<{ name: string; version: string; health: unknown; methods: Array<{ name: string; spec_aliases: Array<{ spec: string; maps_to: string }> }> }>;
    const retellServer = servers.find((s) => s.name === "retell")!;
    expect(retellServer).toMatchObject({ version: expect.any(String), health: { status: expect.any(String) } });
    const setVersion = retellServer.methods.find((m) => m.name === "retell.setPhoneNumberAgentVersion")!;
    expect(setVersion.spec_aliases).toEqual(
      expect.arrayContaining([expect.objectContaining({ spec: "phone_id", maps_to: "phone_number" }), expect.objectContaining({ spec: "version_id", maps_to: "version" })]),
    );
  });

  it("mcp.health runs every server's check", async () => {
    const data = await result("mcp.health", {});
    expect(data).toHaveProperty("servers.retell.status");
  });

  it("§12.1: a company_id of another company is refused: -32700 with HTTP 401 in the specification's shape, 3006 otherwise", async () => {
    const other = await createOtherCompany(db.prisma, { slug: "andere-spec" });
    const spec = await send("appointments.find", { company_id: other.companyId, phone: "+4917612345678" }, { spec: true });
    expect(spec.status).toBe(401);
    expect(spec.body.error).toMatchObject({ code: -32700, data: { type: "Unauthorized" } });
    const ours = await send("appointments.find", { company_id: other.companyId, phone: "+4917612345678" });
    expect(ours.body.error).toMatchObject({ code: ErrorCodes.FORBIDDEN });
  });
});

describe("§1.1 / §7.1 DatabaseMCPServer", () => {
  it("answers under its name `database` with the §2.1 envelope", async () => {
    expect(await result("database.statistics", { company_id: companyId, data: { from: "2026-03-01", to: "2026-03-31" } })).toBeTypeOf("object");
    expect(await result("database.health", { company_id: companyId })).toBeTypeOf("object");
    expect(await result("database.export", { company_id: companyId, data: { entity: "all" } })).toMatchObject({ entity: "all" });
  });
});

describe("coverage", () => {
  it("replayed every method the specification names", () => {
    expect(SPEC_METHODS.filter((m) => !called.has(m))).toEqual([]);
  });
});

