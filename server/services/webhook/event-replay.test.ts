/**
 * Webhook-Ereignisse: the list (filters, paging, no payload), the detail with secrets hidden, and
 * "erneut verarbeiten": a failed event runs again through its delivery's own steps once the cause
 * is fixed, a processed one is left alone, two replays at once run once; only the company's
 * admins see or replay its events.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { isAppError, ErrorCodes } from "@/server/core/errors";
import { calcomWebhookDoor } from "@/server/doors/calcom/webhook-door";
import { signCalcomWebhook } from "@/server/integrations/calcom/webhook-signature";
import { logger } from "@/server/platform/logger";
import { FIXED_NOW, demoCall, seededTestDb, signedRequest, testContext } from "@/server/testing/retell";
import { createOtherCompany, type Tenant } from "@/server/testing/tenants";
import { updateConnection } from "@/server/services/calcom/connection";
import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { runDueJobs } from "@/server/platform/outbox/worker";
import { HIDDEN } from "./mask-secrets";

const SECRET = "whsec_calcom_replay_0123456789";
const EVENT_TYPE = 7777;
let db: Awaited<ReturnType<typeof seededTestDb>>;
let other: Tenant;

beforeAll(async () => {
  db = await seededTestDb();
  await updateConnection(testContext(db.prisma, db.companyId), { provider: "local", webhook_secret: SECRET });
  other = await createOtherCompany(db.prisma);
});
afterAll(() => db.close());

const door = (companyId: string, role: "admin" | "staff" = "admin") => ({
  companyId,
  actor: { type: "user" as const, id: `u-${role}`, role },
  correlationId: "t",
  db: db.prisma,
  now: () => FIXED_NOW,
});
const call = async <T>(method: string, params: unknown, who = door(db.companyId)) => (await callMethod(method, params, who)).data as T;
const refusal = (method: string, params: unknown, who: ReturnType<typeof door>) =>
  callMethod(method, params, who).then(
    () => null,
    (error: unknown) => (isAppError(error) ? error.code : String(error)),
  );

type Row = { id: string; provider: string; event: string; status: string; error: string | null; attempts: number; replayable: boolean };
type Replay = { event: Row; replayed: boolean; message: string };

/** A Cal.com booking as Cal.com posts it, signed with the company's webhook secret. */
async function deliverBooking(uid: string, eventTypeId = EVENT_TYPE) {
  const raw = JSON.stringify({
    triggerEvent: "BOOKING_CREATED",
    createdAt: "2026-03-11T09:00:00.000Z",
    payload: {
      uid,
      eventTypeId,
      startTime: "2026-03-19T09:00:00.000Z",
      endTime: "2026-03-19T09:30:00.000Z",
      attendees: [{ name: "Wera Webhook", email: "wera@example.de", phoneNumber: "+4917655544433" }],
    },
  });
  const request = new Request("http://localhost/api/mcp/calcom/webhook?company=demo", {
    method: "POST",
    headers: { "content-type": "application/json", "x-cal-signature-256": signCalcomWebhook(raw, SECRET) },
    body: raw,
  });
  const response = await calcomWebhookDoor(request, { db: db.prisma, now: () => FIXED_NOW, log: logger });
  expect(response.status).toBe(200);
  return db.prisma.webhookEvent.findFirstOrThrow({ where: { dedupeKey: { contains: uid } } });
}
const mapEventType = (serviceName: string, id: number | null) =>
  db.prisma.service.updateMany({ where: { companyId: db.companyId, name: serviceName }, data: { calcomEventTypeId: id } });

