/**
 * Two app instances on one PostgreSQL: the instance holding a write function call loses its
 * database connections mid-run (as after kill -9 or a dropped connection); a retry on the
 * other instance takes the call over once the lease has expired and answers within seconds.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/server/generated/prisma/client";
import { createPgTestDb, reportPgSkip, type PgTestDb } from "@/server/testing/pg-test-db";
import { startTcpProxy } from "@/server/testing/tcp-proxy";
import { hashArgs, runOnce, type RunOutcome } from "./invocations";

const enabled = Boolean(process.env.DATABASE_URL);
reportPgSkip("function invocation leases across two instances");

let db: PgTestDb;
beforeAll(async () => {
  if (enabled) db = await createPgTestDb({ poolSize: 5 });
}, 120_000);
afterAll(async () => {
  if (enabled) await db.close();
});

const key = { companyId: "company-a", callId: "call-killed-holder", functionName: "book_appointment", argsHash: hashArgs({ time: "10:00" }) };

describe.skipIf(!enabled)("function invocation leases on PostgreSQL", () => {
  it("a retry on another instance books within seconds after the holder's connections died", async () => {
    // Instance A reaches PostgreSQL through a link the test cuts for good.
    const link = await startTcpProxy("127.0.0.1", Number(new URL(db.url).port || 5432));
    const instanceA = new PrismaClient({ adapter: new PrismaPg({ connectionString: link.url(db.url), max: 2, connectionTimeoutMillis: 500 }) });
    let holderStarted!: () => void;
    const started = new Promise<void>((resolve) => (holderStarted = resolve));
    // A's run never finishes; its renewals go nowhere once its link is cut.
    void runOnce(instanceA, key, (): Promise<RunOutcome<unknown>> => {
      holderStarted();
      return new Promise(() => {});
    }, { leaseMs: 1_500 }).catch(() => undefined);
    await started;
    await link.cut();

    let runs = 0;
    const t0 = Date.now();
    const answer = await runOnce(db.prisma, key, async () => ({ answer: { booked: ++runs }, keep: true }), { leaseMs: 1_500 });
    const waited = Date.now() - t0;
    expect(answer).toEqual({ booked: 1 });
    expect(waited).toBeLessThan(5_000);
    const row = await db.prisma.functionInvocation.findFirstOrThrow({ where: { retellCallId: key.callId } });
    expect(row.completed).toBe(true);
    // A later retry gets the stored answer and runs nothing.
    expect(await runOnce(db.prisma, key, async () => ({ answer: { booked: ++runs }, keep: true }))).toEqual({ booked: 1 });
    expect(runs).toBe(1);
    await link.close();
    await instanceA.$disconnect().catch(() => undefined);
  });

  it("while the holder lives and renews, the other instance waits for its answer and never runs twice", async () => {
    const instanceA = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 2 }) });
    const k = { ...key, callId: "call-live-holder" };
    let runs = 0;
    const first = runOnce(instanceA, k, async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 2_000));
      return { answer: "from A", keep: true };
    }, { leaseMs: 500 });
    await new Promise((r) => setTimeout(r, 100));
    const repeat = await runOnce(db.prisma, k, async () => ({ answer: `from B ${++runs}`, keep: true }), { leaseMs: 500 });
    expect(await first).toBe("from A");
    expect(repeat).toBe("from A");
    expect(runs).toBe(1);
    await instanceA.$disconnect();
  });
});
