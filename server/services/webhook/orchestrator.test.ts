import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { executeFunction } from "@/server/services/retell-function/service";
import type { ServiceContext } from "@/server/core/types";
import { runDueJobs } from "@/server/platform/outbox/worker";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest, testContext } from "@/server/testing/retell";
import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { DEMO_PHONE_NUMBER } from "@/server/seed/demo";

const MARIA = "+4917112345670";
let db: Awaited<ReturnType<typeof seededTestDb>>;
let ctx: ServiceContext;

beforeAll(async () => {
  db = await seededTestDb();
  ctx = testContext(db.prisma, db.companyId, { actor: { type: "retell", id: null } });
});
afterAll(() => db.close());

async function deliver(event: string, callId: string, extra: Record<string, unknown> = {}) {
  const res = await handleRetellWebhook(
    signedRequest("http://localhost/api/mcp/retell/webhook", { event, call: demoCall(callId, extra) }),
    { db: db.prisma, now: () => FIXED_NOW },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string };
}
const work = () => runDueJobs({ db: db.prisma, now: () => FIXED_NOW });
const collect = (callId: string, args: Record<string, unknown>) =>
  executeFunction(ctx, { function_name: "collect_appointment_data", parameters: args, call_context: { call_id: callId, from_number: "+4917612345678", to_number: DEMO_PHONE_NUMBER } });
const call = (callId: string) => db.prisma.call.findFirstOrThrow({ where: { retellCallId: callId } });

describe("calls stored from webhooks", () => {
  it("stores numbers, times, duration, transcript, summary and sentiment, and links the known caller", async () => {
    const start = FIXED_NOW.getTime() - 120_000;
    await deliver("call_started", "o_full", { from_number: MARIA, agent_id: "agent_demo_empfang", agent_version: 3, call_status: "ongoing", start_timestamp: start });
    await deliver("call_ended", "o_full", {
      from_number: MARIA,
      call_status: "ended",
      start_timestamp: start,
      end_timestamp: start + 95_000,
      duration_ms: 95_000,
      disconnection_reason: "user_hangup",
      transcript: "Agent: Salon Schönschnitt, guten Tag.\nUser: Ich habe eine Frage zu den Preisen.",
      transcript_object: [{ role: "agent", content: "Salon Schönschnitt, guten Tag." }],
      recording_url: "https://retell.example/rec/o_full.wav",
    });
    await deliver("call_analyzed", "o_full", {
      from_number: MARIA,
      call_analysis: { call_summary: "Die Anruferin fragte nach Preisen.", user_sentiment: "Positive", call_successful: true, in_voicemail: false },
    });
    expect((await work()).failed).toBe(0);

    const row = await call("o_full");
    const maria = await db.prisma.customer.findFirstOrThrow({ where: { phone: MARIA } });
    expect(row).toMatchObject({
      fromNumber: MARIA,
      toNumber: DEMO_PHONE_NUMBER,
      agentId: "agent_demo_empfang",
      agentVersion: 3,
      status: "ended",
      startedAt: new Date(start),
      endedAt: new Date(start + 95_000),
      durationMs: 95_000,
      disconnectionReason: "user_hangup",
      recordingUrl: "https://retell.example/rec/o_full.wav",
      summary: "Die Anruferin fragte nach Preisen.",
      sentiment: "Positive",
      successful: true,
      customerId: maria.id,
    });
    expect(row.transcript).toContain("Preisen");
    expect(row.branchId).not.toBeNull();
    const events = await db.prisma.webhookEvent.findMany({ where: { dedupeKey: { startsWith: `retell:${db.companyId}:o_full:` } } });
    expect(events.map((e) => e.status)).toEqual(["processed", "processed", "processed"]);
  });

  it("keeps what an earlier event said when events arrive out of order", async () => {
    await deliver("call_analyzed", "o_order", { call_analysis: { call_summary: "Kurz." } });
    await deliver("call_ended", "o_order", { call_status: "ended" });
    await work();
    await deliver("call_started", "o_order", { call_status: "ongoing", start_timestamp: FIXED_NOW.getTime() });
    await work();
    expect(await call("o_order")).toMatchObject({ summary: "Kurz.", startedAt: FIXED_NOW, status: "ended" });
  });

  it("links the appointment booked during the call", async () => {
    await executeFunction(ctx, {
      function_name: "book_appointment",
      parameters: { datum: "Montag", uhrzeit: "9 Uhr", name: "Paul Plan", dienstleistung: "Damenhaarschnitt" },
      call_context: { call_id: "o_booked", from_number: "+4915700000001", to_number: DEMO_PHONE_NUMBER },
    });
    await deliver("call_ended", "o_booked", { from_number: "+4915700000001", call_status: "ended" });
    await work();
    const appointment = await db.prisma.appointment.findFirstOrThrow({ where: { retellCallId: "o_booked" } });
    expect(await call("o_booked")).toMatchObject({ appointmentId: appointment.id, customerId: appointment.customerId, outcome: "booked" });
    expect(await db.prisma.task.count({ where: { call: { retellCallId: "o_booked" } } })).toBe(0);
  });
});

