/**
 * SIGTERM on a process with an outbox worker: the job in hand is finished, nothing more is
 * claimed, no lease is left behind, the pool is closed and the process exits with 143.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "@/server/platform/outbox/enqueue";
import { NOTIFICATION_JOB } from "@/server/services/appointments/notification-job";
import { createPgTestDb, reportPgSkip, type PgTestDb } from "@/server/testing/pg-test-db";
import { TSX_NODE_ARGS } from "@/server/testing/run-script";

const enabled = Boolean(process.env.DATABASE_URL);
reportPgSkip("graceful shutdown of the outbox worker");

let db: PgTestDb;
beforeAll(async () => {
  if (enabled) db = await createPgTestDb({ poolSize: 3 });
}, 120_000);
afterAll(async () => {
  if (enabled) await db.close();
});

describe.skipIf(!enabled)("graceful shutdown", () => {
  it("finishes the job in hand, claims nothing more, releases nothing half-done and closes the pool", async () => {
    for (let i = 0; i < 3; i++) {
      await enqueueJob(db.prisma, NOTIFICATION_JOB, { channel: "sms", to: `+49176000000${i}`, subject: "s", text: "t" }, { runAt: new Date() });
    }
    const child = spawn(process.execPath, [...TSX_NODE_ARGS, path.join(process.cwd(), "server/testing/shutdown-child.ts")], {
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    await expect.poll(() => out, { timeout: 30_000, interval: 50 }).toContain("sending");
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));

    const lines = out.trim().split("\n");
    expect(code, out).toBe(143);
    expect(lines.filter((l) => l.startsWith("sending"))).toHaveLength(1);
    expect(lines.indexOf("closed")).toBeGreaterThan(lines.findIndex((l) => l.startsWith("sent")));
    const jobs = await db.prisma.outboxJob.findMany({ orderBy: { createdAt: "asc" } });
    expect(jobs.filter((j) => j.state === "done")).toHaveLength(1);
    expect(jobs.filter((j) => j.state === "pending")).toHaveLength(2);
    expect(jobs.every((j) => j.lockedBy === null)).toBe(true);
  }, 60_000);
});
