/**
 * mcp.health asks each server's own check for the calling company: the database (SELECT 1),
 * Retell (key and agents), Cal.com (key, only when the company uses it) and the mail server,
 * against the fake Retell, fake Cal.com and fake SMTP over real connections on 127.0.0.1.
 */
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import { checkServers, HEALTH_TIMEOUT_MS, HEALTH_TTL_SECONDS } from "@/server/core/health-check";
import { getRegistry } from "@/server/core/registry";
import { PrismaClient } from "@/server/generated/prisma/client";
import { startFakeCalcom, type FakeCalcom } from "@/server/integrations/fakes/calcom-server";
import { FAKE_AGENT_IDS, startFakeRetell, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { startFakeSmtp, type FakeSmtp } from "@/server/integrations/fakes/smtp-server";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_KEY, FIXED_NOW, overrideEnv, seededTestDb, testContext } from "@/server/testing/retell";
import { createOtherCompany } from "@/server/testing/tenants";
import type * as s from "./schemas";

const CALCOM_KEY = "cal_live_0123456789abcdef";
type Health = z.output<typeof s.healthResult>;

let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let calcom: FakeCalcom;
let smtp: FakeSmtp;
let restoreEnv: () => void;
let clockMs: number;

const admin = { type: "user" as const, id: "admin", role: "admin" as const };
const door = (companyId = db.companyId): DoorContext => ({ companyId, actor: admin, correlationId: "health-test", db: db.prisma, now: () => FIXED_NOW });
const health = async (companyId?: string) => (await callMethod("mcp.health", {}, door(companyId))).data as Health;
const vendorRequests = () => ({ retell: retell.state.requests.length, calcom: calcom.state.requests.length, smtp: smtp.connections });

beforeAll(async () => {
  db = await seededTestDb();
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  calcom = await startFakeCalcom({ apiKey: CALCOM_KEY, now: () => FIXED_NOW });
  smtp = await startFakeSmtp();
  restoreEnv = overrideEnv({ RETELL_API_BASE_URL: retell.url, SMTP_URL: smtp.url });
  // The demo number is answered by an agent of the fake workspace.
  await db.prisma.phoneNumber.updateMany({ where: { companyId: db.companyId }, data: { retellAgentId: FAKE_AGENT_IDS.praxis } });
  await callMethod("calcom.updateConnection", { provider: "calcom", base_url: calcom.url, api_key: CALCOM_KEY }, door());
});
afterAll(async () => {
  restoreEnv();
  await Promise.all([retell.close(), calcom.close(), smtp.close()]);
  await db.close();
});
beforeEach(() => {
  clockMs = Date.now();
  setCache(new MemoryCache(() => clockMs));
  resetCircuits();
  configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2 });
  configureResilience("calcom", { initialDelayMs: 1, maxDelayMs: 2 });
});
afterEach(() => {
  retell.state.delayMs = 0;
  calcom.state.delayMs = 0;
  retell.state.failNext(0);
  calcom.state.failNext(0);
});

