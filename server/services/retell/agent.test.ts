import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryCache } from "@/server/platform/cache/memory";
import { setCache } from "@/server/platform/cache";
import { FAKE_AGENT_IDS, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { callMethod } from "@/server/core/dispatch";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_KEY, overrideEnv, seededTestDb } from "@/server/testing/retell";

const { praxis } = FAKE_AGENT_IDS;
let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let restore: () => void;

beforeAll(async () => {
  db = await seededTestDb();
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  restore = overrideEnv({ RETELL_API_BASE_URL: retell.url });
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

const door = () => ({ companyId: db.companyId, actor: { type: "user" as const, id: null, role: "admin" as const }, correlationId: "t", db: db.prisma });
type Agent = { agent_id: string; version: number; is_published: boolean; voice_id: string; language: string; response_engine: { type: string; id: string | null }; cached: boolean };

describe("retell.getAgent", () => {
  it("reads the latest version from Retell with the company's key, then serves it from the cache", async () => {
    const { data } = await callMethod("retell.getAgent", { agent_id: praxis }, door());
    const agent = data as Agent;
    expect(agent).toMatchObject({ agent_id: praxis, version: 2, is_published: false, voice_id: "11labs-Anna", language: "de-DE", cached: false });
    expect(agent.response_engine.type).toBe("retell-llm");
    expect(agent.response_engine.id).toMatch(/^llm_/);
    const request = retell.state.requestsTo("GET", `/get-agent/${praxis}`).at(-1)!;
    expect(request.headers.authorization).toBe(`Bearer ${DEMO_KEY}`);

    const before = retell.state.requests.length;
    expect(((await callMethod("retell.getAgent", { agent_id: praxis }, door())).data as Agent).cached).toBe(true);
    expect(retell.state.requests.length).toBe(before);
  });

  it("reads a given version", async () => {
    const { data } = await callMethod("retell.getAgent", { agent_id: praxis, version: 1 }, door());
    expect(data).toMatchObject({ version: 1, is_published: true });
    expect(retell.state.requestsTo("GET", `/get-agent/${praxis}`).at(-1)!.query.get("version")).toBe("1");
  });

  it("answers an unknown agent with 1002", async () => {
    await expect(callMethod("retell.getAgent", { agent_id: "agent_unknown" }, door())).rejects.toMatchObject({ code: 1002 });
  });
});
