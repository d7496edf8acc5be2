/**
 * "Agent einrichten" and the agent's instructions through tRPC, as the Agenten page calls them:
 * admins only, the transfer number's error under its field, a console edit as 3007 with the
 * German message the confirmation dialog shows, and the instructions without any Retell key.
 */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { FAKE_PHONE_NUMBER, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_KEY, FIXED_NOW, overrideEnv, seededTestDb } from "@/server/testing/retell";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let restoreEnv: () => void;
let admin: Session;
let staff: Session;
let otherAdmin: Session;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: db.prisma, mutation, now: () => FIXED_NOW });

beforeAll(async () => {
  db = await seededTestDb();
  ({ admin, staff } = await sessionsOf(db.prisma, db.companyId));
  otherAdmin = (await sessionsOf(db.prisma, await seedOtherDemoCompany(db.prisma, { now: FIXED_NOW }))).admin;
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  restoreEnv = overrideEnv({ RETELL_API_BASE_URL: retell.url, APP_URL: "https://askproai.example" });
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

interface SetupAnswer {
  agent_id: string;
  applied: boolean;
  console_edited: boolean;
  numbers: string[];
  transfer_number: string | null;
}

describe("Agent einrichten through tRPC", () => {
  it("is for admins; a malformed transfer number comes back under its field", async () => {
    expect((await call("retell.previewAgentSetup", staff, {})).status).toBe(403);
    expect((await call("retell.setupAgent", staff, {}, true)).status).toBe(403);

    const invalid = await call("retell.setupAgent", admin, { transferNumber: "bitte zurückrufen" }, true);
    expect(invalid.status).toBe(400);
    expect(invalid.error?.data.issues).toEqual([{ path: "transferNumber", message: "Bitte eine gültige Rufnummer angeben, z. B. +49 30 1234567." }]);
  });

  it("sets the agent up, then answers a console edit with 3007 until the overwrite is confirmed", async () => {
    const first = await call("retell.setupAgent", admin, { transferNumber: "030 9876543" }, true);
    expect(first.status).toBe(200);
    const done = first.data as SetupAnswer;
    expect(done).toMatchObject({ applied: true, numbers: [FAKE_PHONE_NUMBER], transfer_number: "+49309876543" });

    const voice = await fetch(`${retell.url}/update-agent/${done.agent_id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${DEMO_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ voice_id: "11labs-Adrian" }),
    });
    expect(voice.status).toBe(200);
    expect((await call("retell.previewAgentSetup", admin, {})).data).toMatchObject({ console_edited: true });

    const refused = await call("retell.setupAgent", admin, {}, true);
    expect(refused.status).toBe(409);
    expect(refused.error).toMatchObject({
      message: "Der Agent wurde seit der letzten Einrichtung in der Retell-Konsole geändert. Beim Einrichten würde Folgendes überschrieben: Stimme. Bitte bestätigen Sie das Überschreiben.",
      data: { appError: { code: 3007 } },
    });

    const confirmed = await call("retell.setupAgent", admin, { confirmOverwrite: true }, true);
    expect(confirmed.status).toBe(200);
    expect(retell.state.latestVersion(done.agent_id)?.voice_id).toBe("11labs-Anna");
    expect((await call("retell.previewAgentSetup", admin, {})).data).toMatchObject({ console_edited: false, up_to_date: true });
  });
});

describe("the agent's instructions through tRPC", () => {
  it("saves versions and shows them and the whole prompt, also without a Retell key", async () => {
    const saved = await call("retell.setPromptInstructions", otherAdmin, { instructions: "  Frag nach der Krankenkasse.  " }, true);
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({ version: 1, instructions: "Frag nach der Krankenkasse." });

    const versions = await call("retell.listPromptVersions", otherAdmin, {});
    expect((versions.data as { versions: Array<{ version: number }> }).versions.map((v) => v.version)).toEqual([1]);
    const prompt = await call("retell.getAgentPrompt", otherAdmin, {});
    expect((prompt.data as { prompt: string }).prompt).toContain("Frag nach der Krankenkasse.");

    const preview = await call("retell.previewAgentSetup", otherAdmin, {});
    expect(preview.error).toMatchObject({ data: { appError: { code: 1001 } } });
    // The demo company's instructions are its own.
    expect((await call("retell.listPromptVersions", admin, {})).data).toEqual({ versions: [] });
    expect((await call("retell.listPromptVersions", staff, {})).status).toBe(403);
  });
});