describe("with every connection working", () => {
  it("reports each server healthy with a German message, its latency and when it was checked", async () => {
    const result = await health();
    expect(result.status).toBe("healthy");
    expect(Object.keys(result.checks)).toEqual(getRegistry().servers.map((sv) => sv.name));
    expect(result.checks.retell).toMatchObject({
      status: "healthy",
      message: "Retell antwortet, der API-Schlüssel ist gültig, der Agent ist erreichbar.",
      action: null,
      check: "retell",
      check_label: "Retell",
      checked_at: FIXED_NOW.toISOString(),
    });
    expect(result.checks.retell!.latency_ms).toBeGreaterThan(0);
    expect(result.checks["retell.config"]).toEqual(result.checks.retell);
    expect(result.checks.calcom).toMatchObject({ status: "healthy", message: "Cal.com antwortet, der API-Schlüssel ist gültig (2 Terminarten).", check: "calcom" });
    expect(result.checks.queue).toMatchObject({ status: "healthy", message: "Der Mailserver antwortet.", check: "smtp", check_label: "E-Mail-Versand" });
    expect(result.checks.appointments).toMatchObject({ status: "healthy", message: "Die Datenbank antwortet.", check: "database", check_label: "Datenbank" });
    expect(result.checks.appointments!.latency_ms).toEqual(expect.any(Number));
    // The short form stays as it was: healthy without a message.
    expect(result.servers.retell).toEqual({ status: "healthy", message: null });
    expect(result.servers.appointments).toEqual({ status: "healthy", message: null });

    // The key really went to Retell and Cal.com, and the mail server was greeted.
    expect(retell.state.requestsTo("POST", "/v2/list-agents").at(-1)?.headers.authorization).toBe(`Bearer ${DEMO_KEY}`);
    expect(calcom.state.requestsTo("GET", "/v2/event-types").at(-1)?.headers.authorization).toBe(`Bearer ${CALCOM_KEY}`);
  });

  it("answers a second call within 30 s from the cache, without asking any vendor again", async () => {
    await health();
    const before = vendorRequests();
    expect(before.smtp).toBeGreaterThan(0);
    clockMs += (HEALTH_TTL_SECONDS - 1) * 1000;
    const cached = await health();
    expect(vendorRequests()).toEqual(before);
    expect(cached.checks.retell!.status).toBe("healthy");

    clockMs += 2000;
    await health();
    const after = vendorRequests();
    expect([after.retell, after.calcom, after.smtp]).toEqual([before.retell + 1, before.calcom + 1, before.smtp + 1]);
  });
});