describe("collected but not booked at call_ended", () => {
  it("books the collected appointment when the slot is free, once", async () => {
    await collect("o_collect_free", { datum: "Montag", uhrzeit: "halb zwölf", name: "Frieda Frei", telefonnummer: "0157 00000002", dienstleistung: "Bartpflege" });
    await deliver("call_ended", "o_collect_free", { call_status: "ended" });
    await work();
    const appointments = await db.prisma.appointment.findMany({ where: { retellCallId: "o_collect_free" }, include: { customer: true } });
    expect(appointments).toHaveLength(1);
    expect(appointments[0].customer).toMatchObject({ name: "Frieda Frei", phone: "+4915700000002" });
    expect(await call("o_collect_free")).toMatchObject({ appointmentId: appointments[0].id, outcome: "booked" });

    const event = await db.prisma.webhookEvent.findUniqueOrThrow({ where: { dedupeKey: `retell:${db.companyId}:o_collect_free:call_ended` } });
    const admin = { companyId: db.companyId, actor: { type: "user" as const, id: "a", role: "admin" as const }, correlationId: "t", db: db.prisma, now: () => FIXED_NOW };
    const again = await callMethod("webhook.processEvent", { event_id: event.id }, admin);
    expect(again.data).toMatchObject({ status: "processed", settlement: "already_handled" });
    expect(await db.prisma.appointment.count({ where: { retellCallId: "o_collect_free" } })).toBe(1);
  });

  it("turns a collected appointment whose slot is taken into one follow-up task", async () => {
    // Freitag 15:00 Bartpflege is taken in the demo data (Jonas Wagner, Stefan Wolf).
    await collect("o_collect_taken", { datum: "Freitag", uhrzeit: "15 Uhr", name: "Theo Taken", telefonnummer: "0157 00000003", dienstleistung: "Bartpflege" });
    expect((await deliver("call_ended", "o_collect_taken", { call_status: "ended" })).status).toBe("accepted");
    expect((await deliver("call_ended", "o_collect_taken", { call_status: "ended" })).status).toBe("duplicate");
    await work();
    const event = await db.prisma.webhookEvent.findUniqueOrThrow({ where: { dedupeKey: `retell:${db.companyId}:o_collect_taken:call_ended` } });
    const admin = { companyId: db.companyId, actor: { type: "user" as const, id: "a", role: "admin" as const }, correlationId: "t", db: db.prisma, now: () => FIXED_NOW };
    await callMethod("webhook.processEvent", { event_id: event.id }, admin);

    const tasks = await db.prisma.task.findMany({ where: { call: { retellCallId: "o_collect_taken" } } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0].title).toBe("Rückruf: Terminwunsch von Theo Taken (Bartpflege am 13.03.2026 um 15:00 Uhr)");
    expect(tasks[0].details).toMatchObject({ customer_phone: "+4915700000003", reason: "Der gewünschte Termin ist nicht verfügbar." });
    expect(await call("o_collect_taken")).toMatchObject({ outcome: "follow_up", appointmentId: null });
    expect(await db.prisma.appointment.count({ where: { retellCallId: "o_collect_taken" } })).toBe(0);
  });

  it("turns incomplete data into a follow-up task", async () => {
    await collect("o_partial", { name: "Ida Incomplete", dienstleistung: "Färben" });
    await deliver("call_ended", "o_partial", { call_status: "ended" });
    await work();
    const task = await db.prisma.task.findFirstOrThrow({ where: { call: { retellCallId: "o_partial" } } });
    expect(task.title).toBe("Rückruf: unvollständige Terminanfrage von Ida Incomplete");
    expect(task.details).toMatchObject({ fields: { name: "Ida Incomplete", dienstleistung: "Färben" } });
  });

  it("leaves a call without collected data alone", async () => {
    await deliver("call_ended", "o_nothing", { call_status: "ended" });
    await work();
    expect(await db.prisma.task.count({ where: { call: { retellCallId: "o_nothing" } } })).toBe(0);
    expect((await call("o_nothing")).outcome).toBeNull();
  });
});

describe("calls and tasks for the dashboard", () => {
  const door = (companyId: string, role: "admin" | "staff" = "staff") => ({
    companyId,
    actor: { type: "user" as const, id: "u", role },
    correlationId: "t",
    db: db.prisma,
    now: () => FIXED_NOW,
  });

  it("lists calls with outcome, customer and appointment; one call with its transcript", async () => {
    const { data } = await callMethod("webhook.listCalls", {}, door(db.companyId));
    const calls = (data as { calls: Array<{ retell_call_id: string; outcome: string | null; customer: { phone: string } | null; transcript?: unknown }> }).calls;
    const full = calls.find((c) => c.retell_call_id === "o_full")!;
    expect(full.customer?.phone).toBe(MARIA);
    expect(full).not.toHaveProperty("transcript");
    expect(calls.find((c) => c.retell_call_id === "o_collect_free")?.outcome).toBe("booked");

    const one = await callMethod("webhook.getCall", { call_id: "o_full" }, door(db.companyId));
    expect((one.data as { call: { transcript: string } }).call.transcript).toContain("Preisen");
    const booked = await callMethod("webhook.listCalls", { outcome: "booked" }, door(db.companyId));
    expect((booked.data as { calls: Array<{ outcome: string }> }).calls.every((c) => c.outcome === "booked")).toBe(true);
  });

  it("lists the follow-up tasks, staff can close one, other companies see none", async () => {
    const { data } = await callMethod("webhook.listTasks", { status: "open" }, door(db.companyId));
    const tasks = (data as { tasks: Array<{ id: string; call_id: string }> }).tasks;
    const taken = tasks.find((t) => t.call_id === "o_collect_taken")!;
    expect(taken).toBeDefined();
    await callMethod("webhook.setTaskStatus", { task_id: taken.id, status: "done" }, door(db.companyId));
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: taken.id } })).status).toBe("done");

    const other = await db.prisma.company.create({ data: { slug: "fremd-calls", name: "Fremd" } });
    expect(((await callMethod("webhook.listCalls", {}, door(other.id))).data as { total: number }).total).toBe(0);
    await expect(callMethod("webhook.setTaskStatus", { task_id: taken.id, status: "open" }, door(other.id))).rejects.toMatchObject({ code: 3005 });
    await expect(callMethod("webhook.getCall", { call_id: "o_full" }, door(other.id))).rejects.toMatchObject({ code: 3005 });
  });
});
