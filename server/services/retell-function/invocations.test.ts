import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { hashArgs, runOnce } from "./invocations";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const key = (callId: string, companyId = "company-a") => ({ companyId, callId, functionName: "book_appointment", argsHash: hashArgs({ a: 1 }) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runOnce", () => {
  it("hashes arguments independently of key order", () => {
    expect(hashArgs({ datum: "morgen", name: "A" })).toBe(hashArgs({ name: "A", datum: "morgen" }));
    expect(hashArgs({ datum: "morgen" })).not.toBe(hashArgs({ datum: "übermorgen" }));
  });

  it("concurrent repeats wait for the first run and get its answer", async () => {
    let runs = 0;
    const work = async () => {
      runs++;
      await sleep(150);
      return { answer: { n: runs }, keep: true };
    };
    const answers = await Promise.all([1, 2, 3, 4].map(() => runOnce(db.prisma, key("call-race"), work)));
    expect(runs).toBe(1);
    expect(answers).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }, { n: 1 }]);
  });

  it("a failed or transient run is released, so the retry runs again", async () => {
    let runs = 0;
    await expect(
      runOnce(db.prisma, key("call-fail"), async () => {
        runs++;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await runOnce(db.prisma, key("call-fail"), async () => ({ answer: ++runs, keep: false }));
    expect(await runOnce(db.prisma, key("call-fail"), async () => ({ answer: ++runs, keep: true }))).toBe(3);
    expect(await runOnce(db.prisma, key("call-fail"), async () => ({ answer: ++runs, keep: true }))).toBe(3);
  });

  it("refuses a call id that belongs to another company", async () => {
    await runOnce(db.prisma, key("call-owned", "company-a"), async () => ({ answer: "a", keep: true }));
    await expect(runOnce(db.prisma, key("call-owned", "company-b"), async () => ({ answer: "b", keep: true }))).rejects.toMatchObject({ code: 3006 });
  });

  it("gives up waiting for a run that never finishes", async () => {
    const stuck = runOnce(db.prisma, key("call-stuck"), () => sleep(1_500).then(() => ({ answer: "late", keep: true })));
    await sleep(50);
    await expect(runOnce(db.prisma, key("call-stuck"), async () => ({ answer: "x", keep: true }), { waitMs: 200 })).rejects.toMatchObject({ code: 3007 });
    expect(await stuck).toBe("late");
  });
});

describe("runOnce leases", () => {
  const leftInProgress = async (callId: string, expiresInMs: number) => {
    await db.prisma.$executeRaw`
      INSERT INTO function_invocations (id, "companyId", "retellCallId", "functionName", "argsHash", "leaseOwner", "leaseExpiresAt")
      VALUES (${`dead-${callId}`}, 'company-a', ${callId}, 'book_appointment', ${hashArgs({ a: 1 })}, 'dead-holder', now() + make_interval(secs => ${expiresInMs / 1000}))`;
  };

  it("a retry takes over a call whose holder died once the lease has expired", async () => {
    await leftInProgress("call-dead-holder", 300);
    const started = Date.now();
    const answer = await runOnce(db.prisma, key("call-dead-holder"), async () => ({ answer: "booked", keep: true }));
    expect(answer).toBe("booked");
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(3_000);
    const row = await db.prisma.functionInvocation.findUniqueOrThrow({ where: { id: "dead-call-dead-holder" } });
    expect(row).toMatchObject({ completed: true, leaseOwner: null });
  });

  it("a row from before leases (no expiry) is taken over at once", async () => {
    await leftInProgress("call-no-lease", 0);
    await db.prisma.functionInvocation.update({ where: { id: "dead-call-no-lease" }, data: { leaseExpiresAt: null, leaseOwner: null } });
    expect(await runOnce(db.prisma, key("call-no-lease"), async () => ({ answer: 1, keep: true }), { waitMs: 100 })).toBe(1);
  });

  it("a holder that is still running keeps its lease by renewing it", async () => {
    let runs = 0;
    const slow = runOnce(db.prisma, key("call-renewing"), async () => {
      runs++;
      await sleep(1_000);
      return { answer: "first", keep: true };
    }, { leaseMs: 200 });
    await sleep(50);
    const repeat = await runOnce(db.prisma, key("call-renewing"), async () => ({ answer: `again ${++runs}`, keep: true }), { leaseMs: 200, waitMs: 3_000 });
    expect(await slow).toBe("first");
    expect(repeat).toBe("first");
    expect(runs).toBe(1);
  });
});
