/**
 * Liveness and readiness for load balancers: live while the process runs, ready while the
 * database answers and the process is not shutting down; Redis trouble shows as "degraded".
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedisClients, redisLink } from "@/server/platform/cache/redis";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { PrismaClient } from "@/server/generated/prisma/client";
import { checkHealth, handleLiveRequest, handleReadyRequest } from "@/server/platform/health";
import { beginShutdown, isShuttingDown } from "@/server/platform/lifecycle";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await closeRedisClients();
  await db.close();
});

describe("health probes", () => {
  it("live answers 200 without asking any dependency", async () => {
    const res = handleLiveRequest();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("ready answers 200 with a reachable database, 503 with retry_after when it is unreachable", async () => {
    expect((await handleReadyRequest({ db: db.prisma })).status).toBe(200);
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 500 }) });
    const res = await handleReadyRequest({ db: unreachable });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject({ status: "down", database: false, retry_after: 5 });
  });

  it("reports an unreachable Redis as degraded, still ready", async () => {
    const link = redisLink("redis://127.0.0.1:1");
    expect(link.usable()).toBe(false);
    const report = await checkHealth({ db: db.prisma });
    expect(report).toMatchObject({ status: "degraded", redis: "unreachable" });
    expect((await handleReadyRequest({ db: db.prisma })).status).toBe(200);
  });

  it("is not ready any more once shutdown began, while live stays 200", async () => {
    let stopped = false;
    await beginShutdown({ stopWork: async () => void (stopped = true) });
    expect(isShuttingDown()).toBe(true);
    expect(stopped).toBe(true);
    const res = await handleReadyRequest({ db: db.prisma });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ shuttingDown: true });
    expect(handleLiveRequest().status).toBe(200);
  });
});