describe("faults", () => {
  it("reports a Retell key Retell refuses as down with what to do; a new key is checked at once", async () => {
    await health();
    await callMethod("retell.config.setApiKey", { api_key: "key_not_known_to_retell" }, door());
    try {
      const result = await health();
      expect(result.status).toBe("degraded");
      expect(result.checks.retell).toMatchObject({
        status: "down",
        message: "Retell lehnt den API-Schlüssel ab.",
        action: "API-Schlüssel unter Einstellungen → Retell prüfen",
      });
      expect(result.servers.retell).toEqual({ status: "unhealthy", message: "Retell lehnt den API-Schlüssel ab. API-Schlüssel unter Einstellungen → Retell prüfen." });
      expect(result.checks.appointments!.status).toBe("healthy");
    } finally {
      await callMethod("retell.config.setApiKey", { api_key: DEMO_KEY }, door());
    }
    expect((await health()).checks.retell!.status).toBe("healthy");
  });

  it("reports a Cal.com key Cal.com refuses as down", async () => {
    await callMethod("calcom.updateConnection", { provider: "calcom", api_key: "cal_wrong_key_123" }, door());
    try {
      expect((await health()).checks.calcom).toMatchObject({
        status: "down",
        message: "Cal.com lehnt den API-Schlüssel ab.",
        action: "API-Schlüssel unter Einstellungen → Kalender prüfen",
      });
    } finally {
      await callMethod("calcom.updateConnection", { provider: "calcom", api_key: CALCOM_KEY }, door());
    }
  });

  it("reports failing vendors as down", async () => {
    retell.state.failNext(10);
    calcom.state.failNext(10);
    const result = await health();
    expect(result.checks.retell).toMatchObject({ status: "down", message: "Retell ist nicht erreichbar." });
    expect(result.checks.calcom).toMatchObject({ status: "down", message: "Cal.com ist nicht erreichbar." });
  });

  it("answers within the time limit while Retell, Cal.com and the mail server hang", async () => {
    retell.state.delayMs = 20_000;
    calcom.state.delayMs = 20_000;
    const silent = await silentServer();
    const restore = overrideEnv({ SMTP_URL: silent.url });
    try {
      const started = performance.now();
      const result = await health();
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(HEALTH_TIMEOUT_MS + 1500);
      expect(result.checks.retell).toMatchObject({ status: "down", message: expect.stringMatching(/^Retell (antwortet nicht innerhalb von 3 Sekunden|ist nicht erreichbar)\.$/) });
      expect(result.checks.calcom).toMatchObject({ status: "down", message: expect.stringMatching(/^Cal\.com (antwortet nicht innerhalb von 3 Sekunden|ist nicht erreichbar)\.$/) });
      expect(result.checks.queue).toMatchObject({ status: "down", message: expect.stringMatching(/^(Der Mailserver antwortet nicht rechtzeitig|E-Mail-Versand antwortet nicht innerhalb von 3 Sekunden)\.$/) });
      expect(result.checks.retell!.latency_ms).toBeLessThan(HEALTH_TIMEOUT_MS + 1500);
      expect(result.checks.appointments!.status).toBe("healthy");
    } finally {
      restore();
      await silent.close();
    }
  });

  it("reports a mail server nobody answers on as down", async () => {
    const closed = await silentServer();
    await closed.close();
    const restore = overrideEnv({ SMTP_URL: closed.url });
    try {
      expect((await health()).checks.queue).toMatchObject({ status: "down", message: "Der Mailserver ist nicht erreichbar.", action: "SMTP_URL der Installation prüfen (Betrieb)" });
    } finally {
      restore();
    }
  });

  it("reports a bound agent missing from the Retell workspace as degraded, naming it", async () => {
    await db.prisma.retellConfiguration.upsert({
      where: { companyId: db.companyId },
      create: { companyId: db.companyId, managedAgentId: "agent_gone" },
      update: { managedAgentId: "agent_gone" },
    });
    try {
      const result = await health();
      expect(result.status).toBe("degraded");
      expect(result.checks.retell).toMatchObject({
        status: "degraded",
        message: "Der Agent „agent_gone“ ist in Retell nicht vorhanden; Anrufe an ihn werden nicht angenommen.",
        action: "Rufnummern unter Agenten & Nummern einem vorhandenen Agenten zuordnen",
      });
      expect(result.servers.retell!.status).toBe("unhealthy");
    } finally {
      await db.prisma.retellConfiguration.update({ where: { companyId: db.companyId }, data: { managedAgentId: null } });
    }
  });

  it("reports every server down with the database, without asking a vendor", async () => {
    const gone = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://health:secret@127.0.0.1:1/none" }) });
    const before = vendorRequests();
    const results = await checkServers(testContext(gone, db.companyId), getRegistry().servers);
    await gone.$disconnect();
    for (const [name, r] of results) expect([name, r.status, r.message]).toEqual([name, "down", "Die Datenbank antwortet nicht."]);
    expect(results.get("retell")!.action).toBe("Betrieb verständigen");
    expect(vendorRequests()).toEqual(before);
  });
});

describe("a company without Retell key, on the built-in calendar, with no mail server", () => {
  it("reports those as not configured, which is no fault", async () => {
    const other = await createOtherCompany(db.prisma);
    const restore = overrideEnv({ SMTP_URL: undefined });
    const before = vendorRequests();
    try {
      const result = await health(other.companyId);
      expect(result.status).toBe("healthy");
      expect(result.checks.retell).toMatchObject({
        status: "not_configured",
        message: "Kein Retell-API-Schlüssel hinterlegt.",
        action: "API-Schlüssel unter Einstellungen → Retell hinterlegen",
        latency_ms: null,
      });
      expect(result.checks.calcom).toMatchObject({ status: "not_configured", message: "Der eingebaute Kalender ist aktiv; Cal.com ist nicht angebunden." });
      expect(result.checks.queue).toMatchObject({ status: "not_configured", check: "smtp" });
      expect(result.servers.retell).toEqual({ status: "healthy", message: "Kein Retell-API-Schlüssel hinterlegt." });
      expect(vendorRequests()).toEqual(before);
    } finally {
      restore();
    }
  });
});

/** A TCP server that accepts connections and never says a word (a hanging mail server). */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