describe("erneut verarbeiten", () => {
  it("replays a failed Cal.com booking to processed once its event type is mapped, and counts each run", async () => {
    const stored = await deliverBooking("replay-uid-1");
    expect(stored).toMatchObject({ status: "failed", error: `Terminart ${EVENT_TYPE} ist keiner Leistung zugeordnet`, attempts: 1 });

    const early = await call<Replay>("webhook.replayEvent", { event_id: stored.id });
    expect(early).toMatchObject({ replayed: true, event: { status: "failed", attempts: 2, replayable: true } });
    expect(early.message).toBe(`Die Verarbeitung ist erneut fehlgeschlagen: Terminart ${EVENT_TYPE} ist keiner Leistung zugeordnet`);

    await mapEventType("Herrenhaarschnitt", EVENT_TYPE);
    try {
      const fixed = await call<Replay>("webhook.replayEvent", { event_id: stored.id });
      expect(fixed).toMatchObject({ replayed: true, message: "Das Ereignis wurde erfolgreich verarbeitet.", event: { status: "processed", error: null, attempts: 3, replayable: false } });
      const appointment = await db.prisma.appointment.findFirstOrThrow({ where: { companyId: db.companyId, externalUid: "replay-uid-1" }, include: { service: true, customer: true } });
      expect(appointment).toMatchObject({ source: "calcom", startsAt: new Date("2026-03-19T09:00:00.000Z"), service: { name: "Herrenhaarschnitt" }, customer: { phone: "+4917655544433" } });

      // A processed event is left alone: nothing runs, nothing is counted.
      const again = await call<Replay>("webhook.replayEvent", { event_id: stored.id });
      expect(again).toMatchObject({ replayed: false, message: "Das Ereignis ist bereits verarbeitet. Es wurde nichts geändert.", event: { status: "processed", attempts: 3 } });
      expect(await db.prisma.appointment.count({ where: { externalUid: "replay-uid-1" } })).toBe(1);
    } finally {
      await mapEventType("Herrenhaarschnitt", null);
    }
  });

  it("runs two replays started at the same moment once", async () => {
    const stored = await deliverBooking("replay-uid-2", EVENT_TYPE + 1);
    await mapEventType("Bartpflege", EVENT_TYPE + 1);
    try {
      const answers = await Promise.all([1, 2, 3].map(() => call<Replay>("webhook.replayEvent", { event_id: stored.id })));
      expect(answers.filter((a) => a.replayed)).toHaveLength(1);
      const after = await db.prisma.webhookEvent.findUniqueOrThrow({ where: { id: stored.id } });
      expect(after).toMatchObject({ status: "processed", attempts: 2, error: null });
      expect(await db.prisma.appointment.count({ where: { externalUid: "replay-uid-2" } })).toBe(1);
    } finally {
      await mapEventType("Bartpflege", null);
    }
  });

  it("replays a failed Retell call event through the orchestrator, and leaves a recent received one to its job", async () => {
    const callId = "replay_retell_1";
    const failed = await db.prisma.webhookEvent.create({
      data: {
        companyId: db.companyId,
        provider: "retell",
        event: "call_ended",
        dedupeKey: `retell:${db.companyId}:${callId}:call_ended`,
        payload: { event: "call_ended", call: demoCall(callId, { call_status: "ended", duration_ms: 61_000 }) },
        status: "failed",
        error: "Der Kalender ist gerade nicht erreichbar.",
        receivedAt: FIXED_NOW,
      },
    });
    const replay = await call<Replay>("webhook.replayEvent", { event_id: failed.id });
    expect(replay).toMatchObject({ replayed: true, event: { status: "processed", attempts: 2, error: null } });
    expect(await db.prisma.call.findFirstOrThrow({ where: { companyId: db.companyId, retellCallId: callId } })).toMatchObject({ status: "ended", durationMs: 61_000 });

    const fresh = await db.prisma.webhookEvent.create({
      data: { companyId: db.companyId, provider: "retell", event: "call_started", dedupeKey: `retell:${db.companyId}:${callId}:call_started`, payload: { event: "call_started", call: demoCall(callId) }, receivedAt: FIXED_NOW },
    });
    expect(await call<Replay>("webhook.replayEvent", { event_id: fresh.id })).toMatchObject({
      replayed: false,
      message: "Das Ereignis wird gerade verarbeitet. Bitte in einigen Minuten erneut prüfen.",
      event: { status: "received", attempts: 1 },
    });
  });
});

describe("the delivery's own run", () => {
  it("counts the first run of a delivered Retell event once, and a later replay finds it processed", async () => {
    const callId = "replay_job_1";
    const res = await handleRetellWebhook(signedRequest("http://localhost/api/mcp/retell/webhook", { event: "call_ended", call: demoCall(callId, { call_status: "ended" }) }), {
      db: db.prisma,
      now: () => FIXED_NOW,
    });
    expect(res.status).toBe(200);
    expect((await runDueJobs({ db: db.prisma, now: () => FIXED_NOW })).failed).toBe(0);
    const event = await db.prisma.webhookEvent.findUniqueOrThrow({ where: { dedupeKey: `retell:${db.companyId}:${callId}:call_ended` } });
    expect(event).toMatchObject({ status: "processed", attempts: 1 });
    expect(await call<Replay>("webhook.replayEvent", { event_id: event.id })).toMatchObject({ replayed: false, event: { status: "processed", attempts: 1 } });
  });
});

