import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { bookingSpan, lockBookingSpan, withBookingTurn } from "./booking-lock";

const TZ = "Europe/Berlin";
const at = (day: string, time: string) => zonedDateTimeToInstant(day, time, TZ);

describe("bookingSpan: the branch's local days a time occupies", () => {
  it("is the one day of a time inside it", () => {
    expect(bookingSpan("b1", TZ, at("2026-03-12", "10:00"), at("2026-03-12", "10:40")).days).toEqual(["2026-03-12"]);
  });

  it("keeps a time that ends at midnight on its day", () => {
    expect(bookingSpan("b1", TZ, at("2026-03-12", "23:00"), at("2026-03-13", "00:00")).days).toEqual(["2026-03-12"]);
  });

  it("takes both days when the time (its buffer included) runs past midnight", () => {
    expect(bookingSpan("b1", TZ, at("2026-03-12", "23:30"), at("2026-03-13", "00:10")).days).toEqual(["2026-03-12", "2026-03-13"]);
    expect(bookingSpan("b1", TZ, at("2026-03-12", "22:00"), at("2026-03-14", "01:00")).days).toEqual(["2026-03-12", "2026-03-13", "2026-03-14"]);
  });

  it("reads the days in the branch's zone, not in UTC", () => {
    // 00:30 in Berlin is still the previous day in UTC.
    expect(bookingSpan("b1", TZ, at("2026-07-01", "00:30"), at("2026-07-01", "01:00")).days).toEqual(["2026-07-01"]);
    expect(bookingSpan("b1", "UTC", at("2026-07-01", "00:30"), at("2026-07-01", "01:00")).days).toEqual(["2026-06-30"]);
  });
});

describe("lockBookingSpan", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("holds one advisory lock per day, named by branch and day, until the transaction ends", async () => {
    const expected = await db.pglite.query<{ k: string }>(
      "SELECT hashtextextended('booking:b1:2026-03-12', 0)::text AS k UNION ALL SELECT hashtextextended('booking:b1:2026-03-13', 0)::text",
    );
    const held = await db.prisma.$transaction(async (tx) => {
      await lockBookingSpan(tx, { branchId: "b1", days: ["2026-03-12", "2026-03-13"] });
      return tx.$queryRaw<Array<{ k: string }>>`
        SELECT ((classid::bigint << 32) | objid::bigint)::text AS k FROM pg_locks WHERE locktype = 'advisory' AND granted ORDER BY 1`;
    });
    expect(held.map((r) => r.k).sort()).toEqual(expected.rows.map((r) => r.k).sort());
    const after = await db.pglite.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'");
    expect(after.rows).toHaveLength(0);
  });
});

describe("withBookingTurn", () => {
  it("queues bookings of one branch and day, and lets another day's booking run beside them", async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = withBookingTurn({ branchId: "b1", days: ["2026-03-12"] }, async () => {
      await gate;
      order.push("first");
    });
    const sameDay = withBookingTurn({ branchId: "b1", days: ["2026-03-12"] }, async () => {
      order.push("same day");
    });
    const otherDay = withBookingTurn({ branchId: "b1", days: ["2026-03-13"] }, async () => {
      order.push("other day");
    });
    const otherBranch = withBookingTurn({ branchId: "b2", days: ["2026-03-12"] }, async () => {
      order.push("other branch");
    });
    await Promise.all([otherDay, otherBranch]);
    expect(order).toEqual(["other day", "other branch"]);
    release();
    await Promise.all([first, sameDay]);
    expect(order).toEqual(["other day", "other branch", "first", "same day"]);
  });

  it("asks the caller to try again when the turn came too late", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = withBookingTurn({ branchId: "b3", days: ["2026-03-12"] }, () => gate);
    const late = withBookingTurn({ branchId: "b3", days: ["2026-03-12"] }, async () => "ran", 5);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await first;
    await expect(late).rejects.toMatchObject({ message: expect.stringContaining("Bitte versuchen Sie es gleich noch einmal") });
  });
});
