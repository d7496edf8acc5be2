/**
 * A burst of bookings on one branch must not starve the connection pool: bookings of a branch
 * queue in memory for their turn (one transaction per branch, day and instance waits for the
 * day's lock), so unrelated reads keep their speed while the burst runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/server/services/appointments/book";
import { FIXED_NOW, testContext } from "@/server/testing/retell";
import { seedDemo } from "@/server/seed/demo";
import { createPgTestDb, reportPgSkip, type PgTestDb } from "@/server/testing/pg-test-db";

const enabled = Boolean(process.env.DATABASE_URL);
reportPgSkip("booking bursts and the connection pool on PostgreSQL");

let db: PgTestDb;
let companyId: string;
let branchId: string;
beforeAll(async () => {
  if (!enabled) return;
  db = await createPgTestDb({ poolSize: 4 });
  companyId = await seedDemo(db.prisma, { now: FIXED_NOW });
  branchId = (await db.prisma.branch.findFirstOrThrow({ where: { companyId }, orderBy: { createdAt: "asc" } })).id;
}, 120_000);
afterAll(async () => {
  if (enabled) await db.close();
});

describe.skipIf(!enabled)("booking burst on one branch", () => {
  it("leaves the pool to unrelated reads while 60 bookings of one branch run", async () => {
    const times = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30"];
    const started = performance.now();
    const burst = Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        bookAppointment(testContext(db.prisma, companyId, { actor: { type: "retell", id: null } }), {
          branch_id: branchId,
          service_name: "Herrenhaarschnitt",
          date: "2026-03-12",
          time: times[i % times.length],
          customer_name: `Anrufer ${i}`,
          customer_phone: `0176 5${String(i).padStart(7, "0")}`,
        }),
      ),
    );
    let burstDone = false;
    void burst.then(() => (burstDone = true));
    const reads: number[] = [];
    await new Promise((r) => setTimeout(r, 20));
    while (!burstDone) {
      const t0 = performance.now();
      await db.prisma.service.findMany({ where: { companyId } });
      reads.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const burstMs = performance.now() - started;
    const results = await burst;
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(reads.length).toBeGreaterThan(3);
    // A read waits for at most one booking transaction, never for the queue of them (queued in the
    // pool, every read would wait for most of the burst). The median, not the slowest: on a busy
    // machine a single read can stall for other reasons.
    const median = [...reads].sort((a, b) => a - b)[Math.floor(reads.length / 2)]!;
    expect(median).toBeLessThan(Math.max(300, burstMs / 4));
  }, 120_000);
});
