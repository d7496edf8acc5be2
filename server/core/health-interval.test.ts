/** MCP_HEALTH_CHECK_INTERVAL (§14.1) sets how long a server's health answer is reused per company. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkServers } from "@/server/core/health-check";
import type { HealthCheck, ServerDef } from "@/server/core/types";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { logger } from "@/server/platform/logger";
import { resetMcpEnv } from "@/server/platform/mcp-env";
import { createTestDb, type TestDb } from "@/server/testing/test-db";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});
afterEach(() => {
  delete process.env.MCP_HEALTH_CHECK_INTERVAL;
  resetMcpEnv();
});

describe("MCP_HEALTH_CHECK_INTERVAL", () => {
  it("reuses a check's answer for the configured seconds and asks again after them", async () => {
    process.env.MCP_HEALTH_CHECK_INTERVAL = "90";
    resetMcpEnv();
    let clockMs = Date.now();
    setCache(new MemoryCache(() => clockMs));
    let runs = 0;
    const probe: HealthCheck = { name: "probe", label: "Probe", run: async () => ((runs += 1), { status: "healthy", message: "ok" }) };
    const servers: ServerDef[] = [{ name: "probe", version: "1", description: "", methods: [], health: probe }];
    const ctx = { companyId: "c1", actor: { type: "system" as const, id: null }, db: db.prisma, log: logger, now: () => new Date(clockMs), correlationId: "c" };

    await checkServers(ctx, servers);
    clockMs += 60_000; // beyond the default 30 s, within 90 s
    await checkServers(ctx, servers);
    expect(runs).toBe(1);
    clockMs += 31_000;
    await checkServers(ctx, servers);
    expect(runs).toBe(2);
  });
});