describe("list and detail", () => {
  it("lists newest first without payload, filters by source, status and day, and pages by cursor", async () => {
    const all = await call<{ events: Row[]; next_cursor: string | null }>("webhook.listEvents", { limit: 200 });
    expect(all.events.length).toBeGreaterThanOrEqual(4);
    expect(all.events.every((e) => !("payload" in e))).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { events: Row[]; next_cursor: string | null } = await call("webhook.listEvents", { limit: 1, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.events.map((e) => e.id));

    const calcom = await call<{ events: Row[] }>("webhook.listEvents", { provider: "calcom", status: "processed" });
    expect(calcom.events.length).toBe(2);
    expect(calcom.events.every((e) => e.provider === "calcom" && e.status === "processed")).toBe(true);
    // 11.03.2026 in Berlin: from 23:00 UTC the day before to 23:00 UTC that day.
    const onDay = all.events.filter((e) => {
      const at = new Date((e as Row & { received_at: string }).received_at).getTime();
      return at >= Date.parse("2026-03-10T23:00:00.000Z") && at < Date.parse("2026-03-11T23:00:00.000Z");
    });
    expect(onDay.length).toBeGreaterThanOrEqual(2);
    const filtered = await call<{ events: Row[] }>("webhook.listEvents", { received_from: "2026-03-11", received_to: "2026-03-11", limit: 200 });
    expect(filtered.events.map((e) => e.id)).toEqual(onDay.map((e) => e.id));
  });

  it("shows the payload with secrets hidden and names and phone numbers kept", async () => {
    const event = await db.prisma.webhookEvent.create({
      data: {
        companyId: db.companyId,
        provider: "stripe",
        event: "checkout.session.completed",
        dedupeKey: `stripe:${db.companyId}:evt_mask`,
        status: "processed",
        payload: {
          id: "evt_mask",
          data: { object: { client_secret: "cs_live_abc_secret_xyz", customer_details: { name: "Maria Muster", phone: "+4917112345670" } } },
          api_key: "sk_live_0123456789",
          headers: { Authorization: "Bearer abc.def", "x-retell-signature": "v=1,d=abcdef" },
          note: "whsec_leaked_in_text",
          recording_url: "https://recordings.example/call.wav?X-Amz-Signature=deadbeef&part=1",
          llm_token_usage: { average: 120 },
        },
      },
    });
    const { event: shown } = await call<{ event: { payload: Record<string, unknown> } }>("webhook.getEvent", { event_id: event.id });
    const text = JSON.stringify(shown.payload);
    for (const secret of ["cs_live_abc_secret_xyz", "sk_live_0123456789", "abc.def", "v=1,d=abcdef", "whsec_leaked_in_text", "deadbeef"]) expect(text).not.toContain(secret);
    expect(shown.payload).toMatchObject({
      api_key: HIDDEN,
      headers: { Authorization: HIDDEN, "x-retell-signature": HIDDEN },
      data: { object: { client_secret: HIDDEN, customer_details: { name: "Maria Muster", phone: "+4917112345670" } } },
      llm_token_usage: { average: 120 },
    });
    expect(shown.payload.recording_url).toContain("part=1");

    // Stripe's events are processed at their delivery; they cannot be replayed here.
    expect(await call<Replay>("webhook.replayEvent", { event_id: event.id })).toMatchObject({ replayed: false });
  });

  it("keeps each company's events to itself and its admins", async () => {
    const ours = await db.prisma.webhookEvent.findFirstOrThrow({ where: { companyId: db.companyId, status: "failed" } }).catch(() => deliverBooking("replay-uid-3", EVENT_TYPE + 2));
    const theirs = door(other.companyId);
    expect((await call<{ events: Row[] }>("webhook.listEvents", { limit: 200 }, theirs)).events.map((e) => e.id)).not.toContain(ours.id);
    expect(await refusal("webhook.getEvent", { event_id: ours.id }, theirs)).toBe(ErrorCodes.NOT_FOUND);
    expect(await refusal("webhook.replayEvent", { event_id: ours.id }, theirs)).toBe(ErrorCodes.NOT_FOUND);

    const staff = door(db.companyId, "staff");
    for (const [method, params] of [
      ["webhook.listEvents", {}],
      ["webhook.getEvent", { event_id: ours.id }],
      ["webhook.replayEvent", { event_id: ours.id }],
    ] as const) {
      expect(await refusal(method, params, staff)).toBe(ErrorCodes.FORBIDDEN);
    }
    expect(await db.prisma.webhookEvent.findUniqueOrThrow({ where: { id: ours.id } })).toMatchObject({ attempts: ours.attempts, status: ours.status });
  });
});
