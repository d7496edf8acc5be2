/** The demo calls seeded with every new demo database: realistic, in the last two weeks, linked to what they booked. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { instantToLocal } from "@/server/scheduling/time";
import { DEMO_CALLS, transcriptText } from "./demo-calls";
import { seedDemoData } from "./index";

// A Tuesday morning in Berlin.
const NOW = new Date("2026-03-10T08:00:00Z");
const TZ = "Europe/Berlin";

let db: TestDb;
let demoId: string;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoData(db.prisma, { now: NOW });
  demoId = (await db.prisma.company.findUniqueOrThrow({ where: { slug: "demo" } })).id;
});
afterAll(async () => {
  await db?.close();
});

describe("seedDemoData: demo calls", () => {
  it("stores the calls for the salon only, on the 13 days before today", async () => {
    const calls = await db.prisma.call.findMany({ orderBy: { startedAt: "asc" } });
    expect(calls).toHaveLength(DEMO_CALLS.length);
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(calls.every((c) => c.companyId === demoId)).toBe(true);

    const today = instantToLocal(NOW, TZ).date;
    const days = calls.map((c) => instantToLocal(c.startedAt!, TZ).date);
    expect(days.every((d) => d < today && d >= "2026-02-25")).toBe(true);
    expect(days[0]).toBe("2026-02-25"); // 13 days ago
    expect(days.at(-1)).toBe("2026-03-09"); // yesterday
    // Listed newest first like webhook calls: recorded when they came in.
    expect(calls.every((c) => c.createdAt.getTime() === c.startedAt!.getTime())).toBe(true);
  });

  it("gives each call numbers, duration, summary, sentiment and a transcript in turns and as text", async () => {
    const calls = await db.prisma.call.findMany();
    for (const c of calls) {
      expect(c).toMatchObject({ toNumber: "+49301234567", status: "ended", direction: "inbound" });
      expect(c.fromNumber).toMatch(/^\+49\d+$/);
      expect(c.durationMs).toBe(c.endedAt!.getTime() - c.startedAt!.getTime());
      expect(c.summary).toBeTruthy();
      expect(["Positive", "Neutral", "Negative"]).toContain(c.sentiment);
      const turns = c.transcriptObject as Array<{ role: string; content: string }>;
      expect(turns.length).toBeGreaterThanOrEqual(2);
      expect(turns[0].role).toBe("agent");
      expect(c.transcript).toBe(transcriptText(turns as Parameters<typeof transcriptText>[0]));
    }
    expect(new Set(calls.map((c) => c.outcome))).toEqual(new Set(["booked", "info", "follow_up", "none"]));
  });

  it("links each booking call to the caller's appointment, both ways, and names its time in the transcript", async () => {
    const booked = await db.prisma.call.findMany({
      where: { outcome: "booked" },
      include: { appointment: { include: { customer: true } }, customer: true },
    });
    expect(booked).toHaveLength(DEMO_CALLS.filter((c) => c.booked).length);
    for (const call of booked) {
      expect(call.appointment).not.toBeNull();
      expect(call.appointment!.retellCallId).toBe(call.retellCallId);
      expect(call.appointment!.customer.phone).toBe(call.fromNumber);
      expect(call.customerId).toBe(call.appointment!.customerId);
      expect(call.collectedData).toMatchObject({ fields: { telefonnummer: call.fromNumber, name: call.customer!.name } });
      const time = new Intl.DateTimeFormat("de-DE", { timeZone: TZ, hour: "2-digit", minute: "2-digit" }).format(call.appointment!.startsAt);
      expect(call.transcript).toContain(`um ${time} Uhr`);
    }
    const sabine = booked.find((c) => c.fromNumber === "+4916012312312")!;
    expect(sabine.transcript).toContain("bei Sophie Hoffmann");
  });

  it("leaves the demo appointments as seedDemo made them, apart from the call reference", async () => {
    expect(await db.prisma.appointment.count({ where: { companyId: demoId } })).toBe(12);
    expect(await db.prisma.appointment.count({ where: { companyId: demoId, status: "scheduled", startsAt: { gte: NOW } } })).toBe(9);
    expect(await db.prisma.appointment.count({ where: { retellCallId: { not: null } } })).toBe(DEMO_CALLS.filter((c) => c.booked).length);
  });
});
