/** Anrufe through tRPC: every user reads the company's calls and one call's transcript; other companies see none. */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { callSchema } from "@/server/services/webhook/schemas";
import { seedDemoData } from "@/server/seed";
import { DEMO_CALLS } from "@/server/seed/demo-calls";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";
import type { z } from "zod";

const NOW = new Date("2026-03-10T08:00:00Z");

type CallDto = z.output<typeof callSchema>;
type List = { calls: CallDto[]; total: number };

let db: TestDb;
let staff: Session;
let otherAdmin: Session;

const call = (path: string, session: Session, input?: unknown) => callTrpc(appRouter, path, session, input, { db: db.prisma, now: () => NOW });

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoData(db.prisma, { now: NOW });
  const [demo, physio] = await Promise.all(["demo", "physio-demo"].map((slug) => db.prisma.company.findUniqueOrThrow({ where: { slug } })));
  staff = (await sessionsOf(db.prisma, demo.id)).staff;
  otherAdmin = (await sessionsOf(db.prisma, physio.id)).admin;
});

beforeEach(() => setCache(new MemoryCache()));

afterAll(async () => {
  await db?.close();
});

describe("Anrufe", () => {
  it("lists the seeded calls newest first for staff, with caller, duration, outcome, sentiment and summary", async () => {
    const res = await call("webhook.listCalls", staff, { limit: 50 });
    const { calls, total } = res.data as List;
    expect(total).toBe(DEMO_CALLS.length);
    const starts = calls.map((c) => c.started_at!);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(calls[0]).toMatchObject({ from_number: "+4917298765432", outcome: "follow_up", sentiment: "Negative", duration_ms: 96_000, customer: null });
    expect(calls[0]).not.toHaveProperty("transcript");
    const maria = calls.find((c) => c.summary === "Maria Müller buchte einen Damenhaarschnitt.")!;
    expect(maria).toMatchObject({ customer: { name: "Maria Müller" }, appointment: { service: "Damenhaarschnitt", status: "scheduled" } });
  });

  it("filters by outcome and pages", async () => {
    const booked = (await call("webhook.listCalls", staff, { outcome: "booked" })).data as List;
    expect(booked.total).toBe(DEMO_CALLS.filter((c) => c.outcome === "booked").length);
    expect(booked.calls.every((c) => c.outcome === "booked" && c.appointment !== null)).toBe(true);
    const all = (await call("webhook.listCalls", staff, {})).data as List;
    const page2 = (await call("webhook.listCalls", staff, { limit: 4, offset: 4 })).data as List;
    expect(page2.calls.map((c) => c.id)).toEqual(all.calls.slice(4, 8).map((c) => c.id));
  });

  it("gives one call with its transcript in speaker turns and the appointment it booked", async () => {
    const { calls } = (await call("webhook.listCalls", staff, { outcome: "booked" })).data as List;
    const res = await call("webhook.getCall", staff, { call_id: calls[0].id });
    const one = (res.data as { call: CallDto }).call;
    expect(one.transcript_turns?.[0]).toEqual({ role: "agent", content: expect.stringContaining("Salon Schönschnitt") });
    expect(one.transcript_turns?.some((t) => t.role === "user")).toBe(true);
    expect(one.transcript).toContain("User: ");
    expect(one.appointment?.id).toBe(calls[0].appointment?.id);
    expect(one.collected_data).toMatchObject({ fields: { telefonnummer: one.from_number } });
    // By Retell's call id as well.
    expect((await call("webhook.getCall", staff, { call_id: one.retell_call_id })).data).toMatchObject({ call: { id: one.id } });
  });

  it("keeps calls within the company: another company lists none of them and gets 404 for one", async () => {
    expect((await call("webhook.listCalls", otherAdmin, {})).data).toMatchObject({ total: 0, calls: [] });
    const { calls } = (await call("webhook.listCalls", staff, {})).data as List;
    const foreign = await call("webhook.getCall", otherAdmin, { call_id: calls[0].id });
    expect(foreign).toMatchObject({ status: 404, data: undefined, error: { message: "Der Anruf wurde nicht gefunden." } });
  });

  it("returns field issues for invalid filters", async () => {
    const res = await call("webhook.listCalls", staff, { outcome: "vielleicht", limit: 500 });
    expect(res.status).toBe(400);
    expect((res.error?.data.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual(["limit", "outcome"]);
  });
});
