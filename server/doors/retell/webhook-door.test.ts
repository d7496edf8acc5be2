import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "@/server/platform/outbox/worker";
import { WEBHOOK_BODY_LIMIT_BYTES } from "@/server/doors/request-kit";
import { handleRetellWebhook } from "./webhook-door";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";

const URL = "http://localhost/api/mcp/retell/webhook";
let db: Awaited<ReturnType<typeof seededTestDb>>;
const deps = () => ({ db: db.prisma, now: () => FIXED_NOW });
const post = (body: unknown, opts?: Parameters<typeof signedRequest>[2]) => handleRetellWebhook(signedRequest(URL, body, opts), deps());
const stored = (callId: string) => db.prisma.webhookEvent.count({ where: { dedupeKey: { contains: `:${callId}:` } } });
const jobs = (callId: string) => db.prisma.outboxJob.count({ where: { dedupeKey: { contains: `:${callId}:` } } });
const work = () => runDueJobs({ db: db.prisma, now: () => FIXED_NOW });

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(() => db.close());

describe("webhook door: signature and owner", () => {
  const started = (callId: string) => ({ event: "call_started", call: demoCall(callId, { call_status: "ongoing", start_timestamp: FIXED_NOW.getTime() }) });

  it("accepts a signed event, stores it and queues its processing", async () => {
    const res = await post(started("wh_ok"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "accepted" });
    expect([await stored("wh_ok"), await jobs("wh_ok")]).toEqual([1, 1]);
  });

  for (const [what, opts, callId] of [
    ["a wrong key", { key: "falscher-key" }, "wh_key"],
    ["a stale timestamp", { timestampMs: FIXED_NOW.getTime() - 10 * 60_000 }, "wh_stale"],
    ["a future timestamp", { timestampMs: FIXED_NOW.getTime() + 10 * 60_000 }, "wh_future"],
    ["a malformed header", { signature: "v=1,d=xyz" }, "wh_malformed"],
  ] as const) {
    it(`refuses ${what} with 401 and stores nothing`, async () => {
      const res = await post(started(callId), opts);
      expect(res.status).toBe(401);
      expect([await stored(callId), await jobs(callId)]).toEqual([0, 0]);
    });
  }

  it("refuses a tampered body with 401", async () => {
    const signed = signedRequest(URL, started("wh_tamper"));
    const body = JSON.stringify({ ...started("wh_tamper"), event: "call_ended" });
    const res = await handleRetellWebhook(new Request(URL, { method: "POST", headers: signed.headers, body }), deps());
    expect(res.status).toBe(401);
    expect(await stored("wh_tamper")).toBe(0);
  });

  it("refuses an event for a number that is not ours like a bad signature (401)", async () => {
    const res = await post({ event: "call_started", call: demoCall("wh_foreign", { to_number: "+49309999999" }) });
    expect(res.status).toBe(401);
    expect(await stored("wh_foreign")).toBe(0);
  });

  it("refuses what is not a Retell event with 400", async () => {
    const noCall = await post({ event: "call_started" });
    expect([noCall.status, await noCall.json()]).toEqual([400, { error: "Unbekanntes Ereignisformat: erwartet { event, call }." }]);
    const notJson = await post("{nope");
    expect([notJson.status, await notJson.json()]).toEqual([400, { error: "Ungültiges JSON." }]);
  });

  it("refuses a body over the size limit with 413 and stores nothing", async () => {
    const huge = { ...started("wh_huge"), padding: "x".repeat(WEBHOOK_BODY_LIMIT_BYTES) };
    const res = await post(huge);
    expect([res.status, await res.json()]).toEqual([413, { error: "Anfrage zu groß." }]);
    expect(await stored("wh_huge")).toBe(0);
  });

  it("answers a refused signature with one short sentence", async () => {
    const res = await post(started("wh_sentence"), { key: "falscher-key" });
    expect(await res.json()).toEqual({ error: "Ungültige Signatur." });
  });

  it("without a given clock, checks the signature against the current time and stamps the event with it", async () => {
    const withoutClock = (body: unknown, timestampMs: number) => handleRetellWebhook(signedRequest(URL, body, { timestampMs }), { db: db.prisma });
    const before = Date.now();
    expect((await withoutClock(started("wh_clock"), Date.now())).status).toBe(200);
    const event = await db.prisma.webhookEvent.findUniqueOrThrow({ where: { dedupeKey: `retell:${db.companyId}:wh_clock:call_started` } });
    expect(event.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(event.receivedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await withoutClock(started("wh_clock_old"), Date.now() - 10 * 60_000)).status).toBe(401);
  });

  it("stamps the event with the door's clock", async () => {
    await post(started("wh_stamp"));
    const event = await db.prisma.webhookEvent.findUniqueOrThrow({ where: { dedupeKey: `retell:${db.companyId}:wh_stamp:call_started` } });
    expect(event.receivedAt).toEqual(FIXED_NOW);
  });
});

describe("webhook door: de-duplication", () => {
  it("acknowledges a repeated (call_id, event) with 200 and changes nothing", async () => {
    const event = { event: "call_ended", call: demoCall("wh_dupe", { call_status: "ended", end_timestamp: FIXED_NOW.getTime() }) };
    const responses = await Promise.all([post(event), post(event), post(event)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const statuses = (await Promise.all(responses.map((r) => r.json()))).map((b) => b.status).sort();
    expect(statuses).toEqual(["accepted", "duplicate", "duplicate"]);
    expect([await stored("wh_dupe"), await jobs("wh_dupe")]).toEqual([1, 1]);
  });

  it("stores other events without queueing work", async () => {
    const res = await post({ event: "transcript_updated", call: demoCall("wh_other") });
    expect(await res.json()).toEqual({ status: "stored" });
    const event = await db.prisma.webhookEvent.findUniqueOrThrow({ where: { dedupeKey: `retell:${db.companyId}:wh_other:transcript_updated` } });
    expect(event.status).toBe("ignored");
    expect(await jobs("wh_other")).toBe(0);
  });

  it("processes queued events through the outbox worker", async () => {
    await post({ event: "call_started", call: demoCall("wh_worker", { agent_id: "agent_demo_empfang", agent_version: 1, start_timestamp: FIXED_NOW.getTime() }) });
    const summary = await work();
    expect(summary.failed).toBe(0);
    const call = await db.prisma.call.findFirstOrThrow({ where: { retellCallId: "wh_worker" } });
    expect(call).toMatchObject({ agentId: "agent_demo_empfang", agentVersion: 1, toNumber: "+49301234567", startedAt: FIXED_NOW });
    const event = await db.prisma.webhookEvent.findUniqueOrThrow({ where: { dedupeKey: `retell:${db.companyId}:wh_worker:call_started` } });
    expect(event.status).toBe("processed");
  });
});
