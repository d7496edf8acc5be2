/** Funktionstest through tRPC: admins run functions dry or confirmed, and replay a past call's function calls. */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { executeFunction } from "@/server/services/retell-function/service";
import { seedDemoData } from "@/server/seed";
import { DEMO_PHONE_NUMBER } from "@/server/seed/demo";
import { testContext } from "@/server/testing/retell";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

// Tuesday 10.03.2026, 09:00 in Berlin: "übermorgen" is Thursday 12.03., open 09–20.
const NOW = new Date("2026-03-10T08:00:00Z");
const CALLER = "+4917600011122";

let db: TestDb;
let demoId: string;
let admin: Session;
let staff: Session;
let otherAdmin: Session;

const call = (path: string, session: Session, input?: unknown) =>
  callTrpc(appRouter, path, session, input, { db: db.prisma, now: () => NOW, mutation: path === "retell.function.test" });
const bookArgs = { datum: "übermorgen", uhrzeit: "um halb drei", name: "Tina Test", telefonnummer: CALLER, dienstleistung: "Herrenhaarschnitt" };
const bookedForCaller = () => db.prisma.appointment.count({ where: { companyId: demoId, customer: { phone: CALLER }, status: "scheduled" } });

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoData(db.prisma, { now: NOW });
  const [demo, physio] = await Promise.all(["demo", "physio-demo"].map((slug) => db.prisma.company.findUniqueOrThrow({ where: { slug } })));
  demoId = demo.id;
  ({ admin, staff } = await sessionsOf(db.prisma, demo.id));
  otherAdmin = (await sessionsOf(db.prisma, physio.id)).admin;
});

beforeEach(() => setCache(new MemoryCache()));

afterAll(async () => {
  await db?.close();
});

describe("Funktionstest", () => {
  it("lists built-in functions with their fields and the branches", async () => {
    const res = await call("retell.function.listTestable", admin, {});
    const data = res.data as { functions: Array<{ name: string; writes: boolean; fields: Array<{ name: string; required: boolean }> }>; branches: unknown[] };
    const book = data.functions.find((f) => f.name === "book_appointment")!;
    expect(book.writes).toBe(true);
    expect(book.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["datum", "uhrzeit", "name", "dienstleistung"]));
    expect(data.functions.find((f) => f.name === "check_availability")).toMatchObject({ writes: false });
    expect(data.branches).toHaveLength(2);
  });

  it("a dry run shows what the agent receives and says and books nothing; confirmed, it books", async () => {
    const dry = await call("retell.function.test", admin, { function_name: "book_appointment", parameters: bookArgs });
    expect(dry.status).toBe(200);
    expect(dry.data).toMatchObject({
      dry_run: true,
      writes: true,
      received: { function_name: "book_appointment", parameters: bookArgs },
      answer: { success: true, dry_run: true, would_book: { date: "12.03.2026", time: "14:30", service: "Herrenhaarschnitt" } },
    });
    expect((dry.data as { answer: { message: string } }).answer.message).toBe("Der Termin am Donnerstag, 12.03.2026 um 14:30 Uhr ist verfügbar.");
    expect(await bookedForCaller()).toBe(0);

    const real = await call("retell.function.test", admin, { function_name: "book_appointment", parameters: bookArgs, confirm: true });
    expect(real.data).toMatchObject({ dry_run: false, answer: { success: true, appointment: { date: "12.03.2026", time: "14:30" } } });
    expect(await bookedForCaller()).toBe(1);
    const appointment = await db.prisma.appointment.findFirstOrThrow({ where: { companyId: demoId, customer: { phone: CALLER } } });
    expect(appointment).toMatchObject({ source: "dashboard", retellCallId: null });
  });

  it("answers what the agent would say when the words are not understood", async () => {
    const res = await call("retell.function.test", admin, { function_name: "check_availability", parameters: { datum: "irgendwann", dienstleistung: "Bartpflege" } });
    expect(res.data).toMatchObject({ dry_run: true, writes: false, answer: { success: false, error_code: 4002, message: "Das Datum habe ich nicht verstanden." } });
  });

  it("replays a past call's function calls with their arguments", async () => {
    const ctx = testContext(db.prisma, demoId, { actor: { type: "retell", id: null }, now: NOW });
    await executeFunction(ctx, {
      function_name: "check_availability",
      parameters: { datum: "morgen", uhrzeit: "um zehn", dienstleistung: "Bartpflege" },
      call_context: { call_id: "call_replay_1", from_number: CALLER, to_number: DEMO_PHONE_NUMBER },
    });
    await flushWriteBehind(); // the replay record is written with the next batch
    const stored = await db.prisma.call.findFirst({ where: { retellCallId: "call_replay_1" } });
    const callRow = stored ?? (await db.prisma.call.create({ data: { companyId: demoId, retellCallId: "call_replay_1", fromNumber: CALLER } }));
    const res = await call("retell.function.callFunctionCalls", admin, { call_id: callRow.id });
    expect(res.data).toMatchObject({
      call_id: callRow.id,
      calls: [{ function_name: "check_availability", parameters: { datum: "morgen", uhrzeit: "um zehn", dienstleistung: "Bartpflege" }, answer: { success: true } }],
    });
    const foreign = await call("retell.function.callFunctionCalls", otherAdmin, { call_id: callRow.id });
    expect(foreign.status).toBe(404);
  });

  it("is for admins only", async () => {
    const res = await call("retell.function.test", staff, { function_name: "check_availability", parameters: {} });
    expect(res.status).toBe(403);
  });
});
