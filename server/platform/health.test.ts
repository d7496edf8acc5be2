import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { PrismaClient } from "@/server/generated/prisma/client";
import { checkHealth, handleHealthRequest } from "@/server/platform/health";
import { handleMetricsRequest, recordCall } from "@/server/platform/metrics";
import { configureResilience, resetCircuits, runResilient, UpstreamHttpError } from "@/server/platform/resilience";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});
afterEach(() => resetCircuits());

async function openCalcomCircuit() {
  configureResilience("calcom", { failureThreshold: 1, maxAttempts: 1, halfOpenAfterMs: 60_000 });
  const failing = async (): Promise<never> => {
    throw new UpstreamHttpError(503, new Headers());
  };
  await runResilient("calcom", failing, { idempotent: true }).catch(() => {});
}

describe("health", () => {
  it("is ok with a reachable, fully migrated database and closed circuits", async () => {
    const report = await checkHealth({ db: db.prisma, now: () => new Date("2026-03-02T09:00:00Z") });
    expect(report).toMatchObject({
      status: "ok",
      checkedAt: "2026-03-02T09:00:00.000Z",
      database: { reachable: true },
      migrations: { applied: true, pending: [] },
      circuits: { calcom: "closed", retell: "closed", external_api: "closed" },
    });
  });

  it("reports pending migrations as not ready (503)", async () => {
    const last = `(SELECT max(migration_name) FROM "_prisma_migrations")`;
    await db.pglite.exec(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${last}`);
    try {
      const res = await handleHealthRequest(new Request("http://x/api/health"), { db: db.prisma });
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.status).toBe("down");
      expect(body.migrations).toMatchObject({ applied: false, pending: [expect.any(String)] });
    } finally {
      await db.pglite.exec(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL`);
    }
  });

  it("reports an unreachable database as down without leaking details", async () => {
    // Nothing listens on port 1.
    const gone = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://health:secret@127.0.0.1:1/none" }) });
    const res = await handleHealthRequest(new Request("http://x/api/health"), { db: gone });
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text).database).toEqual({ reachable: false, latencyMs: null });
    expect(text).not.toMatch(/secret|127\.0\.0\.1|Error/i);
  });

  it("is degraded while an outbound circuit is open", async () => {
    await openCalcomCircuit();
    const report = await checkHealth({ db: db.prisma });
    expect(report.status).toBe("degraded");
    expect(report.circuits.calcom).toBe("open");
  });

  it("answers the liveness probe without touching the database", async () => {
    const res = await handleHealthRequest(new Request("http://x/api/health?probe=live"));
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("ok");
  });
});

describe("metrics endpoint", () => {
  it("exposes request counters and the circuit states (1 = open)", async () => {
    recordCall("branch", "branch.list", 0.01);
    await openCalcomCircuit();
    const res = await handleMetricsRequest(new Request("http://x/api/metrics"), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const body = await res.text();
    expect(body).toMatch(/mcp_request_total\{server="branch",method="branch.list",status="success"\} [1-9]/);
    expect(body).toContain('mcp_circuit_breaker_state{service="calcom"} 1');
    expect(body).toContain('mcp_circuit_breaker_state{service="retell"} 0');
  });

  it("requires the Bearer token when METRICS_TOKEN is set", async () => {
    const token = "metrics-token-0123456789";
    expect((await handleMetricsRequest(new Request("http://x/api/metrics"), token)).status).toBe(401);
    const wrong = new Request("http://x/api/metrics", { headers: { authorization: "Bearer nope-nope-nope-nope" } });
    expect((await handleMetricsRequest(wrong, token)).status).toBe(401);
    const right = new Request("http://x/api/metrics", { headers: { authorization: `Bearer ${token}` } });
    expect((await handleMetricsRequest(right, token)).status).toBe(200);
  });
});
