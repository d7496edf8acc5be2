import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/db/test-db";
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
