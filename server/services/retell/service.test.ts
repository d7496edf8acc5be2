import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryCache } from "@/server/platform/cache/memory";
import { setCache } from "@/server/platform/cache";
import { FAKE_AGENT_IDS, FAKE_PHONE_NUMBER, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { callMethod } from "@/server/core/dispatch";
import { Registry } from "@/server/core/registry";
import type { ServiceContext } from "@/server/core/types";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_KEY, overrideEnv, seededTestDb, testContext } from "@/server/testing/retell";
import { retellServer } from "./methods";
import { getAgentVersions, listAgents, listPhoneNumbers, publishAgentVersion, setPhoneNumberAgentVersion } from "./service";

const { praxis, salon } = FAKE_AGENT_IDS;
let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let restore: () => void;
let ctx: ServiceContext;

beforeAll(async () => {
  db = await seededTestDb();
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  restore = overrideEnv({ RETELL_API_BASE_URL: retell.url });
  ctx = testContext(db.prisma, db.companyId);
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

describe("retell agents", () => {
  it("lists the workspace's agents with the company's key and caches them for 300 s", async () => {
    const first = await listAgents(ctx);
    expect(first.agents.map((a) => a.agent_id)).toEqual([praxis, salon]);
    expect(first.cached).toBe(false);
    expect(retell.state.requestsTo("POST", "/v2/list-agents").at(-1)?.headers.authorization).toBe(`Bearer ${DEMO_KEY}`);
    const before = retell.state.requests.length;
    const second = await listAgents(ctx);
    expect(second.cached).toBe(true);
    expect(retell.state.requests.length).toBe(before);
  });

  it("reads versions, publishes one and shows the change at once", async () => {
    const versions = await getAgentVersions(ctx, { agent_id: praxis });
    expect(versions.versions.map((v) => [v.version, v.is_published])).toEqual([[0, false], [1, true], [2, false]]);
    expect(versions.published_version).toBe(1);

    await publishAgentVersion(ctx, { agent_id: praxis, version: 2, title: "Neue Begrüßung" });
    expect(retell.state.requestsTo("POST", `/publish-agent-version/${praxis}`).at(-1)?.body).toEqual({ version: 2, version_title: "Neue Begrüßung" });
    const after = await getAgentVersions(ctx, { agent_id: praxis });
    expect(after.cached).toBe(false);
    expect(after.published_version).toBe(2);
  });

  it("reports an unknown agent as 1002", async () => {
    await expect(getAgentVersions(ctx, { agent_id: "agent_nope" })).rejects.toMatchObject({ code: 1002 });
  });
});

describe("retell phone numbers", () => {
  it("lists numbers and marks the ones routed to a branch of ours", async () => {
    const { phone_numbers } = await listPhoneNumbers(ctx);
    const demo = phone_numbers.find((p) => p.phone_number === FAKE_PHONE_NUMBER)!;
    expect(demo.configured).toBe(true);
    expect(demo.branch_id).not.toBeNull();
    expect(demo.inbound_agents).toEqual([{ agent_id: praxis, agent_version: 1, weight: 1 }]);
  });

  it("binds a version through inbound_agents and records it on our row", async () => {
    await setPhoneNumberAgentVersion(ctx, { phone_number: "030 1234567", agent_id: salon, version: 1 });
    const patch = retell.state.requestsTo("PATCH", `/update-phone-number/${FAKE_PHONE_NUMBER}`).at(-1)!;
    expect(patch.body).toEqual({ inbound_agents: [{ agent_id: salon, agent_version: 1, weight: 1 }] });
    expect(retell.state.phoneNumbers.get(FAKE_PHONE_NUMBER)?.inbound_agents).toEqual([{ agent_id: salon, agent_version: 1, weight: 1 }]);
    const row = await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: FAKE_PHONE_NUMBER } });
    expect([row.retellAgentId, row.retellAgentVersion]).toEqual([salon, 1]);

    await setPhoneNumberAgentVersion(ctx, { phone_number: FAKE_PHONE_NUMBER, agent_id: salon, version: "latest_published" });
    expect((await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: FAKE_PHONE_NUMBER } })).retellAgentVersion).toBeNull();
  });

  it("refuses a number that is not the company's (1003) without calling Retell", async () => {
    const before = retell.state.requests.length;
    await expect(setPhoneNumberAgentVersion(ctx, { phone_number: "+49309999999", agent_id: salon, version: 1 })).rejects.toMatchObject({ code: 1003 });
    expect(retell.state.requests.length).toBe(before);
  });

  it("passes Retell's refusal of a version that does not exist", async () => {
    await expect(setPhoneNumberAgentVersion(ctx, { phone_number: FAKE_PHONE_NUMBER, agent_id: salon, version: 9 })).rejects.toMatchObject({ code: 4005 });
  });
});

describe("retell: connection", () => {
  it("without a Retell key: 1001 'nicht verbunden'", async () => {
    const other = await db.prisma.company.create({ data: { slug: "ohne-retell", name: "Ohne Retell" } });
    const err = await listAgents(testContext(db.prisma, other.id)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 1001 });
    expect((err as Error).message).toContain("nicht verbunden");
  });

  it("Retell down: 1005 with retry_after, behind the circuit breaker", async () => {
    configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 2, failureThreshold: 2 });
    retell.state.failNext(10, 503);
    await expect(listAgents(ctx)).rejects.toMatchObject({ code: 1005 });
    const requests = retell.state.requests.length;
    const open = await listAgents(ctx).catch((e: unknown) => e);
    expect(open).toMatchObject({ code: 1005 });
    expect((open as { retryAfter?: number }).retryAfter).toBeGreaterThan(0);
    expect(retell.state.requests.length).toBe(requests); // the open circuit did not call Retell
    retell.state.failNext(0);
  });

  it("through callMethod: only admins read the agents and publish", async () => {
    const registry = new Registry([retellServer]);
    const admin = { companyId: db.companyId, actor: { type: "user" as const, id: "u0", role: "admin" as const }, correlationId: "t", db: db.prisma, registry };
    const staff = { ...admin, actor: { type: "user" as const, id: "u1", role: "staff" as const } };
    const { data } = await callMethod("retell.listAgents", {}, admin);
    expect((data as { agents: unknown[] }).agents).toHaveLength(2);
    await expect(callMethod("retell.listAgents", {}, staff)).rejects.toMatchObject({ code: 3006 });
    await expect(callMethod("retell.publishAgentVersion", { agent_id: praxis, version: 0 }, staff)).rejects.toMatchObject({ code: 3006 });
  });
});
