/**
 * Agenten & Nummern through tRPC against the fake Retell API: reads for the company's
 * workspace, publishing and binding for admins only, invalid params as field issues, and the
 * German errors the page turns into its "nicht verbunden" and "nicht erreichbar" states.
 */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { FAKE_AGENT_IDS, FAKE_PHONE_NUMBER, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_KEY, FIXED_NOW, overrideEnv, seededTestDb } from "@/server/testing/retell";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

const { praxis, salon } = FAKE_AGENT_IDS;
let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let restoreEnv: () => void;
let admin: Session;
let staff: Session;
let otherAdmin: Session;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: db.prisma, mutation, now: () => FIXED_NOW });

interface PhoneNumbers {
  phone_numbers: Array<{ phone_number: string; configured: boolean; inbound_agents: Array<{ agent_id: string; agent_version?: number | string }> }>;
}

async function demoBinding() {
  const { data } = await call("retell.listPhoneNumbers", admin, {});
  return (data as PhoneNumbers).phone_numbers.find((p) => p.phone_number === FAKE_PHONE_NUMBER)?.inbound_agents;
}

beforeAll(async () => {
  db = await seededTestDb();
  ({ admin, staff } = await sessionsOf(db.prisma, db.companyId));
  otherAdmin = (await sessionsOf(db.prisma, await seedOtherDemoCompany(db.prisma, { now: FIXED_NOW }))).admin;
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  restoreEnv = overrideEnv({ RETELL_API_BASE_URL: retell.url });
});

afterAll(async () => {
  restoreEnv?.();
  await retell?.close();
  await db?.close();
});

beforeEach(() => {
  setCache(new MemoryCache());
  resetCircuits();
  configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2 });
});

describe("agents and versions", () => {
  it("lists the workspace's agents and their versions with the published one", async () => {
    expect((await call("retell.listAgents", staff, {})).status).toBe(403);
    const agents = await call("retell.listAgents", admin, {});
    expect((agents.data as { agents: Array<{ agent_id: string }> }).agents.map((a) => a.agent_id)).toEqual([praxis, salon]);
    const versions = await call("retell.getAgentVersions", admin, { agent_id: praxis });
    expect(versions.data).toMatchObject({ published_version: 1 });
    expect((versions.data as { versions: unknown[] }).versions).toHaveLength(3);
  });

  it("publishes for admins only", async () => {
    const refused = await call("retell.publishAgentVersion", staff, { agent_id: praxis, version: 2 }, true);
    expect(refused.status).toBe(403);
    expect(retell.state.requestsTo("POST", `/publish-agent-version/${praxis}`)).toHaveLength(0);

    const published = await call("retell.publishAgentVersion", admin, { agent_id: praxis, version: 2 }, true);
    expect(published.data).toEqual({ agent_id: praxis, version: 2, published: true });
    expect((await call("retell.getAgentVersions", admin, { agent_id: praxis })).data).toMatchObject({ published_version: 2 });
  });

  it("gives invalid params back as issues and an unknown agent as 1002", async () => {
    const invalid = await call("retell.publishAgentVersion", admin, { agent_id: "", version: -1 }, true);
    expect(invalid.status).toBe(400);
    expect((invalid.error?.data.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual(["agent_id", "version"]);
    const unknown = await call("retell.getAgentVersions", admin, { agent_id: "agent_gibt_es_nicht" });
    expect(unknown.error).toMatchObject({ message: "Der Retell-Agent wurde nicht gefunden.", data: { appError: { code: 1002 } } });
  });
});

describe("phone numbers", () => {
  it("binds the company's number to an agent version, for admins only", async () => {
    expect(await demoBinding()).toEqual([{ agent_id: praxis, agent_version: 1, weight: 1 }]);

    const refused = await call("retell.setPhoneNumberAgentVersion", staff, { phone_number: FAKE_PHONE_NUMBER, agent_id: salon, version: 1 }, true);
    expect(refused.status).toBe(403);
    expect(await demoBinding()).toEqual([{ agent_id: praxis, agent_version: 1, weight: 1 }]);

    const bound = await call("retell.setPhoneNumberAgentVersion", admin, { phone_number: FAKE_PHONE_NUMBER, agent_id: salon, version: 1 }, true);
    expect(bound.data).toMatchObject({ phone_number: FAKE_PHONE_NUMBER, agent_id: salon, version: 1, updated: true });
    expect(await demoBinding()).toEqual([{ agent_id: salon, agent_version: 1, weight: 1 }]);
    const row = await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: FAKE_PHONE_NUMBER } });
    expect([row.retellAgentId, row.retellAgentVersion]).toEqual([salon, 1]);
  });

  it("refuses malformed input as issues and another company's number as 1003", async () => {
    const invalid = await call("retell.setPhoneNumberAgentVersion", admin, { phone_number: "", agent_id: salon, version: "neueste" }, true);
    expect(invalid.status).toBe(400);
    expect((invalid.error?.data.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual(["phone_number", "version"]);

    // The other company, connected to the same Retell workspace, still may not route the salon's number.
    expect((await call("retell.config.setApiKey", otherAdmin, { api_key: DEMO_KEY }, true)).status).toBe(200);
    const foreign = await call("retell.setPhoneNumberAgentVersion", otherAdmin, { phone_number: FAKE_PHONE_NUMBER, agent_id: praxis, version: 0 }, true);
    expect(foreign.error).toMatchObject({ data: { appError: { code: 1003 } } });
    expect(await demoBinding()).toEqual([{ agent_id: salon, agent_version: 1, weight: 1 }]);
    await db.prisma.company.update({ where: { id: otherAdmin.user.companyId }, data: { retellApiKeyEnc: null } });
  });
});

describe("connection problems", () => {
  it("without a key: 1001 with a German message", async () => {
    const res = await call("retell.listAgents", otherAdmin, {});
    expect(res.error).toMatchObject({ data: { appError: { code: 1001 } } });
    expect(res.error?.message).toBe("Retell ist nicht verbunden. Bitte hinterlegen Sie zuerst den Retell-API-Schlüssel.");
  });

  it("Retell down: 1005 with retry_after and no internals", async () => {
    configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 2, failureThreshold: 2 });
    retell.state.failNext(10, 503);
    try {
      await call("retell.listPhoneNumbers", admin, {});
      const open = await call("retell.listPhoneNumbers", admin, {});
      expect(open.error?.data.appError).toMatchObject({ code: 1005 });
      expect((open.error?.data.appError as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
      expect(JSON.stringify(open.error)).not.toMatch(/stack|at .*\.ts/);
    } finally {
      retell.state.failNext(0);
    }
  });
});
